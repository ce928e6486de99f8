import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';

// Every config snippet in the plugin's README, run as written: each section's
// blocks that start with `// <file name>` are written into a fresh project
// (CommonJS when its eslint.config.js uses require, ESM otherwise), which is
// then linted by ESLint (or oxlint, for .oxlintrc.json). A stale snippet fails.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const README = path.join(ROOT, 'packages', 'eslint-plugin', 'README.md');
const RULE = 'online-identifiers/no-unclassified-logging';

interface Section {
  title: string;
  files: Map<string, string>;
}

/** Sections (by heading) and their `// <file>` code blocks. */
function snippets(markdown: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{2,3} /.test(line)) {
      current = { title: line.replace(/^#+ /, ''), files: new Map() };
      sections.push(current);
    } else if (/^```(js|jsonc)$/.test(line) && current) {
      const body: string[] = [];
      for (i++; lines[i] !== '```'; i++) body.push(lines[i]!);
      const name = /^\/\/ ([\w.]+)$/.exec(body[0] ?? '')?.[1];
      if (name) current.files.set(name, `${body.join('\n')}\n`);
    }
  }
  return sections.filter((section) => section.files.size > 0);
}

const SOURCES: Record<string, string> = {
  'src/app.js': 'export function handler(req) {\n  console.log(req.ip);\n}\n',
  'src/app.ts': 'export function audit(req: { ip: string }): void {\n  console.log(req.ip);\n}\n',
  'src/view.tsx': 'export const View = (req: { ip: string }) => {\n  console.log(req.ip);\n  return <p>hi</p>;\n};\n',
  // Type-aware only: the brand outranks the identifying name.
  'src/branded.ts': [
    "import type { Redacted } from '@online-identifiers/redact';",
    'export function audit(clientIp: Redacted<string>): void {',
    '  console.log(clientIp);',
    '}',
    '',
  ].join('\n'),
};
const MESSAGE = 'IP address from req.ip reaches console.log without classification';
const BRANDED = 'IP address from clientIp reaches console.log without classification';

function project(section: Section): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-readme-'));
  const commonjs = section.files.get('eslint.config.js')?.includes('require(') ?? false;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'readme', type: commonjs ? 'commonjs' : 'module' }));
  for (const [name, text] of section.files) fs.writeFileSync(path.join(dir, name), text);
  for (const [name, text] of Object.entries(SOURCES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    // A CommonJS project's .js files are CommonJS.
    fs.writeFileSync(path.join(dir, name), commonjs && name.endsWith('.js') ? text.replace('export function', 'exports.handler = function') : text);
  }
  fs.mkdirSync(path.join(dir, 'node_modules', '@online-identifiers'), { recursive: true });
  const links: [string, string][] = [
    ['eslint-plugin-online-identifiers', path.join(ROOT, 'packages', 'eslint-plugin')],
    ['@online-identifiers/redact', path.join(ROOT, 'packages', 'redact')],
    ['online-identifiers', path.join(ROOT, 'packages', 'cli')],
    ['typescript-eslint', path.join(ROOT, 'node_modules', 'typescript-eslint')],
    ['typescript', path.join(ROOT, 'node_modules', 'typescript')],
  ];
  for (const [name, target] of links) fs.symlinkSync(target, path.join(dir, 'node_modules', name), 'dir');
  return dir;
}

describe('README snippets (packages/eslint-plugin/README.md)', function () {
  this.timeout(120_000);
  const sections = snippets(fs.readFileSync(README, 'utf8'));

  it('has the setups the README promises', () => {
    assert.deepEqual(
      sections.map((section) => [section.title, [...section.files.keys()]]),
      [
        ['A CommonJS project', ['eslint.config.js']],
        ['An ESM project', ['eslint.config.js']],
        ['A TypeScript project', ['eslint.config.mjs']],
        ['Type-aware: `configs.strict`', ['eslint.config.mjs', 'tsconfig.json']],
        ['oxlint', ['.oxlintrc.json']],
        ['Faster parsing', ['eslint.config.js']],
      ],
    );
  });

  for (const section of sections) {
    it(`${section.title}: the snippet lints the project`, async () => {
      const dir = project(section);
      try {
        const found = new Map<string, string[]>();
        if (section.files.has('.oxlintrc.json')) {
          const oxlint = path.join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
          const { stdout } = await run(process.execPath, [oxlint, '--format', 'json', 'src'], { cwd: dir }).catch(
            (error: { stdout: string }) => error,
          );
          const report = JSON.parse(stdout) as { diagnostics: { code: string; filename: string; message: string }[] };
          for (const diagnostic of report.diagnostics) {
            if (diagnostic.code !== 'online-identifiers(no-unclassified-logging)') continue;
            found.set(diagnostic.filename, [...(found.get(diagnostic.filename) ?? []), diagnostic.message]);
          }
        } else {
          const results = await new ESLint({ cwd: dir }).lintFiles(['src']);
          for (const result of results) {
            assert.deepEqual(result.messages.filter((message) => message.fatal), [], result.filePath);
            const ours = result.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
            found.set(path.relative(dir, result.filePath), ours);
          }
        }
        const typeAware = section.files.has('tsconfig.json');
        assert.deepEqual(Object.fromEntries([...found].filter(([, messages]) => messages.length > 0).sort()), {
          'src/app.js': [MESSAGE],
          'src/app.ts': [MESSAGE],
          ...(typeAware ? {} : { 'src/branded.ts': [BRANDED] }),
          'src/view.tsx': [MESSAGE],
        });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
