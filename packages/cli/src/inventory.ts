import { countByKind, relative } from './format';
import { KINDS, parseFinding, type Kind } from './kinds';
import type { ScanResult } from './scan';

interface Place {
  readonly where: string;
  readonly sink: string;
  readonly origin: string;
}

/** Pipes would end a markdown table cell; code spans keep source text readable. */
function cell(text: string): string {
  const clean = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return clean.includes('`') ? clean : `\`${clean}\``;
}

/**
 * The privacy inventory (POLICY.md §2: notices and impact assessments must
 * list the metadata a service captures): per kind, every place an identifier
 * reaches a log unclassified, with sink and origin, and the totals.
 */
export function formatInventory(scanResult: ScanResult): string {
  const byKind = new Map<Kind | undefined, Place[]>();
  const unchecked: string[] = [];
  for (const result of scanResult.results) {
    const file = relative(scanResult.cwd, result.filePath);
    for (const message of result.messages) {
      if (message.fatal) {
        unchecked.push(`- \`${file}\`: ${message.message.replace(/\s+/g, ' ')}`);
        continue;
      }
      const parsed = parseFinding(message.message);
      const places = byKind.get(parsed.kind) ?? [];
      places.push({
        where: `${file}:${message.line}`,
        sink: parsed.sink ?? '?',
        origin: parsed.origin ?? message.message,
      });
      byKind.set(parsed.kind, places);
    }
  }

  const lines = ['# Online identifier inventory', ''];
  lines.push(
    `${scanResult.results.length} files scanned. Each row is a place where an online identifier reaches a log without being redacted, pseudonymised or classified for security (see POLICY.md).`,
    '',
  );
  const counts = countByKind(scanResult);
  lines.push('| kind | places |', '| --- | ---: |');
  for (const [kind, count] of counts) lines.push(`| ${kind ? KINDS[kind].label : 'other'} | ${count} |`);
  lines.push(`| **total** | **${scanResult.findingCount}** |`, '');

  for (const kind of counts.keys()) {
    const places = byKind.get(kind) ?? [];
    lines.push(`## ${kind ? KINDS[kind].label : 'Other findings'} (${places.length})`, '');
    if (kind) lines.push(KINDS[kind].why, '');
    lines.push('| place | sink | origin |', '| --- | --- | --- |');
    for (const place of places) lines.push(`| ${place.where} | ${cell(place.sink)} | ${cell(place.origin)} |`);
    lines.push('');
  }

  if (unchecked.length > 0) lines.push('## Files not checked', '', ...unchecked, '');
  if (scanResult.skipped.length > 0) {
    lines.push('## Files skipped', '', ...scanResult.skipped.map((skip) => `- \`${relative(scanResult.cwd, skip.filePath)}\`: ${skip.reason}`), '');
  }
  return lines.join('\n');
}
