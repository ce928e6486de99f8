import { DIAGNOSTIC_SOURCE } from './contract';

/** The parts of a diagnostic the count looks at; structurally compatible with `vscode.Diagnostic`. */
export interface DiagnosticLike {
  readonly source?: string;
}

export interface FindingsCount {
  findings: number;
  files: number;
}

/**
 * Counts this extension's findings in the shape `vscode.languages.getDiagnostics()` returns.
 * Other linters' diagnostics share the Problems panel, so filter by source.
 */
export function countFindings(entries: ReadonlyArray<readonly [unknown, readonly DiagnosticLike[]]>): FindingsCount {
  let findings = 0;
  let files = 0;
  for (const [, diagnostics] of entries) {
    let inFile = 0;
    for (const diagnostic of diagnostics) {
      if (diagnostic.source === DIAGNOSTIC_SOURCE) inFile++;
    }
    findings += inFile;
    if (inFile > 0) files++;
  }
  return { findings, files };
}

/** Status bar text and tooltip for a count; `$(…)` are VS Code codicons. */
export function describeCount({ findings, files }: FindingsCount): { text: string; tooltip: string } {
  if (findings === 0) {
    return { text: '$(shield) 0', tooltip: 'Online Identifiers: no findings' };
  }
  const noun = findings === 1 ? 'finding' : 'findings';
  const where = files === 1 ? '1 file' : `${files} files`;
  return {
    text: `$(shield) ${findings}`,
    tooltip: `Online Identifiers: ${findings} ${noun} in ${where}. Click to open the Problems panel.`,
  };
}
