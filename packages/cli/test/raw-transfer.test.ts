// The fast parser reads oxc's AST by raw transfer on Node 22+ (no JSON
// between Rust and JS). This machine's Node may be older: the parser tests
// then run again here under a Node 22+ binary, the one the end-to-end setup
// installs (scripts/e2e/setup.sh: Node 24 from the npm registry) or
// OI_NODE22, so the raw-transfer path is held to the same equivalence with
// espree and typescript-estree as the JSON path.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);

/** A Node 22+ binary: OI_NODE22, else the end-to-end setup's Node 24 (undefined when neither is there). */
function node22(): string | undefined {
  if (process.env.OI_NODE22) return process.env.OI_NODE22;
  const home = process.env.ONLINE_IDENTIFIERS_E2E_HOME ?? path.join(os.homedir(), '.cache', 'online-identifiers-e2e');
  try {
    const setup = JSON.parse(fs.readFileSync(path.join(home, 'setup.json'), 'utf8')) as { node24?: unknown };
    return typeof setup.node24 === 'string' && fs.existsSync(setup.node24) ? setup.node24 : undefined;
  } catch {
    return undefined;
  }
}

describe('online-identifiers/parser by raw transfer (Node 22+)', function () {
  it('gives the same results as espree and typescript-estree, reading every AST by raw transfer', async function () {
    this.timeout(300_000);
    const node = node22();
    if (node === undefined) {
      // CI installs Node 24 with the editors; a developer without it is told how to get it.
      if (process.env.CI) assert.fail('no Node 22+ binary: scripts/e2e/setup.sh installs one (or set OI_NODE22)');
      this.skip();
    }
    const mocha = path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
    const tests = ['parser-equivalence.test.ts', 'parser.test.ts'].map((name) => path.join(__dirname, name));
    const { stdout } = await run(node, [mocha, ...tests], {
      cwd: ROOT,
      env: { ...process.env, OI_EXPECT_RAW_TRANSFER: '1' },
      maxBuffer: 1 << 24,
    }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      assert.fail(`the parser tests failed under ${node}:\n${(error.stdout ?? '').slice(-4000)}\n${(error.stderr ?? '').slice(-2000)}`);
    });
    const { version } = await run(node, ['-p', 'process.version']).then(({ stdout: out }) => ({ version: out.trim() }));
    assert.ok(Number(/^v(\d+)/.exec(version)?.[1]) >= 22, `${node} is ${version}`);
    assert.match(stdout, /^\d+ passed, 0 failed$/m);
    assert.match(stdout, /read the ASTs by raw transfer/);
  });
});
