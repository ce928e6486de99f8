// Hover on a finding: what kind of identifier it is, why that is personal
// data (the catalog's words, taken from POLICY.md), and the three treatments.
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { KINDS, kindOfMessage } from 'eslint-plugin-online-identifiers/catalog';
import type { Finding } from './code-actions';

function contains(range: Range, position: Position): boolean {
  const afterStart =
    position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Markdown for one finding. */
export function describeFinding(finding: Finding, docsUrl: string | undefined): string {
  const ruleId = finding.message.ruleId ?? '';
  const kind = kindOfMessage(finding.message.message);
  const lines: string[] = [];
  if (kind) {
    const info = KINDS[kind];
    lines.push(`**${capitalize(info.label)}** (\`${kind}\`) · \`${ruleId}\``, '', info.why, '');
    lines.push(
      'Say what it is before it reaches the sink:',
      '',
      `- **Redact**: \`redact.${kind}(value)\` removes the identifying detail; the result is no longer personal data.`,
      '- **Pseudonymize**: `pseudonymize(value)` replaces it with a keyed hash; events stay correlatable without the raw value.',
      `- **Classify for security**: \`classify(value, '${kind}')\` keeps the raw value on purpose, marked as personal data so the log pipeline routes it to the access-controlled store (kept 90 days to 2 years).`,
    );
  } else {
    lines.push(`\`${ruleId}\``, '', finding.message.message);
  }
  if (docsUrl) lines.push('', `[Documentation for ${ruleId}](${docsUrl})`);
  return lines.join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The hover for `position`, or null when no finding covers it. */
export function hoverAt(findings: readonly Finding[], position: Position, docsUrl: (ruleId: string | null) => string | undefined): Hover | null {
  const here = findings.filter((finding) => contains(finding.diagnostic.range, position));
  const first = here[0];
  if (!first) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: here.map((finding) => describeFinding(finding, docsUrl(finding.message.ruleId))).join('\n\n---\n\n') },
    range: first.diagnostic.range,
  };
}
