import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, removeProjects, runNode } from './helpers';

const DIST = path.resolve(__dirname, '..', 'dist');

/**
 * Runs `body` (CommonJS, with `cli` loaded from dist) in a fresh Node and
 * returns what it printed, followed by the number of modules it loaded
 * from the `typescript` package.
 */
async function inFreshNode(body: string, cwd: string): Promise<string> {
  // In a project of its own (removed with the others), outside the scanned one.
  const script = path.join(makeProject({}), 'run.js');
  fs.writeFileSync(
    script,
    `const cli = require(${JSON.stringify(path.join(DIST, 'index.js'))});\n` +
      `const typescriptModules = () => Object.keys(require.cache).filter((file) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]/.test(file)).length;\n` +
      `(async () => {\n${body}\n})().catch((error) => { console.error(error); process.exit(1); });\n`,
  );
  const run = await runNode(script, [], cwd);
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.trim();
}

// The `typescript` package takes most of a second and over 100 MB to load;
// the fast parser never needs it, only the reference parser for .ts files does.
describe('online-identifiers: what a scan loads', function () {
  this.timeout(60000);
  after(removeProjects);

  it('scans JavaScript and TypeScript with the fast parser without loading typescript', async function () {
    const root = makeProject({
      'a.ts': "import { log } from './log';\nexport const f = (req: { ip: string }): void => log.info(req.ip);\n",
      'log.ts': 'export const log = console;\n',
      'b.js': 'export const g = (req) => console.log(req.ip);\n',
      // A wrapper in another module: the rule reads and parses that module (with the fast parser).
      'c.ts': "import { record } from './record';\nexport const h = (req: { ip: string }): void => record(req.ip);\n",
      'record.ts': 'export function record(value: string): void {\n  console.info(value);\n}\n',
    });
    const out = await inFreshNode(
      "const result = await cli.scan({ paths: ['.'], cwd: process.cwd() });\nconsole.log(result.findingCount, typescriptModules());",
      root,
    );
    assert.equal(out, '3 0', 'findings (c.ts through the wrapper in record.ts), then typescript modules loaded');
  });

  it('loads typescript when the reference parser reads a TypeScript file', async function () {
    const root = makeProject({ 'a.ts': 'export const f = (req: { ip: string }): void => console.log(req.ip);\n' });
    const out = await inFreshNode(
      "const result = await cli.scan({ paths: ['.'], cwd: process.cwd(), parser: 'reference' });\nconsole.log(result.findingCount, typescriptModules() > 0);",
      root,
    );
    assert.equal(out, '1 true');
  });
});
