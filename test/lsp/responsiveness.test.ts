// Issue 11 §4: a document whose lint runs past the server's budget never
// blocks hover, code actions or other documents. A generated worst case for
// the analysis (one variable written in hundreds of closures and logged in
// each) takes seconds to lint; while it does, requests about another
// document are answered and another document gets its diagnostics. No
// sleeps: the proof is the order in which the server's answers arrive.
import * as assert from 'node:assert/strict';
import { CodeActionRequest, HoverRequest, type CodeAction, type Hover } from 'vscode-languageserver-protocol/node';
import { LspClient } from './support/lsp-client';
import { ESM_HANDLER } from './support/fixtures';

const RULE = 'online-identifiers/no-unclassified-logging';

/** `handlers` closures that each write `node` (an IP address half the time) and log it: every log site sees every write. */
export function worstCaseFile(handlers: number): string {
  const lines = ["import pino from 'pino';", 'const logger = pino();', 'let node = null;', 'let other = null;'];
  for (let i = 0; i < handlers; i++) {
    lines.push(
      `export function handler${i}(req, res) {`,
      `  node = ${i % 2 === 0 ? 'req.ip' : 'other'};`,
      '  other = node;',
      `  logger.info({ node, other, n: ${i} });`,
      '  res.end();',
      '}',
    );
  }
  return `${lines.join('\n')}\n`;
}

const HANDLERS = 700;
const IP_RANGE = { start: { line: 5, character: 14 }, end: { line: 5, character: 20 } };

describe('language server responsiveness', function () {
  let client: LspClient;

  afterEach(async function () {
    if (client) await client.kill();
  });

  it('answers hover and code actions, and lints other documents, while a worst-case file is being linted', async function () {
    this.timeout(120000);
    client = await LspClient.start();
    const small = await client.open('src/handler.js', ESM_HANDLER);
    const [smallDiagnostic] = (await client.diagnosticsFor(small, 1)).diagnostics;
    assert.equal(smallDiagnostic?.code, RULE);

    const big = await client.open('src/worst.js', worstCaseFile(HANDLERS));
    const bigDone = client.diagnosticsFor(big, 1);
    const bigPublished = (): boolean => client.diagnostics.some((params) => params.uri === big);

    // Several round trips, so the big lint has surely started before the last ones.
    for (let round = 0; round < 3; round++) {
      const hover = await client.connection.sendRequest<Hover | null>(HoverRequest.type.method, {
        textDocument: { uri: small },
        position: { line: 5, character: 17 },
      });
      assert.ok(hover, 'hover on the small document answered');
      assert.deepEqual(hover.range, IP_RANGE);
      assert.match((hover.contents as { value: string }).value, /^\*\*IP address\*\* \(`ip`\)/);
      const actions = await client.connection.sendRequest<CodeAction[]>(CodeActionRequest.type.method, {
        textDocument: { uri: small },
        range: IP_RANGE,
        context: { diagnostics: [smallDiagnostic] },
      });
      assert.deepEqual(
        actions.filter((action) => action.kind === 'quickfix' && action.isPreferred).map((action) => action.title),
        ['Redact: wrap in redact.ip(…) so only a non-identifying form is logged'],
      );
      assert.equal(bigPublished(), false, `round ${round}: the worst-case file was linted before the requests were answered`);
    }

    // Another document is linted meanwhile (a second worker takes it).
    const other = await client.open('src/other.js', ESM_HANDLER);
    const otherDiagnostics = await client.diagnosticsFor(other, 1);
    assert.deepEqual(
      otherDiagnostics.diagnostics.map((diagnostic) => diagnostic.range),
      [IP_RANGE],
    );
    assert.equal(bigPublished(), false, 'the other document waited for the worst-case file');

    // And the worst case does finish, with its findings.
    const done = await bigDone;
    assert.ok(done.diagnostics.length >= HANDLERS, `${done.diagnostics.length} findings in the worst-case file`);
  });
});
