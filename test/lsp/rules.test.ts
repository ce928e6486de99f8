// The four rules beyond logging, through the built language server over stdio
// (issue 7 §6): each publishes its diagnostic with the rule id, message, range
// and documentation link, offers its quick-fixes as code actions, and the
// preferred one (what fix-all applies) removes the finding when applied.
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type Range,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { LspClient, applyEdits } from './support/lsp-client';
import { DOCS_BASE } from './support/fixtures';

const TELEMETRY = [
  "import * as Sentry from '@sentry/node';",
  '',
  'export function identify(req) {',
  '  Sentry.setUser({ email: req.user.email });',
  '}',
  '',
].join('\n');

const METRICS = [
  "import client from 'prom-client';",
  '',
  "const logins = new client.Counter({ name: 'logins_total', help: 'Logins', labelNames: ['client'] });",
  '',
  'export function count(req) {',
  '  logins.inc({ client: req.ip });',
  '}',
  '',
].join('\n');

const ACCESS_LOG = [
  "const express = require('express');",
  "const morgan = require('morgan');",
  '',
  'const app = express();',
  "app.use(morgan('combined'));",
  'module.exports = app;',
  '',
].join('\n');

const RETENTION = [
  "const winston = require('winston');",
  "require('winston-daily-rotate-file');",
  '',
  "const transport = new winston.transports.DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: '3650d' });",
  'module.exports = transport;',
  '',
].join('\n');

/** A diagnostic as the server publishes it for one of the plugin's rules (default severity: error). */
function diagnostic(rule: string, message: string, line: number, start: number, end: number): Diagnostic {
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    severity: 1,
    source: 'online-identifiers',
    message,
    code: `online-identifiers/${rule}`,
    codeDescription: { href: `${DOCS_BASE}${rule}.md` },
  };
}

const DISABLE_REASON = 'TODO: say why this identifier may stay unclassified';

/** Asserts the quick-fixes by title and preference: the rule's suggestions, then the two rows every finding gets. */
function assertQuickFixes(actions: readonly CodeAction[], rule: string, suggestions: [title: string, preferred: boolean][]): void {
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind, action.isPreferred === true]),
    [
      ...suggestions.map(([title, preferred]) => [title, 'quickfix', preferred]),
      [`Disable online-identifiers/${rule} for this line`, 'quickfix', false],
      [`Show documentation for online-identifiers/${rule}`, 'quickfix', false],
    ],
  );
}

describe('language server over stdio: the telemetry, metrics, access-log and retention rules', function () {
  // A guard against a hung server, not a speed check: the first lint loads the plugin on a worker thread.
  this.timeout(60_000);
  let client: LspClient;

  before(async function () {
    client = await LspClient.start();
  });

  after(async function () {
    if (client) await client.kill();
  });

  /** Opens `text`, checks the published diagnostics, and returns the code actions of the diagnostic at `index`. */
  async function actionsFor(name: string, text: string, expected: Diagnostic[], index = 0): Promise<{ uri: string; actions: CodeAction[] }> {
    const uri = await client.open(name, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diagnostics, expected);
    const target = diagnostics[index];
    assert.ok(target, `diagnostic ${index} of ${name}`);
    return { uri, actions: await codeActions(uri, target.range, { diagnostics: [target], only: ['quickfix'] }) };
  }

  async function codeActions(uri: string, range: Range, context: CodeActionContext): Promise<CodeAction[]> {
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context })) as CodeAction[];
  }

  /** The text after applying `action`'s edit, which must name the document at version 1. */
  function applied(uri: string, text: string, action: CodeAction | undefined): string {
    const changes = action?.edit?.documentChanges;
    assert.ok(changes && changes.length === 1, `one document change in ${action?.title ?? 'no action'}`);
    const change = changes[0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    return applyEdits(text, change.edits);
  }

  /** Sends the fixed text as version 2 and checks that no finding is left. */
  async function assertClean(uri: string, fixed: string): Promise<void> {
    await client.replace(uri, 2, fixed);
    assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  }

  it('no-unclassified-telemetry: Sentry.setUser with an e-mail; redact, pseudonymize and classify rewrite the value and import once', async function () {
    const { uri, actions } = await actionsFor('src/telemetry.js', TELEMETRY, [
      diagnostic('no-unclassified-telemetry', 'User identifier from req.user reaches Sentry (Sentry.setUser) without classification', 3, 26, 40),
    ]);
    assertQuickFixes(actions, 'no-unclassified-telemetry', [
      ['Redact: wrap in redact.user(…) so only a non-identifying form is logged', true],
      ['Pseudonymize: wrap in pseudonymize(…) to log a keyed hash instead', false],
      ["Classify for security: wrap in classify(…, 'user') to keep the raw value, marked as personal data", false],
    ]);
    const withImport = (name: string, value: string): string =>
      TELEMETRY.replace("from '@sentry/node';", `from '@sentry/node';\nimport { ${name} } from '@online-identifiers/redact';`).replace(
        'email: req.user.email',
        `email: ${value}`,
      );
    assert.equal(applied(uri, TELEMETRY, actions[1]), withImport('pseudonymize', 'pseudonymize(req.user.email)'));
    assert.equal(applied(uri, TELEMETRY, actions[2]), withImport('classify', "classify(req.user.email, 'user')"));
    const fixed = applied(uri, TELEMETRY, actions[0]);
    assert.equal(fixed, withImport('redact', 'redact.user(req.user.email)'));
    assert.equal(applied(uri, TELEMETRY, actions[3]).split('\n')[3], `  // eslint-disable-next-line online-identifiers/no-unclassified-telemetry -- ${DISABLE_REASON}`);
    await assertClean(uri, fixed);
  });

  it('no-unclassified-telemetry: an SDK option that turns on default PII collection; the fix turns it off', async function () {
    const text = ["import * as Sentry from '@sentry/node';", '', "Sentry.init({ dsn: process.env.SENTRY_DSN, sendDefaultPii: true });", ''].join('\n');
    const { uri, actions } = await actionsFor('src/sentry.js', text, [
      diagnostic('no-unclassified-telemetry', 'Sentry option sendDefaultPii: true sends IP addresses, cookies and user data to Sentry by default', 2, 43, 63),
    ]);
    assertQuickFixes(actions, 'no-unclassified-telemetry', [['Set sendDefaultPii to false', false]]);
    const fixed = applied(uri, text, actions[0]);
    assert.equal(fixed, text.replace('sendDefaultPii: true', 'sendDefaultPii: false'));
    await assertClean(uri, fixed);
  });

  it('no-identifiers-in-metrics: an IP address as a prom-client label value; the redact fix wraps it', async function () {
    const { uri, actions } = await actionsFor('src/metrics.js', METRICS, [
      diagnostic(
        'no-identifiers-in-metrics',
        'IP address from req.ip reaches logins.inc as a metric label without classification: an aggregate is kept indefinitely only when nothing in it identifies a person, and an identifier as a label also makes one time series per person',
        5,
        23,
        29,
      ),
    ]);
    assertQuickFixes(actions, 'no-identifiers-in-metrics', [
      ['Redact: wrap in redact.ip(…) so only a non-identifying form is logged', true],
      ['Pseudonymize: wrap in pseudonymize(…) to log a keyed hash instead', false],
      ["Classify for security: wrap in classify(…, 'ip') to keep the raw value, marked as personal data", false],
    ]);
    const fixed = applied(uri, METRICS, actions[0]);
    assert.equal(
      fixed,
      METRICS.replace("from 'prom-client';", "from 'prom-client';\nimport { redact } from '@online-identifiers/redact';").replace(
        '{ client: req.ip }',
        '{ client: redact.ip(req.ip) }',
      ),
    );
    await assertClean(uri, fixed);
  });

  it("no-identifying-access-log: morgan('combined') gets one diagnostic per kind it records; morganFormat fixes all three", async function () {
    const message = (kind: string, token: string): string =>
      `${kind} is recorded by morgan format 'combined' (:${token}) in every access log line without classification`;
    const expected = [
      diagnostic('no-identifying-access-log', message('IP address', 'remote-addr'), 4, 15, 25),
      diagnostic('no-identifying-access-log', message('User identifier', 'remote-user'), 4, 15, 25),
      diagnostic('no-identifying-access-log', message('Device metadata', 'user-agent'), 4, 15, 25),
    ];
    const { uri, actions } = await actionsFor('src/access-log.js', ACCESS_LOG, expected);
    // The rule's only suggestion; the server marks only redact suggestions preferred, and fix-all applies it as the first one.
    assertQuickFixes(actions, 'no-identifying-access-log', [
      ['Use morganFormat(…) from @online-identifiers/redact/morgan: the same line, with addresses, users, user agents and identifying headers treated', false],
    ]);
    const fixed = applied(uri, ACCESS_LOG, actions[0]);
    assert.equal(
      fixed,
      ACCESS_LOG.replace(
        "const morgan = require('morgan');",
        "const morgan = require('morgan');\nconst { morganFormat } = require('@online-identifiers/redact/morgan');",
      ).replace("morgan('combined')", "morgan(morganFormat('combined'))"),
    );
    await assertClean(uri, fixed);
  });

  it('log-retention: maxFiles of ten years; the fix keeps logs one year', async function () {
    const { uri, actions } = await actionsFor('src/retention.js', RETENTION, [
      diagnostic(
        'log-retention',
        "Log retention of 3650 days (maxFiles: '3650d') is outside the policy's 90 days to 2 years (90 to 731 days): raw logs are kept at most 2 years without explicit approval",
        3,
        97,
        104,
      ),
    ]);
    assertQuickFixes(actions, 'log-retention', [["Keep logs 365 days: set '365d'", false]]);
    const fixed = applied(uri, RETENTION, actions[0]);
    assert.equal(fixed, RETENTION.replace("maxFiles: '3650d'", "maxFiles: '365d'"));
    await assertClean(uri, fixed);
  });

  it('fix-all applies each rule\'s preferred fix in one versioned edit, leaving no finding', async function () {
    const text = [TELEMETRY, METRICS.replace("import client from 'prom-client';\n", '')].join('');
    const all = `import client from 'prom-client';\n${text}`;
    const uri = await client.open('src/all.js', all);
    assert.deepEqual(
      (await client.diagnosticsFor(uri, 1)).diagnostics.map((item) => item.code),
      ['online-identifiers/no-unclassified-telemetry', 'online-identifiers/no-identifiers-in-metrics'],
    );
    const start = { line: 0, character: 0 };
    const actions = await codeActions(uri, { start, end: start }, { diagnostics: [], only: ['source.fixAll'] });
    assert.deepEqual(
      actions.map((action) => action.kind),
      ['source.fixAll.online-identifiers'],
    );
    const fixed = applied(uri, all, actions[0]);
    assert.equal(
      fixed,
      all
        .replace("from '@sentry/node';", "from '@sentry/node';\nimport { redact } from '@online-identifiers/redact';")
        .replace('email: req.user.email', 'email: redact.user(req.user.email)')
        .replace('{ client: req.ip }', '{ client: redact.ip(req.ip) }'),
    );
    await assertClean(uri, fixed);
  });
});
