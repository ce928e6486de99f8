import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { makeProject, removeProjects, runCli, summarize } from './helpers';

// Test, spec and story code is skipped by default: its identifiers are
// fixtures and its output goes to a test runner, not a production log.
const LEAKY = "function handler(req) {\n  console.log(req.ip);\n}\n";
const FILES = {
  'src/app.js': LEAKY,
  'src/app.test.js': LEAKY,
  'src/app.spec.ts': LEAKY,
  'src/Button.stories.tsx': LEAKY,
  'src/__tests__/helper.js': LEAKY,
  'test/helper.js': LEAKY,
  'spec/support.js': LEAKY,
  'src/testing.js': LEAKY, // named like a test, but production code: scanned
};

describe('online-identifiers scan: test code', function () {
  this.timeout(60_000);
  after(removeProjects);

  it('skips test, spec and story files and folders by default', async () => {
    const root = makeProject(FILES);
    const run = await runCli(['scan', '--format', 'json'], root);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(summarize(run.stdout, root)).sort(), ['src/app.js', 'src/testing.js']);
  });

  it('judges paths below the named directory, wherever the scan runs from', async () => {
    const root = makeProject(FILES);
    const run = await runCli(['scan', root, '--format', 'json'], path.dirname(root));
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(summarize(run.stdout, root)).sort(), ['src/app.js', 'src/testing.js']);
  });

  it('scans them with --include-tests', async () => {
    const root = makeProject(FILES);
    const run = await runCli(['scan', '--include-tests', '--format', 'json'], root);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(summarize(run.stdout, root)).sort(), Object.keys(FILES).sort());
  });

  it('scans a test folder or file the user names', async () => {
    const root = makeProject(FILES);
    const run = await runCli(['scan', 'test', 'src/app.test.js', '--format', 'json'], root);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(Object.keys(summarize(run.stdout, root)).sort(), ['src/app.test.js', 'test/helper.js']);
  });

  it('lists the option in --help', async () => {
    const run = await runCli(['--help'], process.cwd());
    assert.match(run.stdout, /--include-tests {4}also scan test, spec and story code/);
  });
});
