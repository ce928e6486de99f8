import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeRepository } from './git-helpers';
import { makeProject, removeProjects, RULE, runCli, summarize } from './helpers';

const LEAKY = "function handler(req) {\n  console.log(req.ip);\n}\n";
const LEAKY_FINDING = `2:15 ${RULE} IP address from req.ip reaches console.log without classification`;
const CLEAN = "export function add(a, b) {\n  return a + b;\n}\n";

describe('online-identifiers scan: finding the source wherever it lives', function () {
  this.timeout(60_000); // every case spawns the real bin on a loaded machine
  after(removeProjects);

  describe('in a git repository', function () {
    it('scans a package committed under node_modules and not an installed, ignored one', async function () {
      const root = makeRepository(
        { '.gitignore': 'node_modules/\n', 'packages/node_modules/pkg/src/x.js': LEAKY },
        { 'node_modules/dep/index.js': LEAKY },
      );
      const json = await runCli(['scan', '-f', 'json'], root);
      assert.equal(json.code, 1);
      assert.deepEqual(summarize(json.stdout, root), { 'packages/node_modules/pkg/src/x.js': [LEAKY_FINDING] });
      const stylish = await runCli(['scan'], root);
      assert.equal(stylish.stderr, 'online-identifiers: 1 file scanned, 1 finding in 1 file (1 IP address)\n');
    });

    it('scans untracked files no rule ignores, but not untracked node_modules, and says so', async function () {
      const root = makeRepository(
        { '.gitignore': 'dist/\n', 'src/app.js': CLEAN },
        { 'src/new.js': LEAKY, 'dist/bundle.js': LEAKY, 'vendor/node_modules/lib/index.js': LEAKY },
      );
      const json = await runCli(['scan', '-f', 'json'], root);
      assert.deepEqual(summarize(json.stdout, root), { 'src/app.js': [], 'src/new.js': [LEAKY_FINDING] });
      const stylish = await runCli(['scan'], root);
      assert.equal(
        stylish.stderr,
        'online-identifiers: 2 files scanned, 1 finding in 1 file (1 IP address), ' +
          '1 node_modules folder skipped (not tracked by git; name one to scan it)\n',
      );
    });

    it('scans an ignored node_modules package the user names, skipping the ones inside it', async function () {
      const root = makeRepository(
        { '.gitignore': 'node_modules/\n', 'src/app.js': CLEAN },
        { 'node_modules/dep/index.js': LEAKY, 'node_modules/dep/node_modules/inner/index.js': LEAKY },
      );
      const run = await runCli(['scan', 'node_modules/dep'], root);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /node_modules\/dep\/index\.js\n {2}2:15 {2}error/);
      assert.equal(
        run.stderr,
        'online-identifiers: 1 file scanned, 1 finding in 1 file (1 IP address), ' +
          '1 node_modules folder skipped (not tracked by git; name one to scan it)\n',
      );
    });

    it('honours --ignore for files git lists', async function () {
      const root = makeRepository({ 'src/app.js': CLEAN, 'fixtures/leak.js': LEAKY });
      const run = await runCli(['scan', '-f', 'json', '--ignore', 'fixtures/'], root);
      assert.equal(run.code, 0);
      assert.deepEqual(Object.keys(summarize(run.stdout, root)), ['src/app.js']);
    });
  });

  describe('outside git', function () {
    it('skips node_modules and says so in the summary line', async function () {
      const root = makeProject({ 'a.js': CLEAN, 'node_modules/dep/index.js': LEAKY, 'packages/x/node_modules/dep/index.js': LEAKY });
      const run = await runCli(['scan'], root);
      assert.deepEqual(run, {
        code: 0,
        stdout: '',
        stderr: 'online-identifiers: 1 file scanned, no findings, 2 node_modules folders skipped (not tracked by git; name one to scan it)\n',
      });
    });

    it('scans a named node_modules file and leaves it out of the skipped count', async function () {
      const root = makeProject({ 'a.js': CLEAN, 'node_modules/dep/index.js': LEAKY });
      const run = await runCli(['scan', '.', 'node_modules/dep/index.js'], root);
      assert.equal(run.code, 1);
      assert.equal(run.stderr, 'online-identifiers: 2 files scanned, 1 finding in 1 file (1 IP address)\n');
    });
  });

  describe('templates', function () {
    it('lists an EJS template in a .js file as skipped with its reason, not as a parse error', async function () {
      const root = makeProject({
        'views/client.js': "const user = <%- JSON.stringify(user) %>;\nconsole.log('<%= title %>');\n",
        'src/a.js': CLEAN,
      });
      const run = await runCli(['scan'], root);
      assert.deepEqual(run, {
        code: 0,
        stdout: '',
        stderr:
          'online-identifiers: skipped views/client.js: a template (EJS-style <% … %> tags), not JavaScript\n' +
          'online-identifiers: 1 file scanned, no findings, 1 file skipped\n',
      });
    });

    it('still reports a broken .js file without template tags as a parse error', async function () {
      const root = makeProject({ 'broken.js': 'const x = ;\n// 100 % sure <% not a tag\n' });
      const run = await runCli(['scan'], root);
      assert.equal(run.code, 1);
      assert.match(run.stderr, /1 file could not be parsed/);
    });
  });

  it('keeps git out of the picture for a path that is not a directory in a repository', async function () {
    // A file named explicitly goes straight to the scan, tracked or not.
    const root = makeRepository({ 'a.js': CLEAN }, { 'b.js': LEAKY });
    fs.writeFileSync(path.join(root, '.gitignore'), 'b.js\n');
    const run = await runCli(['scan', '-f', 'json', 'b.js'], root);
    assert.deepEqual(summarize(run.stdout, root), { 'b.js': [LEAKY_FINDING] });
  });
});
