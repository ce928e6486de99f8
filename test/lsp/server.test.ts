// The built language server over stdio, driven like an editor would: open,
// edit, ask for code actions, apply them, hover, change settings, close, exit.
import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { fork } from 'node:child_process';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  createProtocolConnection,
  type PublishDiagnosticsParams,
  CodeActionResolveRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, PUSH_CLIENT, SERVER_BIN, applyEdits } from './support/lsp-client';
import { CJS_TWO_FINDINGS, DOCS_BASE, ESM_HANDLER, TS_SESSION } from './support/fixtures';

const RULE = 'online-identifiers/no-unclassified-logging';
const IP_MESSAGE = 'IP address from req.ip reaches logger.info without classification';

const IP_DIAGNOSTIC: Diagnostic = {
  range: { start: { line: 5, character: 14 }, end: { line: 5, character: 20 } },
  severity: 1,
  code: RULE,
  codeDescription: { href: `${DOCS_BASE}no-unclassified-logging.md` },
  source: 'online-identifiers',
  message: IP_MESSAGE,
};

function onlyEdit(edit: WorkspaceEdit | undefined): TextDocumentEdit {
  const changes = edit?.documentChanges;
  assert.ok(changes && changes.length === 1, 'one document change');
  return changes[0] as TextDocumentEdit;
}

/** Parses like the built-in config does, so "the new text parses" is checked by ESLint itself. */
function assertParses(text: string, filename = 'file.js'): void {
  const messages = new Linter({ configType: 'flat' }).verify(text, [{ files: ['**/*.js'], languageOptions: { sourceType: 'module' } }], filename);
  assert.deepEqual(
    messages.filter((message) => message.fatal),
    [],
  );
}

describe('language server over stdio', function () {
  let client: LspClient;

  afterEach(async function () {
    if (client) await client.kill();
  });

  it('answers initialize with its capabilities', async function () {
    client = await LspClient.start();
    assert.deepEqual(client.initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.online-identifiers'], resolveProvider: true },
        executeCommandProvider: { commands: ['onlineIdentifiers.scanWorkspace'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: '@online-identifiers/language-server', version: '0.1.0' },
    });
    // Watches project configs so it can drop them when they change.
    const registration = await client.registration('workspace/didChangeWatchedFiles');
    assert.deepEqual([registration], [
      {
        id: registration.id,
        method: 'workspace/didChangeWatchedFiles',
        registerOptions: { watchers: [{ globPattern: '**/eslint.config.{js,mjs,cjs,ts,mts,cts}' }] },
      },
    ]);
  });

  it('publishes exact diagnostics on open and clears them on close', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    assert.deepEqual(await client.diagnosticsFor(uri, 1), { uri, version: 1, diagnostics: [IP_DIAGNOSTIC] });

    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual(await cleared, { uri, diagnostics: [] });
  });

  it('lints TypeScript, JSX, TSX, .mjs, .cjs and untitled buffers, and ignores other languages', async function () {
    client = await LspClient.start();
    const ts = await client.open('src/audit.ts', TS_SESSION, 'typescript');
    const published = await client.diagnosticsFor(ts, 1);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.message, diagnostic.range.start.line]),
      [[RULE, 'Session id from req.sessionID reaches logger.info without classification', 6]],
    );
    const cjs = await client.open('src/two.cjs', CJS_TWO_FINDINGS, 'javascript');
    assert.equal((await client.diagnosticsFor(cjs, 1)).diagnostics.length, 2);
    const mjs = await client.open('src/handler.mjs', ESM_HANDLER, 'javascript');
    assert.deepEqual((await client.diagnosticsFor(mjs, 1)).diagnostics, [IP_DIAGNOSTIC]);
    // JSX and TSX parse with JSX enabled.
    const jsxHandler = ESM_HANDLER.replace('res.end();', 'res.send(<p>{req.query.q}</p>);');
    const tsx = await client.open('src/view.tsx', jsxHandler.replace('(req, res)', '(req: any, res: any)'), 'typescriptreact');
    assert.deepEqual((await client.diagnosticsFor(tsx, 1)).diagnostics, [IP_DIAGNOSTIC]);
    const jsx = await client.open('src/view.jsx', jsxHandler, 'javascriptreact');
    assert.deepEqual((await client.diagnosticsFor(jsx, 1)).diagnostics, [IP_DIAGNOSTIC]);
    // An unsaved editor, by language id alone.
    const untitled = 'untitled:Untitled-1';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: untitled, languageId: 'typescript', version: 1, text: ESM_HANDLER.replace('(req, res)', '(req: any, res: any)') },
    });
    assert.deepEqual((await client.diagnosticsFor(untitled, 1)).diagnostics, [IP_DIAGNOSTIC]);
    // Same text in a Markdown document: not ours.
    const md = await client.open('README.md', ESM_HANDLER, 'markdown');
    assert.deepEqual((await client.diagnosticsFor(md, 1)).diagnostics, []);
  });

  it('offers the suggestions, disable-line and documentation; the redact edit removes the finding', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: IP_DIAGNOSTIC.range,
      context: { diagnostics },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred === true]),
      [
        ['Redact: wrap in redact.ip(…) so only a non-identifying form is logged', 'quickfix', true],
        ['Pseudonymize: wrap in pseudonymize(…) to log a keyed hash instead', 'quickfix', false],
        ["Classify for security: wrap in classify(…, 'ip') to keep the raw value, marked as personal data", 'quickfix', false],
        [`Disable ${RULE} for this line`, 'quickfix', false],
        [`Show documentation for ${RULE}`, 'quickfix', false],
        // Fix-all is only listed when asked for (source.fixAll) or resolvable lazily: it re-lints the file.
      ],
    );
    assert.deepEqual(actions[4]?.command, {
      title: `Show documentation for ${RULE}`,
      command: 'onlineIdentifiers.showDocumentation',
      arguments: [`${DOCS_BASE}no-unclassified-logging.md`],
    });

    const redact = onlyEdit(actions[0]?.edit);
    assert.deepEqual(redact.textDocument, { uri, version: 1 });
    const fixed = applyEdits(ESM_HANDLER, redact.edits);
    assert.equal(
      fixed,
      ESM_HANDLER.replace("import pino from 'pino';", "import pino from 'pino';\nimport { redact } from '@online-identifiers/redact';").replace(
        'logger.info(req.ip);',
        'logger.info(redact.ip(req.ip));',
      ),
    );
    assertParses(fixed);

    await client.replace(uri, 2, fixed);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  });

  it('inserts the disable comment with the line indentation, and the finding goes away', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: IP_DIAGNOSTIC.range,
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    const disable = actions.find((action) => action.title.startsWith('Disable'));
    assert.deepEqual(onlyEdit(disable?.edit).edits, [
      {
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        newText: `  // eslint-disable-next-line ${RULE} -- TODO: say why this identifier may stay unclassified\n`,
      },
    ]);
    const text = applyEdits(ESM_HANDLER, onlyEdit(disable?.edit).edits);
    await client.replace(uri, 2, text);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  });

  it('fix-all redacts every finding with one versioned edit', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/two.js', CJS_TWO_FINDINGS);
    assert.equal((await client.diagnosticsFor(uri, 1)).diagnostics.length, 2);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.kind),
      ['source.fixAll.online-identifiers'],
    );
    const edit = onlyEdit(actions[0]?.edit);
    assert.deepEqual(edit.textDocument, { uri, version: 1 });
    const fixed = applyEdits(CJS_TWO_FINDINGS, edit.edits);
    assert.equal(
      fixed,
      [
        "const logger = require('pino')();",
        "const { redact } = require('@online-identifiers/redact');",
        '',
        'module.exports = function handler(req, res) {',
        '  logger.info(redact.ip(req.ip));',
        "  logger.warn(redact.device(req.headers['user-agent']));",
        '  res.end();',
        '};',
        '',
      ].join('\n'),
    );
    await client.replace(uri, 2, fixed);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  });

  it('resolves the lazy fix-all action for clients with resolve support', async function () {
    client = await LspClient.start({
      capabilities: {
        ...PUSH_CLIENT,
        textDocument: { ...PUSH_CLIENT.textDocument, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
    const uri = await client.open('src/two.js', CJS_TWO_FINDINGS);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]!] },
    })) as CodeAction[];
    const lazy = actions.find((action) => action.kind === 'source.fixAll.online-identifiers');
    assert.ok(lazy && lazy.edit === undefined, 'fix-all is offered without its edit');
    const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, lazy);
    assert.equal(onlyEdit(resolved.edit).textDocument.version, 1);
  });

  it('refuses code actions for a stale version', async function () {
    // A long debounce keeps version 2 unlinted while we ask.
    client = await LspClient.start({ initializationOptions: { debounceMs: 60000 } });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: IP_DIAGNOSTIC.range,
      context: { diagnostics },
    });
    assert.deepEqual(actions, []);
    // Saving does not lint in onType mode; the version is still refused.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 16 } });
    assert.equal(hover, null);
  });

  it('explains the finding on hover', async function () {
    client = await LspClient.start();
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    await client.diagnosticsFor(uri, 1);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 5, character: 17 } });
    assert.deepEqual(hover, {
      contents: {
        kind: 'markdown',
        value: [
          `**IP address** (\`ip\`) · \`${RULE}\``,
          '',
          'An IP address can be tied to a person through their ISP or a later sign-in, so it is personal data.',
          '',
          'Say what it is before it reaches the sink:',
          '',
          '- **Redact**: `redact.ip(value)` removes the identifying detail; the result is no longer personal data.',
          '- **Pseudonymize**: `pseudonymize(value)` replaces it with a keyed hash; events stay correlatable without the raw value.',
          "- **Classify for security**: `classify(value, 'ip')` keeps the raw value on purpose, marked as personal data so the log pipeline routes it to the access-controlled store (kept 90 days to 2 years).",
          '',
          `[Documentation for ${RULE}](${DOCS_BASE}no-unclassified-logging.md)`,
        ].join('\n'),
      },
      range: IP_DIAGNOSTIC.range,
    });
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(elsewhere, null);
  });

  it('applies a severity override and enable=false from workspace/configuration', async function () {
    client = await LspClient.start({ settings: { severity: 'hint' } });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    assert.deepEqual((await client.diagnosticsFor(uri, 1)).diagnostics, [{ ...IP_DIAGNOSTIC, severity: 4 }]);

    let next = client.nextDiagnostics(uri);
    await client.changeConfiguration({ severity: 'default', enable: false });
    assert.deepEqual((await next).diagnostics, []);

    next = client.nextDiagnostics(uri);
    await client.changeConfiguration({ severity: 'warning' });
    assert.deepEqual((await next).diagnostics, [{ ...IP_DIAGNOSTIC, severity: 2 }]);
  });

  it('maps redactModule to the quick-fix import', async function () {
    client = await LspClient.start({ settings: { redactModule: '#lib/redact' } });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: IP_DIAGNOSTIC.range,
      context: { diagnostics, only: ['quickfix'] },
    })) as CodeAction[];
    const fixed = applyEdits(ESM_HANDLER, onlyEdit(actions[0]?.edit).edits);
    assert.match(fixed, /^import \{ redact \} from '#lib\/redact';$/m);
  });

  it('in onSave mode lints on open and save only', async function () {
    client = await LspClient.start({ settings: { run: 'onSave' } });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    assert.equal((await client.diagnosticsFor(uri, 1)).diagnostics.length, 1);
    const clean = ESM_HANDLER.replace('logger.info(req.ip);', "logger.info('hello');");
    await client.replace(uri, 2, clean);
    await client.save(uri);
    // The save lints version 2; no publication for version 2 happened before it.
    assert.deepEqual(await client.diagnosticsFor(uri, 2), { uri, version: 2, diagnostics: [] });
    assert.equal(client.diagnostics.filter((params) => params.uri === uri).length, 2);
  });

  it('debounces edits and publishes only the latest version', async function () {
    client = await LspClient.start({ initializationOptions: { debounceMs: 200 } });
    const uri = await client.open('src/handler.js', ESM_HANDLER);
    await client.diagnosticsFor(uri, 1);
    for (let version = 2; version <= 20; version++) {
      await client.change(uri, version, [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: ' ' }]);
    }
    await client.diagnosticsFor(uri, 20);
    // How many intermediate versions get linted depends on timing (the
    // scheduler's unit tests pin that down with a fake clock); what must hold
    // is that versions only move forward and nothing older follows the latest.
    const versions = client.diagnostics.filter((params) => params.uri === uri).map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((x, y) => x - y));
    assert.ok(versions.length < 20, `debounced: ${versions.length} publications for 20 versions`);
    assert.equal(versions.at(-1), 20);
  });

  it('also speaks node-ipc (the transport the VS Code client uses)', async function () {
    const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const uri = 'file:///nowhere/handler.js';
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    assert.equal(result.serverInfo?.name, '@online-identifiers/language-server');
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text: ESM_HANDLER } });
    assert.deepEqual((await published).diagnostics, [IP_DIAGNOSTIC]);
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0);
    connection.dispose();
    assert.equal(stdout, '');
  });

  it('shuts down and exits with code 0', async function () {
    client = await LspClient.start();
    assert.equal(await client.shutdown(), 0);
    assert.deepEqual(client.errors, []);
  });
});
