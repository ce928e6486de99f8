import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

// The typed cases (no-unclassified-logging.typed.test.ts) run in this mocha
// run on the TypeScript 6.x the repo pins, and once more in a child mocha on
// the lowest TypeScript typescript-eslint supports (test/compat, a workspace
// of its own so its tsc never shadows the root's). Type flags are numbered
// differently across them, so a constant that fits one fails the other.
const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..', '..', '..');
const mocha = path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const hook = path.join(__dirname, '..', 'support', 'typescript-alias.cjs');
const typed = path.join(__dirname, 'no-unclassified-logging.typed.test.ts');
const lowest = path.join(root, 'test', 'compat', 'node_modules', 'typescript');
/** Every case of the typed test file, including its TypeScript-version check. */
const TYPED_CASES = 14;

function versionAt(directory: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(directory, 'package.json')) as { version: string }).version;
}

describe('no-unclassified-logging (type-aware) across TypeScript versions', () => {
  it('runs the typed cases of this run on TypeScript 6.x', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    assert.match((require('typescript') as { version: string }).version, /^6\./);
  });

  it(`passes every typed case on TypeScript ${versionAt(lowest)}, the lowest typescript-eslint supports`, async function () {
    this.timeout(180_000);
    const version = versionAt(lowest);
    assert.match(version, /^4\.8\./, 'test/compat should pin TypeScript 4.8.x');
    const env = { ...process.env, OI_TYPESCRIPT_PACKAGE: lowest, OI_EXPECT_TYPESCRIPT: version };
    const result = await run(process.execPath, [mocha, '--require', hook, '--reporter', 'dot', typed], {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      assert.fail(`typed cases failed on TypeScript ${version}:\n${error.stdout ?? ''}${error.stderr ?? ''}`);
    });
    assert.doesNotMatch(result.stdout, /failing|pending/);
    assert.match(result.stdout, new RegExp(`\\b${TYPED_CASES} passing`));
  });
});
