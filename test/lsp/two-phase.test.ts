// Two-phase diagnostics over stdio: an edit inside one handler of a long
// file is published at once from a region lint (phase 1), then the full
// lint (phase 2) republishes only what differs. Phases are observed through
// the opt-in onlineIdentifiers/lintPhase notification, never through time.
import * as assert from 'node:assert/strict';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import type { LintPhaseParams, StatsResult } from '@online-identifiers/language-server';
import { LspClient, applyEdits } from './support/lsp-client';

const HANDLERS = 60;
const HEADER = [
  "import pino from 'pino';",
  "import { redact } from '@online-identifiers/redact';",
  '',
  'const logger = pino();',
  '',
  'function log3(...args) {',
  '  console.log(...args);',
  '}',
  '',
];
/** 0-based line of handler `index`'s first line. */
const handlerLine = (index: number): number => HEADER.length + index * 8;

/** 489 lines: 60 handlers; every tenth logs the IP through log3, every third other one raw, the rest redacted. */
function serviceText(): string {
  const lines = [...HEADER];
  for (let i = 0; i < HANDLERS; i++) {
    const log = i % 10 === 0 ? 'log3(req.ip);' : i % 3 === 0 ? 'logger.info(req.ip);' : 'logger.info(redact.ip(req.ip));';
    lines.push(`export function handler${i}(req, res) {`, '  const id = req.params.id;', `  ${log}`, '  if (!id) {', '    return res.status(400).end();', '  }', '  res.json({ id });', '}');
  }
  return `${lines.join('\n')}\n`;
}

const messagesOf = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${diagnostic.message}`);

describe('two-phase diagnostics over stdio', function () {
  this.timeout(60000);
  let client: LspClient;
  const phases: LintPhaseParams[] = [];
  const phaseWaiters: { test: (params: LintPhaseParams) => boolean; resolve: (params: LintPhaseParams) => void }[] = [];

  /** The lintPhase notification for `uri` at `version` and `phase` (already received or the next). */
  function phase(uri: string, version: number, which: LintPhaseParams['phase']): Promise<LintPhaseParams> {
    const test = (params: LintPhaseParams): boolean => params.uri === uri && params.version === version && params.phase === which;
    const seen = phases.find(test);
    return seen ? Promise.resolve(seen) : new Promise((resolve) => phaseWaiters.push({ test, resolve }));
  }

  /** Records the server's lintPhase notifications and wakes the waiters they answer. */
  function listenForPhases(lsp: LspClient): void {
    lsp.connection.onNotification('onlineIdentifiers/lintPhase', (params: LintPhaseParams) => {
      phases.push(params);
      for (const waiter of [...phaseWaiters]) {
        if (waiter.test(params)) {
          phaseWaiters.splice(phaseWaiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
  }

  beforeEach(async function () {
    phases.length = 0;
    phaseWaiters.length = 0;
    client = await LspClient.start({ initializationOptions: { debounceMs: 0, reportLintPhases: true } });
    listenForPhases(client);
  });

  afterEach(async function () {
    if (client) await client.kill();
  });

  it('publishes the edited handler from phase 1, and phase 2 corrects the call sites of an edited wrapper', async function () {
    const text = serviceText();
    const uri = await client.open('src/service.js', text);
    await phase(uri, 1, 'full');
    const opened = (await client.diagnosticsFor(uri, 1)).diagnostics;
    const log3Sites = (diagnostics: readonly Diagnostic[]): string[] => messagesOf(diagnostics).filter((message) => message.endsWith('reaches log3 without classification'));
    assert.equal(log3Sites(opened).length, 6);

    // Handler 22 stops redacting, and grows a line: every later finding moves down one.
    const logLine = handlerLine(22) + 2;
    await client.change(uri, 2, [
      { range: { start: { line: logLine, character: 0 }, end: { line: logLine + 1, character: 0 } }, text: '  const ip = req.ip;\n  logger.info(ip);\n' },
    ]);
    const first = (await client.diagnosticsFor(uri, 2)).diagnostics;
    assert.deepEqual((await phase(uri, 2, 'region')).published, true);
    const handler22 = first.find((diagnostic) => diagnostic.range.start.line === logLine + 1);
    assert.deepEqual(handler22 && { range: handler22.range, message: handler22.message, code: handler22.code }, {
      range: { start: { line: logLine + 1, character: 14 }, end: { line: logLine + 1, character: 16 } },
      message: 'IP address from req.ip reaches logger.info without classification',
      code: 'online-identifiers/no-unclassified-logging',
    });
    const moved = messagesOf(opened).map((message) => {
      const [line, rest] = message.split(/:(.*)/s);
      return Number(line) > logLine ? `${Number(line) + 1}:${rest}` : message;
    });
    assert.deepEqual(
      messagesOf(first).filter((message) => !message.startsWith(`${logLine + 1}:`)),
      moved,
    );
    // Its quick-fix, asked for as soon as phase 1 is out (answered from phase 1's findings or, if it is done, the full lint's), redacts the right expression.
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: handler22!.range,
      context: { diagnostics: [handler22!] },
    });
    const redact = (actions as CodeAction[]).find((action) => action.isPreferred);
    assert.ok(redact?.edit?.documentChanges, 'a preferred quick-fix with an edit');
    const afterEdit = text
      .split('\n')
      .flatMap((line, index) => (index === logLine ? ['  const ip = req.ip;', '  logger.info(ip);'] : [line]))
      .join('\n');
    assert.match(applyEdits(afterEdit, (redact.edit.documentChanges[0] as TextDocumentEdit).edits), /\n {2}logger\.info\(redact\.ip\(ip\)\);\n/);

    // The full lint found the same: it publishes nothing more.
    assert.deepEqual(await phase(uri, 2, 'full'), { uri, version: 2, phase: 'full', published: false });

    // log3 stops forwarding its arguments: phase 1 still shows its call sites (they are elsewhere), phase 2 clears them.
    const wrapperLine = HEADER.indexOf('  console.log(...args);');
    await client.change(uri, 3, [
      { range: { start: { line: wrapperLine, character: 14 }, end: { line: wrapperLine, character: 21 } }, text: 'args.length' },
    ]);
    const phase1 = (await client.diagnosticsFor(uri, 3)).diagnostics;
    assert.deepEqual(await phase(uri, 3, 'full'), { uri, version: 3, phase: 'full', published: true });
    const published = client.diagnostics.filter((params) => params.uri === uri && params.version === 3);
    assert.equal(published.length, 2);
    const phase2 = published[1]!.diagnostics;
    assert.equal(log3Sites(phase1).length, 6);
    assert.deepEqual(log3Sites(phase2), []);
    assert.deepEqual(
      messagesOf(phase2),
      messagesOf(phase1).filter((message) => !message.endsWith('reaches log3 without classification')),
    );

    const stats = await client.connection.sendRequest<StatsResult>('onlineIdentifiers/stats', {});
    assert.deepEqual(stats.regionLint, { used: 2, fallback: {} });
  });

  it('runs phase 1 at the keystroke: only phase 2 waits for the debounce', async function () {
    await client.kill();
    // A ten-minute debounce: phase 2 cannot come during this test, so whatever arrives is phase 1's own.
    client = await LspClient.start({ initializationOptions: { debounceMs: 600_000, reportLintPhases: true } });
    listenForPhases(client);
    const uri = await client.open('src/service.js', serviceText());
    await phase(uri, 1, 'full'); // opening lints at once
    const logLine = handlerLine(22) + 2;
    await client.change(uri, 2, [{ range: { start: { line: logLine, character: 0 }, end: { line: logLine + 1, character: 0 } }, text: '  logger.info(req.ip);\n' }]);
    const region = await phase(uri, 2, 'region');
    assert.equal(region.published, true);
    const published = messagesOf((await client.diagnosticsFor(uri, 2)).diagnostics);
    assert.ok(published.includes(`${logLine}:14 IP address from req.ip reaches logger.info without classification`), published.join('\n'));
    assert.equal(phases.some((params) => params.uri === uri && params.version === 2 && params.phase === 'full'), false);
  });

  it('lints the whole document when the edit spans two handlers, and small documents always', async function () {
    const uri = await client.open('src/service.js', serviceText());
    await phase(uri, 1, 'full');
    // Joins handler 1 into handler 0.
    await client.change(uri, 2, [{ range: { start: { line: handlerLine(1) - 1, character: 0 }, end: { line: handlerLine(1) + 1, character: 0 } }, text: '' }]);
    await phase(uri, 2, 'full');
    const small = await client.open('src/small.js', "import pino from 'pino';\nconst logger = pino();\nexport function h(req) {\n  logger.info(req.ip);\n}\n");
    await client.diagnosticsFor(small, 1);
    await client.change(small, 2, [{ range: { start: { line: 3, character: 20 }, end: { line: 3, character: 20 } }, text: ', 1' }]);
    await client.diagnosticsFor(small, 2);
    await phase(small, 2, 'full');
    assert.deepEqual(
      phases.filter((params) => params.phase === 'region'),
      [],
    );
    const stats = await client.connection.sendRequest<StatsResult>('onlineIdentifiers/stats', {});
    assert.deepEqual(stats.regionLint, { used: 0, fallback: { 'outside-statement': 1, small: 1 } });
  });
});
