import * as assert from 'node:assert/strict';
import { toDiagnostic, type LintMessageLike } from '../src/diagnostics';

const URL = 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/no-unclassified-logging.md';

function message(overrides: Partial<LintMessageLike> = {}): LintMessageLike {
  return {
    ruleId: 'online-identifiers/no-unclassified-logging',
    message: 'IP address from req.ip reaches logger.info without classification',
    severity: 2,
    line: 3,
    column: 15,
    endLine: 3,
    endColumn: 21,
    ...overrides,
  };
}

describe('toDiagnostic', () => {
  it('converts 1-based ESLint positions to a 0-based LSP range with code, link and source', () => {
    assert.deepEqual(toDiagnostic(message(), { docsUrl: URL }), {
      range: { start: { line: 2, character: 14 }, end: { line: 2, character: 20 } },
      severity: 1,
      code: 'online-identifiers/no-unclassified-logging',
      codeDescription: { href: URL },
      source: 'online-identifiers',
      message: 'IP address from req.ip reaches logger.info without classification',
    });
  });

  it('maps ESLint warn to Warning and error to Error when the severity is not overridden', () => {
    assert.equal(toDiagnostic(message({ severity: 1 })).severity, 2);
    assert.equal(toDiagnostic(message({ severity: 2 }), { severity: 'default' }).severity, 1);
  });

  it('applies the severity override', () => {
    assert.equal(toDiagnostic(message(), { severity: 'error' }).severity, 1);
    assert.equal(toDiagnostic(message(), { severity: 'warning' }).severity, 2);
    assert.equal(toDiagnostic(message(), { severity: 'information' }).severity, 3);
    assert.equal(toDiagnostic(message({ severity: 1 }), { severity: 'hint' }).severity, 4);
  });

  it('gives an empty range at the start when the end is missing', () => {
    const range = toDiagnostic(message({ endLine: undefined, endColumn: undefined })).range;
    assert.deepEqual(range, { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } });
    const onlyLine = toDiagnostic(message({ endColumn: undefined })).range;
    assert.deepEqual(onlyLine.end, { line: 2, character: 14 });
  });

  it('never produces negative positions or an end before the start', () => {
    assert.deepEqual(toDiagnostic(message({ line: 0, column: 0, endLine: 0, endColumn: 0 })).range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 0 },
    });
    assert.deepEqual(toDiagnostic(message({ line: 4, column: 5, endLine: 2, endColumn: 1 })).range, {
      start: { line: 3, character: 4 },
      end: { line: 3, character: 4 },
    });
  });

  it('keeps multi-line ranges', () => {
    assert.deepEqual(toDiagnostic(message({ line: 2, column: 3, endLine: 5, endColumn: 2 })).range, {
      start: { line: 1, character: 2 },
      end: { line: 4, character: 1 },
    });
  });

  it('has no code or link when the message has no rule id', () => {
    const diagnostic = toDiagnostic(message({ ruleId: null }), { docsUrl: URL });
    assert.equal('code' in diagnostic, false);
    assert.equal('codeDescription' in diagnostic, false);
  });
});
