// Bad input gets a clear answer, never a crash: unparsable text, huge files,
// invalid settings, broken or untrusted project configs; plus the project
// config honoured when trusted, pull diagnostics and the workspace scan.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  MessageType,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspClient, PUSH_CLIENT, REPO_ROOT } from './support/lsp-client';
import { DOCS_BASE, ESM_HANDLER } from './support/fixtures';

const RULE = 'online-identifiers/no-unclassified-logging';
const PLUGIN_ENTRY = path.join(REPO_ROOT, 'packages', 'eslint-plugin', 'dist', 'index.js');

const IP_DIAGNOSTIC: Diagnostic = {
  range: { start: { line: 5, character: 14 }, end: { line: 5, character: 20 } },
  severity: 1,
  code: RULE,
  codeDescription: { href: `${DOCS_BASE}no-unclassified-logging.md` },
  source: 'online-identifiers',
  message: 'IP address from req.ip reaches logger.info without classification',
};

/** A flat config that uses this plugin the way a project would (absolute require: temp dirs have no node_modules). */
function projectConfig(body: string): string {
  return [
    "'use strict';",
    `const plugin = require(${JSON.stringify(PLUGIN_ENTRY)});`,
    body,
  ].join('\n');
}

describe('language server robustness', function () {
  let client: LspClient;

  afterEach(async function () {
    if (client) await client.kill();
  });

  it('clears diagnostics of a document that does not parse and logs it once', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    assert.equal((await client.diagnosticsFor(uri, 1)).diagnostics.length, 1);
    await client.replace(uri, 2, `${ESM_HANDLER}\nfunction (`);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
    await client.replace(uri, 3, `${ESM_HANDLER}\nfunction ((`);
    assert.deepEqual((await client.diagnosticsFor(uri, 3)).diagnostics, []);
    const parseLogs = client.logs.filter((log) => log.message.startsWith('Cannot parse'));
    assert.equal(parseLogs.length, 1);
    assert.match(parseLogs[0]!.message, /^Cannot parse .*handler\.js \(10:10 Parsing error: Unexpected token \(\); its findings are cleared until it parses\.$/);
    // Fixing the text brings the findings back.
    await client.replace(uri, 4, ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(uri, 4)).diagnostics, [IP_DIAGNOSTIC]);
  });

  it('skips files over 2 MB with one message', async function () {
    client = await LspClient.start();
    const big = `${ESM_HANDLER}\n${'// padding padding padding padding padding padding padding padding\n'.repeat(33000)}`;
    assert.ok(Buffer.byteLength(big) > 2 * 1024 * 1024);
    const uri = await client.open('dist-like/bundle.js', big);
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, []);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: ' ' }]);
    await client.diagnosticsFor(uri, 2);
    const skipped = client.logs.filter((log) => log.message.includes('larger than 2 MB'));
    assert.equal(skipped.length, 1);
    assert.equal(skipped[0]!.type, MessageType.Info);
  });

  it('falls back to defaults for invalid settings with one warning per kind', async function () {
    client = await LspClient.start({ settings: { severity: 'loud', run: 42, colour: 'red' } });
    const first = await client.open('src/a.js', ESM_HANDLER);
    const second = await client.open('src/b.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(first, 1)).diagnostics, [IP_DIAGNOSTIC]);
    assert.deepEqual((await client.diagnosticsFor(second, 1)).diagnostics, [IP_DIAGNOSTIC]);
    const warnings = client.shown.filter((message) => message.type === MessageType.Warning).map((message) => message.message);
    assert.deepEqual(warnings.sort(), [
      'Online Identifiers: Invalid value "loud" for onlineIdentifiers.severity (expected default | error | warning | information | hint); using "default".',
      'Online Identifiers: Invalid value 42 for onlineIdentifiers.run (expected onType | onSave); using "onType".',
      'Online Identifiers: Unknown setting onlineIdentifiers.colour; it is ignored.',
    ]);
  });

  it('honours a trusted project config: severity, files and ignores, and reloads it on change', async function () {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-lsp-project-'));
    const config = (severity: string) =>
      projectConfig(
        [
          'module.exports = [',
          "  { ignores: ['src/generated/**'] },",
          `  { files: ['src/**/*.js'], plugins: { 'online-identifiers': plugin }, rules: { '${RULE}': '${severity}' } },`,
          '];',
        ].join('\n'),
      );
    fs.writeFileSync(path.join(workspace, 'eslint.config.js'), config('warn'));
    client = await LspClient.start({ workspace, initializationOptions: { debounceMs: 0, workspaceTrusted: true } });

    const inSrc = await client.open('src/handler.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(inSrc, 1)).diagnostics, [{ ...IP_DIAGNOSTIC, severity: 2 }]);
    const ignored = await client.open('src/generated/handler.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(ignored, 1)).diagnostics, []);
    const outside = await client.open('scripts/handler.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(outside, 1)).diagnostics, []);

    fs.writeFileSync(path.join(workspace, 'eslint.config.js'), config('error'));
    const next = client.nextDiagnostics(inSrc);
    await client.configFileChanged('eslint.config.js');
    assert.deepEqual((await next).diagnostics, [IP_DIAGNOSTIC]);
  });

  it('falls back to the built-in defaults with one warning when a trusted project config throws', async function () {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-lsp-broken-'));
    fs.writeFileSync(path.join(workspace, 'eslint.config.js'), "throw new Error('config exploded');\n");
    client = await LspClient.start({ workspace, initializationOptions: { debounceMs: 0, workspaceTrusted: true } });
    const a = await client.open('src/a.js', ESM_HANDLER);
    const b = await client.open('src/b.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(a, 1)).diagnostics, [IP_DIAGNOSTIC]);
    assert.deepEqual((await client.diagnosticsFor(b, 1)).diagnostics, [IP_DIAGNOSTIC]);
    const warnings = client.shown.filter((message) => message.message.includes('could not be loaded'));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!.message, /eslint\.config\.js could not be loaded \(config exploded\); using the built-in defaults\.$/);
  });

  it('never executes the project config in an untrusted workspace, and does once trusted', async function () {
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-lsp-untrusted-'));
    const marker = path.join(workspace, 'config-was-executed');
    fs.writeFileSync(
      path.join(workspace, 'eslint.config.js'),
      projectConfig(
        [
          `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'yes');`,
          "console.log('config says hello on stdout');",
          `module.exports = [{ plugins: { 'online-identifiers': plugin }, rules: { '${RULE}': 'warn' } }];`,
        ].join('\n'),
      ),
    );
    client = await LspClient.start({ workspace });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, [IP_DIAGNOSTIC]);
    assert.equal(fs.existsSync(marker), false);

    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('onlineIdentifiers/trustChanged', { workspaceTrusted: true });
    assert.deepEqual((await next).diagnostics, [{ ...IP_DIAGNOSTIC, severity: 2 }]);
    assert.equal(fs.existsSync(marker), true);
    // The config's console.log reached the client's log, not the protocol stream.
    await client.message((message) => message.message.includes('config says hello on stdout'), 'the config log');
    assert.deepEqual(client.errors, []);
  });

  it('serves pull diagnostics to clients that support them, without pushing', async function () {
    client = await LspClient.start({
      capabilities: {
        ...PUSH_CLIENT,
        workspace: { ...PUSH_CLIENT.workspace, diagnostics: { refreshSupport: true } },
        textDocument: { ...PUSH_CLIENT.textDocument, diagnostic: { dynamicRegistration: false } },
      },
    });
    assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'online-identifiers',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    const report = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual(report, { kind: 'full', items: [IP_DIAGNOSTIC] });
    assert.deepEqual(
      client.diagnostics.filter((params) => params.uri === uri),
      [],
    );

    // A settings change asks the client to pull again; the next pull has the new severity.
    const refreshed = new Promise<void>((resolve) => client.connection.onRequest(DiagnosticRefreshRequest.type, () => resolve()));
    await client.changeConfiguration({ severity: 'information' });
    await refreshed;
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.deepEqual(again, { kind: 'full', items: [{ ...IP_DIAGNOSTIC, severity: 3 }] });
  });

  it('scans the workspace with progress, skipping node_modules, dist and .gitignore entries', async function () {
    client = await LspClient.start();
    client.writeFile('src/handler.js', ESM_HANDLER);
    client.writeFile('src/clean.ts', 'export const answer = 42;\n');
    client.writeFile('src/broken.js', 'function (\n');
    client.writeFile('node_modules/dep/index.js', ESM_HANDLER);
    client.writeFile('dist/handler.js', ESM_HANDLER);
    client.writeFile('generated/handler.js', ESM_HANDLER);
    client.writeFile('.gitignore', 'generated/\n');
    const published = client.nextDiagnostics(client.uri('src/handler.js'));
    const summary = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'onlineIdentifiers.scanWorkspace', arguments: [] });
    assert.deepEqual(summary, { files: 2, findings: 1, skipped: 1 });
    assert.deepEqual((await published).diagnostics, [IP_DIAGNOSTIC]);
    const kinds = client.progress.map((entry) => (entry as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
    assert.deepEqual(
      client.diagnostics.map((params) => path.relative(client.workspace, new URL(params.uri).pathname)),
      ['src/handler.js'],
    );
  });
});
