import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCommandLine } from '../src/args';
import { createProgress, progressText } from '../src/progress';
import { git, makeRepository } from './git-helpers';
import { BIN, makeProject, removeProjects, RULE, runCli, summarize } from './helpers';

const LEAKY = "function handler(req) {\n  console.log(req.ip);\n}\n";
const LEAKY_FINDING = `2:15 ${RULE} IP address from req.ip reaches console.log without classification`;
const CLEAN = "export function add(a, b) {\n  return a + b;\n}\n";

/** A project of `count` files, every third one leaky, so results differ per file. */
function manyFiles(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < count; index++) files[`src/m${String(index).padStart(2, '0')}.js`] = index % 3 === 0 ? LEAKY : CLEAN;
  return files;
}

describe('online-identifiers scan at monorepo scale', function () {
  this.timeout(90_000); // worker threads load ESLint and the plugin on a loaded 2-core machine
  after(removeProjects);

  describe('--concurrency', function () {
    it('gives the same findings with 2 worker threads as with none, and really starts the threads', async function () {
      const root = makeProject(manyFiles(12));
      const off = await runCli(['scan', '-f', 'json', '--concurrency', 'off'], root);
      // ESLint's debug log says how it lints; the scan's own output stays unchanged.
      const threaded = spawnSync(process.execPath, [BIN, 'scan', '-f', 'json', '--concurrency', '2'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DEBUG: 'eslint:eslint' },
      });
      assert.equal(off.code, 1);
      assert.equal(threaded.status, 1);
      assert.equal(threaded.stdout, off.stdout);
      assert.match(threaded.stderr, /Linting using 2 worker thread\(s\)/);
      const found = summarize(off.stdout, root);
      assert.equal(Object.keys(found).length, 12);
      assert.deepEqual(found['src/m03.js'], [LEAKY_FINDING]);
      assert.deepEqual(found['src/m04.js'], []);
    });

    it('exits 2 on --concurrency -1, naming the value', async function () {
      const run = await runCli(['scan', '--concurrency', '-1'], makeProject({ 'a.js': CLEAN }));
      assert.deepEqual(run, {
        code: 2,
        stdout: '',
        stderr:
          "online-identifiers: --concurrency must be auto, off or a whole number of threads from 1 up, not '-1'\n" +
          "Run 'online-identifiers --help' for usage.\n",
      });
    });

    for (const bad of ['0', 'many', '1.5', '-2', '']) {
      it(`refuses --concurrency '${bad}' as a usage error`, function () {
        assert.throws(() => parseCommandLine(['scan', '--concurrency', bad]), {
          name: 'UsageError',
          message: `--concurrency must be auto, off or a whole number of threads from 1 up, not '${bad}'`,
        });
      });
    }

    it('reads --concurrency, --cache, --cache-location and --changed-since', function () {
      const command = parseCommandLine(['scan', '--concurrency', '3', '--cache-location', 'c.json', '--changed-since', 'origin/main']);
      assert.ok(command.kind === 'scan');
      assert.deepEqual(command.scale, { concurrency: 3, cache: true, cacheLocation: 'c.json', changedSince: 'origin/main' });
      const defaults = parseCommandLine(['scan']);
      assert.ok(defaults.kind === 'scan');
      assert.deepEqual(defaults.scale, { concurrency: 'off', cache: false, cacheLocation: undefined, changedSince: undefined });
    });

    it('accepts auto', async function () {
      const run = await runCli(['scan', '--concurrency', 'auto'], makeProject({ 'a.js': LEAKY }));
      assert.equal(run.code, 1);
      assert.equal(run.stderr, 'online-identifiers: 1 file scanned, 1 finding in 1 file (1 IP address)\n');
    });
  });

  describe('--cache', function () {
    it('writes the cache, gives the same output from it, and really reads it', async function () {
      const root = makeProject({ 'a.js': LEAKY, 'b.js': CLEAN });
      const cacheFile = path.join(root, '.online-identifiers-cache');
      const first = await runCli(['scan', '-f', 'json', '--cache'], root);
      assert.equal(first.code, 1);
      assert.ok(fs.existsSync(cacheFile), 'the cache file is written');
      const second = await runCli(['scan', '-f', 'json', '--cache'], root);
      assert.deepEqual(second, first);

      // Same size and modification time, different content: ESLint's
      // metadata strategy trusts the cache, so only a run that reads it still
      // reports the old finding.
      const file = path.join(root, 'a.js');
      const { mtime, size } = fs.statSync(file);
      const changed = LEAKY.replace('req.ip', 'req.xx');
      assert.equal(Buffer.byteLength(changed), size);
      fs.writeFileSync(file, changed);
      fs.utimesSync(file, mtime, mtime);
      const cached = await runCli(['scan', '-f', 'json', '--cache'], root);
      assert.deepEqual(summarize(cached.stdout, root), { 'a.js': [LEAKY_FINDING], 'b.js': [] });
      const uncached = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(uncached.stdout, root), { 'a.js': [], 'b.js': [] });
    });

    it('--cache-location puts the cache there and implies --cache', async function () {
      const root = makeProject({ 'a.js': LEAKY });
      const run = await runCli(['scan', '--cache-location', 'tmp/scan-cache'], root);
      assert.equal(run.code, 1);
      assert.ok(fs.existsSync(path.join(root, 'tmp', 'scan-cache')));
      assert.ok(!fs.existsSync(path.join(root, '.online-identifiers-cache')));
    });

    it('gives the same findings with the cache and worker threads together', async function () {
      const root = makeProject(manyFiles(12));
      const plain = await runCli(['scan', '-f', 'json'], root);
      const first = await runCli(['scan', '-f', 'json', '--cache', '--concurrency', '2'], root);
      const second = await runCli(['scan', '-f', 'json', '--cache', '--concurrency', '2'], root);
      assert.equal(first.stdout, plain.stdout);
      assert.equal(second.stdout, plain.stdout);
    });
  });

  describe('--changed-since', function () {
    it('scans only files changed since the ref: later commits, edits and untracked files', async function () {
      const root = makeRepository({ 'a.js': LEAKY, 'b.js': LEAKY, 'c.js': LEAKY, 'gone.js': LEAKY });
      git(root, 'tag', 'base');
      fs.writeFileSync(path.join(root, 'b.js'), `// edited\n${LEAKY}`);
      git(root, 'commit', '-q', '-am', 'edit b');
      fs.appendFileSync(path.join(root, 'c.js'), '// uncommitted\n');
      fs.writeFileSync(path.join(root, 'd.js'), LEAKY);
      fs.rmSync(path.join(root, 'gone.js'));
      const run = await runCli(['scan', '-f', 'json', '--changed-since', 'base'], root);
      assert.equal(run.code, 1);
      assert.deepEqual(summarize(run.stdout, root), {
        'b.js': [LEAKY_FINDING.replace(/^2:/, '3:')],
        'c.js': [LEAKY_FINDING],
        'd.js': [LEAKY_FINDING],
      });
    });

    it('measures from where HEAD left the ref, as a pull request does', async function () {
      const root = makeRepository({ 'a.js': CLEAN });
      git(root, 'checkout', '-q', '-b', 'feature');
      fs.writeFileSync(path.join(root, 'feature.js'), LEAKY);
      git(root, 'add', 'feature.js');
      git(root, 'commit', '-q', '-m', 'feature');
      git(root, 'checkout', '-q', 'main');
      fs.writeFileSync(path.join(root, 'later-on-main.js'), LEAKY);
      git(root, 'add', 'later-on-main.js');
      git(root, 'commit', '-q', '-m', 'main moves on');
      git(root, 'checkout', '-q', 'feature');
      const run = await runCli(['scan', '-f', 'json', '--changed-since', 'main'], root);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['feature.js']);
    });

    it('says so when nothing changed', async function () {
      const root = makeRepository({ 'a.js': LEAKY });
      const run = await runCli(['scan', '--changed-since', 'HEAD'], root);
      assert.deepEqual(run, {
        code: 0,
        stdout: '',
        stderr:
          'online-identifiers: no JavaScript or TypeScript files changed since HEAD found in .\n' +
          'online-identifiers: 0 files scanned, no findings\n',
      });
    });

    it('exits 2 on an unknown ref', async function () {
      const root = makeRepository({ 'a.js': LEAKY });
      const run = await runCli(['scan', '--changed-since', 'no-such-branch'], root);
      assert.deepEqual(run, {
        code: 2,
        stdout: '',
        stderr: "online-identifiers: unknown git ref 'no-such-branch' (try a branch, tag or commit that exists here, e.g. origin/main)\n",
      });
    });

    it('exits 2 outside a git repository', async function () {
      const root = makeProject({ 'a.js': LEAKY });
      const run = await runCli(['scan', '--changed-since', 'main'], root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, `online-identifiers: --changed-since needs a git repository, and ${root} is not in one\n`);
    });
  });
});

describe('progress line', function () {
  it('shows files per second and the time left', function () {
    assert.equal(progressText(0, 100, 0), 'scanning 0/100 files');
    assert.equal(progressText(5, 100, 999), 'scanning 5/100 files'); // too early for a fair rate
    assert.equal(progressText(40, 100, 4000), 'scanning 40/100 files, 10 files/s, about 6 s left');
    assert.equal(progressText(3, 10_000, 2000), 'scanning 3/10000 files, 1.5 files/s, about 1 h 51 min left');
    assert.equal(progressText(1200, 10_000, 14_000), 'scanning 1200/10000 files, 86 files/s, about 1 min 43 s left');
    assert.equal(progressText(100, 100, 5000), 'scanning 100/100 files, 20 files/s, about 0 s left');
  });

  it('draws on a terminal after the quiet delay, at most once per interval, and erases itself', function () {
    const written: string[] = [];
    let clock = 1000;
    const progress = createProgress({ isTTY: true, write: (text: string) => written.push(text) }, () => clock);
    clock = 1100;
    progress.update(10, 100); // inside the quiet delay
    clock = 3000;
    progress.update(50, 100);
    clock = 3050;
    progress.update(60, 100); // inside the redraw interval
    progress.finish();
    assert.deepEqual(written, ['\r\u001b[Konline-identifiers: scanning 50/100 files, 25 files/s, about 2 s left', '\r\u001b[K']);
  });

  it('writes nothing when the stream is not a terminal', function () {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (text: string) => written.push(text) }, () => 0);
    progress.update(1, 2);
    progress.finish();
    assert.deepEqual(written, []);
  });
});
