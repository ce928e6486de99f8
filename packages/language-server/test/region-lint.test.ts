// Phase 1 of two-phase diagnostics, in process: what the worker says about
// top-level statements, which edits get a region lint, what the focused
// text keeps, and that its merged findings are the full lint's (findings
// that depend on the edited statement from elsewhere stay as they were
// until the full lint).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { RuleLinter } from '../src/linter';
import { lineStarts, mergeRegionMessages, planRegionLint, textChange, type RegionPlan } from '../src/region-lint';
import type { TopLevelStatement } from '../src/top-level-statements';

const CWD = path.join(__dirname, 'fixtures-that-need-not-exist');
const linter = new RuleLinter({ plugin, builtinConfig: createBuiltinConfig() });

function lint(text: string, extension = 'js'): { messages: Linter.LintMessage[]; statements: TopLevelStatement[] } {
  const outcome = linter.lint(text, path.join(CWD, 'src', `service.${extension}`), linter.builtinRules, CWD, { statements: true });
  assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
  return outcome.kind === 'ok' ? { messages: outcome.messages, statements: outcome.statements ?? [] } : { messages: [], statements: [] };
}

/** A service of `handlers` 8-line Express-style handlers; every `rawEvery`-th logs the IP raw, every `viaLog3`-th through the forwarding wrapper log3. */
function service(handlers: number, { rawEvery = 3, viaLog3 = 0 } = {}): string {
  const lines = [
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
  for (let i = 0; i < handlers; i++) {
    const log = viaLog3 && i % viaLog3 === 0 ? 'log3(req.ip);' : i % rawEvery === 0 ? 'logger.info(req.ip);' : 'logger.info(redact.ip(req.ip));';
    lines.push(`export function handler${i}(req, res) {`, `  const id = req.params.id;`, `  ${log}`, '  if (!id) {', '    return res.status(400).end();', '  }', '  res.json({ id });', '}');
  }
  return `${lines.join('\n')}\n`;
}

/** Replaces the first occurrence of `find` after line `fromLine` (0-based). */
function edit(text: string, fromLine: number, find: string, replacement: string): string {
  const start = lineStarts(text)[fromLine] ?? 0;
  const index = text.indexOf(find, start);
  assert.ok(index >= 0, `${find} after line ${fromLine}`);
  return text.slice(0, index) + replacement + text.slice(index + find.length);
}

function region(base: string, text: string): RegionPlan {
  const plan = planRegionLint({ text: base, statements: lint(base).statements }, text);
  assert.equal(plan.kind, 'region', JSON.stringify(plan));
  return plan as RegionPlan;
}

/** The region lint's own messages (the focused text must parse). */
function lintFocused(plan: RegionPlan): Linter.LintMessage[] {
  const focused = linter.lint(plan.focused, path.join(CWD, 'src', 'service.js'), linter.builtinRules, CWD);
  assert.equal(focused.kind, 'ok', JSON.stringify(focused));
  return focused.kind === 'ok' ? focused.messages : [];
}

/** Phase 1's messages: the region lint of the focused text merged with the base's. */
function phase1(base: string, text: string): Linter.LintMessage[] {
  return mergeRegionMessages(region(base, text), lintFocused(region(base, text)), lint(base).messages);
}

const withoutFixes = (messages: readonly Linter.LintMessage[]): unknown[] => messages.map(({ fix: _fix, suggestions: _suggestions, ...rest }) => rest);
const at = (messages: readonly Linter.LintMessage[]): string[] => messages.map((message) => `${message.line}:${message.column} ${message.message}`);

describe('region lint: top-level statements', function () {
  it('tells context, declarations and other code apart, with the names they declare', function () {
    const text = [
      "'use strict';",
      "import pino from 'pino';",
      "const { a, b: [c] } = require('x'), logger = pino();",
      'function helper() {}',
      'export class Store {}',
      'export const wrap = (fn) => fn;',
      "app.get('/', (req, res) => res.end());",
      'app.use(helmet());',
      'export default function (req) {}',
      'export { helper };',
      'module.exports = { helper };',
      '',
    ].join('\n');
    assert.deepEqual(
      lint(text).statements.map(({ role, names }) => [role, names.join(',')]),
      [
        ['context', ''],
        ['context', ''],
        ['context', 'a,c,logger'],
        ['declaration', 'helper'],
        ['declaration', 'Store'],
        ['declaration', 'wrap'],
        ['code', ''],
        ['context', ''],
        ['code', ''],
        ['context', ''],
        ['context', ''],
      ],
    );
    const ts = ["import type { Request } from 'express';", 'interface Row { id: string }', 'type Id = string;', 'enum Kind { A }', "declare module 'x' {}", ''].join('\n');
    assert.deepEqual(
      lint(ts, 'ts').statements.map(({ role, names }) => [role, names.join(',')]),
      [
        ['context', ''],
        ['declaration', 'Row'],
        ['declaration', 'Id'],
        ['declaration', 'Kind'],
        ['context', ''],
      ],
    );
  });
});

describe('region lint: planning', function () {
  const base = service(40);

  it('finds the one changed span', function () {
    assert.equal(textChange('abc', 'abc'), undefined);
    assert.deepEqual(textChange('abcdef', 'abXYdef'), { start: 2, oldEnd: 3, newEnd: 4 });
    assert.deepEqual(textChange('abc', 'abcd'), { start: 3, oldEnd: 3, newEnd: 4 });
  });

  it('falls back when the edit is not inside one function or expression statement', function () {
    const plan = (text: string): string => {
      const result = planRegionLint({ text: base, statements: lint(base).statements }, text);
      return result.kind === 'fallback' ? result.reason : 'region';
    };
    assert.equal(plan(base), 'unchanged');
    // Between two handlers, and across two of them.
    assert.equal(plan(edit(base, 16, '}\nexport function handler1', '}\n\nexport function handler1')), 'outside-statement');
    assert.equal(plan(edit(base, 12, '}\nexport function handler1(req, res) {\n  const id', '  const id')), 'outside-statement');
    // The logger's configuration reaches every handler.
    assert.equal(plan(edit(base, 3, 'pino()', 'pino({ level: "info" })')), 'context-statement');
    assert.equal(plan(edit(base, 20, 'res.json({ id })', 'res.json({ id, ok: true })')), 'region');
  });

  it('keeps the edited statement, the context and what they name, on their own lines and columns', function () {
    const text = edit(base, 97, 'logger.info(redact.ip(req.ip))', 'log3(req.ip)');
    const plan = region(base, text);
    const focusedLines = plan.focused.split('\n');
    const lines = text.split('\n');
    assert.equal(focusedLines.length, lines.length);
    const kept = focusedLines.flatMap((line, index) => (line.trim() && line === lines[index] ? [index] : []));
    // The imports and the logger, log3 (the edit calls it) and handler11, which the edit is in.
    assert.deepEqual(kept, [0, 1, 3, 5, 6, 7, ...Array.from({ length: 8 }, (_, index) => 97 + index)]);
    // A left-out statement is gone but for the `;` that ends it, at the column where it ended.
    assert.equal(focusedLines[16], ';');
    assert.deepEqual(focusedLines.slice(9, 16), ['', '', '', '', '', '', '']);
  });

  it('keeps the binding of a left-out declaration that kept code names, as a stub', function () {
    const text = `${base}export { handler2 as second, handler3 as third };\n`;
    const plan = region(text, edit(text, 100, 'res.json({ id })', 'res.json({ id: 1 })'));
    const lines = plan.focused.split('\n');
    assert.equal(lines[25], 'function handler2(){}');
    assert.equal(lines[33], 'function handler3(){}');
    assert.equal(lines[41], '');
    assert.equal(lines.at(-2), 'export { handler2 as second, handler3 as third };');
    // Without the stubs the export list would not parse.
    lintFocused(plan);
  });

  it('keeps what names the edited function, and statements with an ESLint comment in them', function () {
    const text = edit(service(40, { viaLog3: 10 }), 17, '  const id = req.params.id;', '  // eslint-disable-next-line no-console\n  const id = req.params.id;');
    const plan = region(text, edit(text, 5, 'console.log(...args)', 'console.log(args.length)'));
    const kept = (name: string): boolean => plan.focused.includes(`export function ${name}(`);
    // log3's callers (handler0, 10, 20, 30) and handler1, for its comment.
    assert.deepEqual(
      Array.from({ length: 40 }, (_, index) => `handler${index}`).filter(kept),
      ['handler0', 'handler1', 'handler10', 'handler20', 'handler30'],
    );
  });

  it('falls back when the edited statement needs most of the file', function () {
    const text = service(40, { viaLog3: 1 });
    const result = planRegionLint({ text, statements: lint(text).statements }, edit(text, 5, 'console.log(...args)', 'console.log(args.length)'));
    assert.deepEqual(result, { kind: 'fallback', reason: 'mostly-kept' });
  });
});

describe('region lint: phase 1 findings', function () {
  this.timeout(60000);

  it('equal the full lint for an edit inside one handler, positions after it moved', function () {
    const base = service(60);
    // Handler 20 logs the IP raw now, and is one line longer.
    const text = edit(base, 9 + 20 * 8, '  logger.info(redact.ip(req.ip));', '  const ip = req.ip;\n  logger.info(ip);');
    const full = lint(text).messages;
    const merged = phase1(base, text);
    assert.deepEqual(withoutFixes(merged), withoutFixes(full));
    assert.ok(at(merged).includes('173:15 IP address from req.ip reaches logger.info without classification'), at(merged).join('\n'));
    // Handler 21's finding moved down a line, and so did its redact quick-fix.
    const later = (messages: Linter.LintMessage[]): Linter.LintMessage | undefined => messages.find((message) => message.line === 9 + 21 * 8 + 3 + 1);
    assert.ok(later(full) && later(merged));
    assert.deepEqual(later(merged)?.suggestions?.[0], later(full)?.suggestions?.[0]);
  });

  it('offer a quick-fix only where its edit stays inside the finding statement, the same as the full lint', function () {
    const base = service(60).replace("import { redact } from '@online-identifiers/redact';\n", '');
    const text = edit(base, 8 + 20 * 8, 'logger.info(redact.ip(req.ip));', 'logger.info(req.cookies);');
    const full = lint(text).messages;
    const merged = phase1(base, text);
    assert.deepEqual(withoutFixes(merged), withoutFixes(full));
    for (const message of merged) {
      const truth = full.find((candidate) => candidate.line === message.line && candidate.column === message.column);
      // Without the redact import every suggestion adds it, reaching outside the statement: none offered yet.
      assert.deepEqual(message.suggestions, []);
      assert.ok((truth?.suggestions ?? []).length > 0);
    }
    const withImport = service(60);
    const edited = edit(withImport, 9 + 20 * 8, 'logger.info(redact.ip(req.ip));', 'logger.info(req.ip);');
    const finding = (messages: Linter.LintMessage[]): Linter.LintMessage | undefined => messages.find((message) => message.line === 9 + 20 * 8 + 3);
    const redactFix = (message: Linter.LintMessage | undefined) => message?.suggestions?.find((suggestion) => suggestion.messageId === 'suggestRedact');
    assert.ok(redactFix(finding(phase1(withImport, edited))));
    assert.deepEqual(redactFix(finding(phase1(withImport, edited))), redactFix(finding(lint(edited).messages)));
  });

  it('keep findings elsewhere that depend on the edited function as they were, for the full lint to correct', function () {
    const base = service(40, { viaLog3: 10 });
    const callSites = (messages: Linter.LintMessage[]): string[] => at(messages).filter((message) => message.includes('reaches log3'));
    assert.equal(callSites(lint(base).messages).length, 4);
    // log3 stops forwarding its arguments to the console.
    const text = edit(base, 5, 'console.log(...args)', 'console.log(args.length)');
    assert.deepEqual(callSites(phase1(base, text)), callSites(lint(base).messages));
    assert.deepEqual(callSites(lint(text).messages), []);
  });
});
