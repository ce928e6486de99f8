import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeProject, removeProjects, RULE, runCli, runNode, summarize, type CliRun } from './helpers';

const ESLINT_BIN = path.join(path.dirname(require.resolve('eslint/package.json')), 'bin', 'eslint.js');
const PLUGIN_URL = pathToFileURL(require.resolve('eslint-plugin-online-identifiers')).href;
const CONFIG = [`import loaded from ${JSON.stringify(PLUGIN_URL)};`, 'const plugin = loaded.default ?? loaded;', 'export default [plugin.configs.recommended];', ''].join('\n');

const ONE = 'function h(req) {\n  console.log(req.ip);\n}\n';
const TWO = 'function h(req) {\n  console.log(req.ip);\n  logger.info(req.sessionID);\n}\n';

/** ESLint 10's own CLI, in the project directory. */
function eslint(args: readonly string[], cwd: string): Promise<CliRun> {
  return runNode(ESLINT_BIN, args, cwd);
}

function suppressions(root: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(root, 'eslint-suppressions.json'), 'utf8'));
}

describe("ESLint's bulk suppressions with the plugin's rules", function () {
  after(removeProjects);

  it('--suppress-all, then --prune-suppressions, round trip; the scan reads the same file', async function () {
    this.timeout(120_000); // seven real ESLint and scan runs on a loaded machine
    const root = makeProject({ 'eslint.config.mjs': CONFIG, 'a.js': TWO });

    const before = await eslint(['a.js'], root);
    assert.equal(before.code, 1, before.stdout + before.stderr);
    assert.match(before.stdout, /2 problems \(2 errors, 0 warnings\)/);

    const suppress = await eslint(['--suppress-all', 'a.js'], root);
    assert.equal(suppress.code, 0, suppress.stdout + suppress.stderr);
    assert.deepEqual(suppressions(root), { 'a.js': { [RULE]: { count: 2 } } });
    assert.equal((await eslint(['a.js'], root)).code, 0);

    // One finding fixed: ESLint fails until the suppression is pruned.
    fs.writeFileSync(path.join(root, 'a.js'), ONE);
    const stale = await eslint(['a.js'], root);
    assert.equal(stale.code, 2);
    assert.match(stale.stderr + stale.stdout, /There are suppressions left that do not occur anymore/);
    const prune = await eslint(['--prune-suppressions', 'a.js'], root);
    assert.equal(prune.code, 0, prune.stdout + prune.stderr);
    assert.deepEqual(suppressions(root), { 'a.js': { [RULE]: { count: 1 } } });
    assert.equal((await eslint(['a.js'], root)).code, 0);

    // A new finding elsewhere is reported by ESLint and by the scan reading ESLint's file.
    fs.writeFileSync(path.join(root, 'b.js'), ONE);
    const fresh = await eslint(['a.js', 'b.js'], root);
    assert.equal(fresh.code, 1);
    assert.match(fresh.stdout, /b\.js\n\s+2:15\s+error/);
    assert.doesNotMatch(fresh.stdout, /a\.js/);
    const scan = await runCli(['scan', '-f', 'json', '--baseline', 'eslint-suppressions.json', 'a.js', 'b.js'], root);
    assert.equal(scan.code, 1);
    assert.deepEqual(summarize(scan.stdout, root), {
      'a.js': [],
      'b.js': [`2:15 ${RULE} IP address from req.ip reaches console.log without classification`],
    });
  });
});
