import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin = require('../src/index');

// configs.recommended on a project with every extension it claims, through
// ESLint's own file discovery (lintFiles), so a file that no config matches
// would be missing from the results rather than silently passing.
const MESSAGE = 'IP address from req.ip reaches console.log without classification';
const RULE = 'online-identifiers/no-unclassified-logging';

const files: Record<string, string> = {
  'plain.js': 'function audit(req) { console.log(req.ip); }\n',
  'module.mjs': 'export function audit(req) { console.log(req.ip); }\n',
  'common.cjs': 'module.exports = function audit(req) { console.log(req.ip); };\n',
  'view.jsx': 'export const View = (req) => { console.log(req.ip); return <p>hi</p>; };\n',
  'typed.ts': 'interface Incoming { ip: string }\nexport function audit(req: Incoming): void { console.log(req.ip); }\n',
  'view.tsx': 'export const View = (req: { ip: string }) => { console.log(req.ip); return <p>{req.ip as string}</p>; };\n',
  'module.mts': 'export function audit(req: { ip: string }): void { console.log(req.ip); }\n',
  'common.cts': 'export = function audit(req: { ip: string }): void { console.log(req.ip); };\n',
};

/** Where `console.log(req.ip)` puts `req.ip`, 1-based, as ESLint reports it. */
function expectedAt(code: string): { line: number; column: number; endLine: number; endColumn: number } {
  const offset = code.indexOf('console.log(req.ip)') + 'console.log('.length;
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + 'req.ip'.length };
}

let dir: string;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-configs-'));
  for (const [name, code] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), code);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function lint(config: Linter.Config[]): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config });
  return eslint.lintFiles(['.']);
}

/** Our finding in every fixture file, exactly once, at `req.ip`, and no parsing errors. */
function assertOurFindings(results: ESLint.LintResult[]): void {
  assert.deepEqual(results.map((result) => path.basename(result.filePath)).sort(), Object.keys(files).sort());
  for (const result of results) {
    const name = path.basename(result.filePath);
    const fatal = result.messages.filter((message) => message.fatal);
    assert.deepEqual(fatal, [], `${name}: parsing errors`);
    const ours = result.messages
      .filter((message) => message.ruleId === RULE)
      .map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn }));
    assert.deepEqual(ours, [{ message: MESSAGE, ...expectedAt(files[name]!) }], name);
  }
}

describe('configs', () => {
  it('recommended lints .js, .mjs, .cjs, .jsx, .ts, .tsx, .mts and .cts out of the box', async () => {
    assertOurFindings(await lint([plugin.configs.recommended as Linter.Config]));
  });

  it('strict does too, falling back to syntax without type information', async () => {
    assertOurFindings(await lint([plugin.configs.strict as Linter.Config]));
  });

  for (const order of ['after', 'before'] as const) {
    it(`recommended composes with typescript-eslint's recommended config placed ${order} it`, async () => {
      const theirs = tseslint.configs.recommended as Linter.Config[];
      const ours = plugin.configs.recommended as Linter.Config;
      const results = await lint(order === 'after' ? [ours, ...theirs] : [...theirs, ours]);
      assertOurFindings(results);
      // typescript-eslint's own rules still run on TypeScript files: `as string` on a string is fine,
      // but an explicit `any` is reported.
      const typed = results.find((result) => result.filePath.endsWith('typed.ts'))!;
      assert.deepEqual(
        typed.messages.filter((message) => message.ruleId !== RULE),
        [],
        'no other findings on typed.ts',
      );
      const withAny = await new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: order === 'after' ? [ours, ...theirs] : [...theirs, ours],
      }).lintText('export function audit(req: any): void { console.log(req.ip); }\n', { filePath: path.join(dir, 'any.ts') });
      assert.deepEqual(
        withAny[0]!.messages.map((message) => message.ruleId).sort(),
        ['@typescript-eslint/no-explicit-any', RULE],
      );
    });
  }
});
