// ESLint message -> LSP diagnostic, as one pure function so every edge case
// (1-based vs 0-based, missing end, severity override) is tested in one place.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { SeverityOverride } from './settings';

/** `source` of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'online-identifiers';

/** The part of ESLint's `Linter.LintMessage` the conversion reads. */
export interface LintMessageLike {
  ruleId: string | null;
  message: string;
  /** 1 = warn, 2 = error (ESLint's numeric severities). */
  severity: number;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  endLine?: number | undefined;
  endColumn?: number | undefined;
}

export interface ToDiagnosticOptions {
  severity?: SeverityOverride;
  /** The rule's `meta.docs.url`, shown as a link on the code. */
  docsUrl?: string | undefined;
}

const OVERRIDES: Record<Exclude<SeverityOverride, 'default'>, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function zeroBased(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.trunc(value) - 1) : undefined;
}

export function toDiagnostic(message: LintMessageLike, options: ToDiagnosticOptions = {}): Diagnostic {
  const startLine = zeroBased(message.line) ?? 0;
  const startCharacter = zeroBased(message.column) ?? 0;
  let endLine = zeroBased(message.endLine);
  let endCharacter = zeroBased(message.endColumn);
  // No end (or an end before the start): an empty range at the start, which
  // editors widen to the word there, instead of a bogus span.
  if (endLine === undefined || endCharacter === undefined || endLine < startLine || (endLine === startLine && endCharacter < startCharacter)) {
    endLine = startLine;
    endCharacter = startCharacter;
  }

  const override = options.severity ?? 'default';
  const severity =
    override === 'default' ? (message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning) : OVERRIDES[override];

  const diagnostic: Diagnostic = {
    range: { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } },
    severity,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
  };
  if (message.ruleId) {
    diagnostic.code = message.ruleId;
    if (options.docsUrl) diagnostic.codeDescription = { href: options.docsUrl };
  }
  return diagnostic;
}
