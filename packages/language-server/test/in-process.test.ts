// The factory over an in-memory stream pair, with a probe plugin whose rule
// can be made to throw: a rule crash is one logged error and cleared
// diagnostics, never a dead server.
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Linter, Rule } from 'eslint';
import { createConnection } from 'vscode-languageserver/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../src/start-server';

const probe: Rule.RuleModule = {
  meta: { type: 'problem', docs: { url: 'https://example.test/probe.md' }, schema: [] },
  create(context) {
    return {
      CallExpression(node) {
        if (node.callee.type !== 'Identifier') return;
        if (node.callee.name === 'boom') throw new Error('kaboom');
        if (node.callee.name === 'flag') context.report({ node, message: 'IP address from x reaches flag without classification' });
      },
    };
  },
};
const plugin = { rules: { probe } };
const builtinConfig: Linter.Config[] = [
  { files: ['**/*.js'], plugins: { 'online-identifiers': plugin }, rules: { 'online-identifiers/probe': 'error' } },
];

describe('startServer in-process', function () {
  let client: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];
  const logs: LogMessageParams[] = [];
  let waiting: { version: number; resolve: (params: PublishDiagnosticsParams) => void } | undefined;

  const diagnosticsFor = (version: number): Promise<PublishDiagnosticsParams> => {
    const seen = published.find((params) => params.version === version);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => (waiting = { version, resolve }));
  };

  before(async function () {
    const up = new PassThrough();
    const down = new PassThrough();
    startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)), { plugin, builtinConfig });
    client = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    client.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      if (waiting && waiting.version === params.version) waiting.resolve(params);
    });
    client.onNotification(LogMessageNotification.type, (params) => {
      logs.push(params);
    });
    client.listen();
    // processId null: no parent-process watchdog in the test process.
    await client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: 'file:///work/project',
      workspaceFolders: [{ uri: 'file:///work/project', name: 'project' }],
      capabilities: {},
      initializationOptions: { debounceMs: 0 },
    });
    await client.sendNotification(InitializedNotification.type, {});
  });

  after(function () {
    client.dispose();
  });

  it('turns a rule crash into one logged error and keeps serving', async function () {
    const uri = 'file:///work/project/src/a.js';
    await client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'javascript', version: 1, text: 'flag(1);\n' },
    });
    const first = await diagnosticsFor(1);
    assert.deepEqual(first.diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
        severity: 1,
        code: 'online-identifiers/probe',
        codeDescription: { href: 'https://example.test/probe.md' },
        source: 'online-identifiers',
        message: 'IP address from x reaches flag without classification',
      },
    ]);

    for (const version of [2, 3]) {
      await client.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: `boom(${version});\nflag(1);\n` }],
      });
      assert.deepEqual((await diagnosticsFor(version)).diagnostics, []);
    }
    const errors = logs.filter((log) => log.type === MessageType.Error);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^Rule online-identifiers\/probe failed on .*a\.js: Error: kaboom/);

    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'flag(2);\n' }] });
    assert.equal((await diagnosticsFor(4)).diagnostics.length, 1);
  });
});
