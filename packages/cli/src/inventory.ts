import { countByKind, relative } from './format';
import { KINDS, parseFinding, type Kind } from './kinds';
import type { ScanResult } from './scan';

interface Place {
  readonly where: string;
  readonly sink: string;
  readonly origin: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
    `${scanResult.results.length} files scanned. The tables per kind list every place where an online identifier reaches a log ` +
      'without being redacted, pseudonymised or classified for security; the last table lists the places the code already treats.',
    '',
  );
  const counts = countByKind(scanResult);
  lines.push('| kind | places |', '| --- | ---: |');
  for (const [kind, count] of counts) lines.push(`| ${kind ? KINDS[kind].label : 'other'} | ${count} |`);
  lines.push(`| **total** | **${scanResult.findingCount}** |`, '');

  for (const kind of counts.keys()) {
    const places = byKind.get(kind) ?? [];
    lines.push(`## ${kind ? capitalize(KINDS[kind].label) : 'Other findings'} (${places.length})`, '');
    if (kind) lines.push(KINDS[kind].why, '');
    lines.push('| place | sink | origin |', '| --- | --- | --- |');
    for (const place of places) lines.push(`| ${place.where} | ${cell(place.sink)} | ${cell(place.origin)} |`);
    lines.push('');
  }

  lines.push(...treatmentSection(scanResult));
  if (unchecked.length > 0) lines.push('## Files not checked', '', ...unchecked, '');
  if (scanResult.skipped.length > 0) {
    lines.push('## Files skipped', '', ...scanResult.skipped.map((skip) => `- \`${relative(scanResult.cwd, skip.filePath)}\`: ${skip.reason}`), '');
  }
  return lines.join('\n');
}

const TREATMENT_WORDS = { redact: 'redacted', pseudonymize: 'pseudonymised', classify: 'classified' } as const;

/**
 * Places that already call the runtime. Classified values are raw personal
 * data kept on purpose, so they are listed first: those are the ones a
 * privacy notice must mention.
 */
function treatmentSection(scanResult: ScanResult): string[] {
  const treatments = [...scanResult.treatments].sort(
    (a, b) => Number(b.treatment === 'classify') - Number(a.treatment === 'classify'),
  );
  if (treatments.length === 0) return [];
  const classified = treatments.filter((treatment) => treatment.treatment === 'classify').length;
  const lines = [
    `## Treated in code (${treatments.length}, ${classified} classified)`,
    '',
    '| place | treatment | kind | value | reaches |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const treatment of treatments) {
    const label = treatment.kind && treatment.kind in KINDS ? KINDS[treatment.kind as Kind].label : (treatment.kind ?? '');
    const how = treatment.treatment === 'classify' ? `classified for ${treatment.purpose ?? 'security'}` : TREATMENT_WORDS[treatment.treatment];
    lines.push(
      `| ${relative(scanResult.cwd, treatment.filePath)}:${treatment.line} | ${how} | ${label} | ${cell(treatment.value)} | ${treatment.sink ? cell(treatment.sink) : ''} |`,
    );
  }
  lines.push('');
  return lines;
}
