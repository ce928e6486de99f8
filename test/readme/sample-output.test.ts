import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

// The root README's "What it finds" sample must be what `npm run scan --
// examples/express-app` prints: the same relative file headings, and each
// finding line as printed with its rule id trimmed ("Rule ids trimmed for
// width"), in the same order under the same file. The README may show fewer
// files than the scan finds (examples/ grows with the rules), so its summary
// line is checked for form, not counts.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'packages', 'cli', 'bin', 'online-identifiers.js');

/** File heading -> finding lines (rule id column dropped, spaces collapsed). */
function byFile(text: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (/^\S+\.[cm]?[jt]sx?$/.test(line)) {
      current = [];
      files.set(line, current);
    } else if (/^\s+\d+:\d+\s/.test(line) && current) {
      current.push(line.trim().replace(/\s+online-identifiers\/[\w-]+$/, '').replace(/\s+/g, ' '));
    }
  }
  return files;
}

describe('root README sample output', () => {
  it('matches what the scan of examples/express-app prints', async function () {
    this.timeout(120_000);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const sample = /`npm run scan -- examples\/express-app`[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(sample, 'README: the ```text block after `npm run scan -- examples/express-app`');
    const printed = await run(process.execPath, [CLI, 'scan', 'examples/express-app'], { cwd: ROOT }).then(
      ({ stdout, stderr }) => stdout + stderr,
      (error: { stdout: string; stderr: string; code: number }) => {
        assert.equal(error.code, 1, 'the scan exits 1 on findings');
        return error.stdout + error.stderr;
      },
    );
    const expected = byFile(sample);
    const actual = byFile(printed);
    assert.ok(expected.size > 0);
    for (const [file, lines] of expected) {
      assert.ok(actual.has(file), `the scan prints no heading ${file}; it printed: ${[...actual.keys()].join(', ')}`);
      const printedLines = actual.get(file)!;
      assert.deepEqual(printedLines.filter((line) => lines.includes(line)), lines, `${file}: lines in README order`);
    }
    const summary = sample.split('\n').find((line) => line.startsWith('online-identifiers: '));
    assert.ok(summary, 'README sample has the summary line');
    const form = /^online-identifiers: \d+ files scanned, \d+ findings in \d+ files \(\d+ IP addresses?, /;
    assert.match(summary, form);
    const actualSummary = printed.split('\n').find((line) => line.startsWith('online-identifiers: '));
    assert.match(actualSummary ?? '', form);
  });
});
