import * as assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import * as semver from 'semver';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

// A new user's project, on ESLint 9 and on ESLint 10, with our packages
// installed from the tarballs `npm run pack` makes. Offline: our tarballs are
// unpacked into the fixture's node_modules, and every third-party package is
// linked from the repo's install (ESLint 9 from test/compat); a package whose
// range the top-level copy does not satisfy gets its own nested link, as npm
// would nest it. Then the fixture's ESLint CLI, our CLI and our server run.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const ROOT_MODULES = path.join(ROOT, 'node_modules');
const RULE = 'online-identifiers/no-unclassified-logging';

const APP_JS = [
  "'use strict';",
  'module.exports = function handler(req, res) {',
  '  console.log(req.ip);',
  '  res.end();',
  '};',
  '',
].join('\n');

const APP_TS = [
  'interface Incoming { headers: Record<string, string | undefined> }',
  'export function audit(req: Incoming): void {',
  "  console.warn(req.headers['user-agent'] as string);",
  '}',
  '',
].join('\n');

// The README's CommonJS config (a project made with `npm init -y`).
const CONFIG_CJS = [
  "const onlineIdentifiers = require('eslint-plugin-online-identifiers');",
  '',
  'module.exports = [onlineIdentifiers.configs.recommended];',
  '',
].join('\n');

const EXPECTED = [
  { file: 'app.js', line: 3, column: 15, message: 'IP address from req.ip reaches console.log without classification' },
  {
    file: 'app.ts',
    line: 3,
    column: 16,
    message: "Device metadata from req.headers['user-agent'] reaches console.warn without classification",
  },
];

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

function manifestAt(directory: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as Manifest;
}

function link(target: string, at: string): void {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, 'dir');
}

/** The repo's copy of `name` satisfying `range`: the top-level one or one nested under a package. */
function rootCopy(name: string, range: string, eslintDir: string): string | undefined {
  const candidates = [path.join(ROOT_MODULES, name), path.join(eslintDir, '..', name), ...nestedCopies(name)];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'package.json')) && semver.satisfies(manifestAt(dir).version, range));
}

function nestedCopies(name: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(ROOT_MODULES)) {
    const scoped = entry.startsWith('@') ? fs.readdirSync(path.join(ROOT_MODULES, entry)).map((sub) => `${entry}/${sub}`) : [entry];
    for (const holder of scoped) {
      const nested = path.join(ROOT_MODULES, holder, 'node_modules', name);
      if (fs.existsSync(nested)) found.push(nested);
    }
  }
  return found;
}

/**
 * Builds `dir/node_modules` from our tarballs and the repo's install.
 *
 * @param eslintDir the ESLint package the project uses (9 or 10)
 */
async function install(dir: string, tarballs: readonly string[], eslintDir: string): Promise<string[]> {
  const modules = path.join(dir, 'node_modules');
  const ours: string[] = [];
  for (const tarball of tarballs) {
    const unpacked = fs.mkdtempSync(path.join(dir, '.unpack-'));
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    const packageDir = path.join(unpacked, 'package');
    const { name } = manifestAt(packageDir);
    fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    fs.renameSync(packageDir, path.join(modules, name));
    fs.rmSync(unpacked, { recursive: true });
    ours.push(name);
  }
  link(eslintDir, path.join(modules, 'eslint'));
  // Everything else the repo installed, at the top level (what npm would hoist).
  for (const entry of fs.readdirSync(ROOT_MODULES)) {
    if (entry.startsWith('.') || entry === 'eslint') continue;
    if (entry.startsWith('@')) {
      for (const sub of fs.readdirSync(path.join(ROOT_MODULES, entry))) {
        const name = `${entry}/${sub}`;
        if (!ours.includes(name) && !fs.existsSync(path.join(modules, name))) link(path.join(ROOT_MODULES, name), path.join(modules, name));
      }
    } else if (!ours.includes(entry) && !fs.existsSync(path.join(modules, entry))) {
      link(fs.realpathSync(path.join(ROOT_MODULES, entry)), path.join(modules, entry));
    }
  }
  // Our packages' dependencies that the top level does not satisfy are nested, as npm nests them.
  for (const name of ours) {
    for (const [dependency, range] of Object.entries(manifestAt(path.join(modules, name)).dependencies ?? {})) {
      const top = path.join(modules, dependency);
      if (fs.existsSync(top) && semver.satisfies(manifestAt(top).version, range)) continue;
      const copy = rootCopy(dependency, range, eslintDir);
      assert.ok(copy, `${name} needs ${dependency}@${range}, which the repo's install does not hold`);
      link(copy, path.join(modules, name, 'node_modules', dependency));
    }
  }
  return ours;
}

interface Finding {
  file: string;
  line: number;
  column: number;
  message: string;
}

function sorted(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Starts the fixture's language server over stdio, opens one file and returns its first diagnostics. */
async function serverDiagnostics(dir: string, bin: string, file: string, languageId: string): Promise<PublishDiagnosticsParams> {
  const child = spawn(process.execPath, [bin, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(dir, file)).href;
  const received = new Promise<PublishDiagnosticsParams>((resolve) => {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri === uri) resolve(params);
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'consumer' }],
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text: fs.readFileSync(path.join(dir, file), 'utf8') },
    });
    const guard = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no diagnostics for ${file} within 60 s; server stderr:\n${stderr}`)), 60_000).unref(),
    );
    return await Promise.race([received, guard]);
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    await exited;
    connection.dispose();
  }
}

const compatRequire = path.join(ROOT, 'test', 'compat', 'package.json');
const fixtures = [
  { eslint: 9, eslintDir: path.dirname(require.resolve('eslint/package.json', { paths: [path.dirname(compatRequire)] })) },
  { eslint: 10, eslintDir: path.join(ROOT_MODULES, 'eslint') },
];

describe('consumer projects installed from the packed tarballs', function () {
  this.timeout(240_000);
  let packDir: string;
  let tarballs: string[];

  before(async () => {
    packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-pack-'));
    const { stdout } = await run(process.execPath, [path.join(ROOT, 'scripts', 'pack.mjs'), packDir], { cwd: ROOT });
    tarballs = stdout.trim().split('\n');
    assert.deepEqual(
      tarballs.map((file) => path.basename(file)).sort(),
      [
        'eslint-plugin-online-identifiers-0.1.0.tgz',
        'online-identifiers-0.1.0.tgz',
        'online-identifiers-language-server-0.1.0.tgz',
        'online-identifiers-redact-0.1.0.tgz',
      ],
    );
  });

  after(() => fs.rmSync(packDir, { recursive: true, force: true }));

  for (const { eslint, eslintDir } of fixtures) {
    describe(`on ESLint ${eslint}`, () => {
      let dir: string;

      before(async () => {
        assert.equal(semver.major(manifestAt(eslintDir).version), eslint, `${eslintDir} is not ESLint ${eslint}`);
        dir = fs.mkdtempSync(path.join(os.tmpdir(), `oi-consumer-eslint${eslint}-`));
        // What `npm init -y` writes: a CommonJS project.
        fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'commonjs' }, null, 2));
        fs.writeFileSync(path.join(dir, 'eslint.config.js'), CONFIG_CJS);
        fs.writeFileSync(path.join(dir, 'app.js'), APP_JS);
        fs.writeFileSync(path.join(dir, 'app.ts'), APP_TS);
        const ours = await install(dir, tarballs, eslintDir);
        assert.deepEqual(ours.sort(), [
          '@online-identifiers/language-server',
          '@online-identifiers/redact',
          'eslint-plugin-online-identifiers',
          'online-identifiers',
        ]);
      });

      after(() => fs.rmSync(dir, { recursive: true, force: true }));

      it(`the project's ESLint is ${eslint}.x and reports the findings in .js and .ts files with the plugin`, async () => {
        const bin = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
        const version = await run(process.execPath, [bin, '--version'], { cwd: dir });
        assert.match(version.stdout.trim(), new RegExp(`^v${eslint}\\.`));
        const result = await run(process.execPath, [bin, '--format', 'json', '.'], { cwd: dir }).catch(
          (error: { stdout: string; code: number }) => {
            assert.equal(error.code, 1, 'ESLint exits 1 on errors');
            return error;
          },
        );
        const reports = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string | null; line: number; column: number; message: string }[] }[];
        const findings = reports.flatMap((report) =>
          report.messages.map((message) => {
            assert.equal(message.ruleId, RULE, `${report.filePath}: ${message.message}`);
            return { file: path.relative(dir, report.filePath), line: message.line, column: message.column, message: message.message };
          }),
        );
        assert.deepEqual(sorted(findings), EXPECTED);
      });

      it('the online-identifiers CLI scans it', async () => {
        const bin = path.join(dir, 'node_modules', 'online-identifiers', 'bin', 'online-identifiers.js');
        const result = await run(process.execPath, [bin, 'scan', '--format', 'json', '.'], { cwd: dir }).catch(
          (error: { stdout: string; code: number }) => {
            assert.equal(error.code, 1, 'the scan exits 1 on findings');
            return error;
          },
        );
        const parsed = JSON.parse(result.stdout) as unknown;
        const reports = (Array.isArray(parsed) ? parsed : (parsed as { results: unknown[] }).results) as {
          filePath: string;
          messages: { line: number; column: number; message: string }[];
        }[];
        const findings = reports.flatMap((report) =>
          report.messages.map((message) => ({
            file: path.relative(dir, path.resolve(dir, report.filePath)),
            line: message.line,
            column: message.column,
            message: message.message,
          })),
        );
        assert.deepEqual(sorted(findings), EXPECTED);
      });

      it('the language server publishes the finding for an opened file', async () => {
        const bin = path.join(dir, 'node_modules', '@online-identifiers', 'language-server', 'bin', 'online-identifiers-language-server.js');
        const published = await serverDiagnostics(dir, bin, 'app.js', 'javascript');
        assert.deepEqual(
          published.diagnostics.map((diagnostic) => ({ code: diagnostic.code, message: diagnostic.message, range: diagnostic.range })),
          [{ code: RULE, message: EXPECTED[0]!.message, range: { start: { line: 2, character: 14 }, end: { line: 2, character: 20 } } }],
        );
      });

      it('the runtime the quick-fixes call redacts', async () => {
        const script = "const { redact } = require('@online-identifiers/redact'); console.log(redact.ip('203.0.113.7'));";
        const { stdout } = await run(process.execPath, ['-e', script], { cwd: dir });
        assert.equal(stdout.trim(), '203.0.113.0');
      });
    });
  }
});
