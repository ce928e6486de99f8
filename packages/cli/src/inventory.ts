import { DESTINATION_LABELS, LOGGER_METHODS, LOGGER_RECEIVER_NAMES, type DestinationFamily } from 'eslint-plugin-online-identifiers/catalog';
import { factsOf, isFinding } from './findings';
import { KIND_ORDER, KINDS, parseFinding, type Kind } from './kinds';
import { relative } from './paths';
import type { ScanResult } from './scan';

/**
 * How a place treats the identifier: `unclassified` (a finding), the
 * runtime's treatment, or `treated by configuration` (a logger created with
 * the runtime's pino preset, serializers or winston format, which treats what
 * it writes; issue 8 §4). Open to more values, which reports show as they come.
 */
export type InventoryTreatment =
  | 'unclassified'
  | 'redacted'
  | 'pseudonymised'
  | 'classified'
  | 'treated by configuration'
  | (string & {});

/** One place where an identifier reaches a destination. */
export interface InventoryPlace {
  /** Path relative to the scan's directory. */
  readonly file: string;
  readonly line: number;
  /** Kind id, undefined when the code does not say (e.g. `pseudonymize(x)`). */
  readonly kind: Kind | undefined;
  /** `log`, `access log`, `metric`, the third party's name, `third party`, or `other call`. */
  readonly destination: string;
  /** The catalog's family, undefined for a treated value whose call is not a known sink. */
  readonly destinationFamily: DestinationFamily | undefined;
  readonly treatment: InventoryTreatment;
  /** For `classified`: the purpose given to `classify` (`security` by default). */
  readonly purpose?: string;
  /**
   * For `treated by configuration`: what the logger's configuration treats
   * (`all`, `fields`, `serialized`, `text`, `paths`; see the plugin's
   * `Treatment.covers`) and the explicit redact paths it lists.
   */
  readonly covers?: readonly string[];
  readonly paths?: readonly string[];
  /** The call the value reaches, e.g. `logger.info`. */
  readonly sink: string | undefined;
  /** Source text of the value, e.g. `req.ip`. */
  readonly origin: string | undefined;
  /** The finding's message, for unclassified places. */
  readonly message?: string;
  /** The rule that reported it, for unclassified places. */
  readonly ruleId?: string;
}

/** One cell of kind × destination × treatment. */
export interface InventoryCell {
  readonly kind: Kind | undefined;
  readonly destination: string;
  readonly treatment: InventoryTreatment;
  readonly places: number;
}

export interface InventoryThirdParty {
  /** The third party's name as the finding names it (`Sentry`), or `third party` when unnamed. */
  readonly name: string;
  /** The kinds it receives, in POLICY.md order. */
  readonly kinds: Kind[];
  readonly places: number;
  /** Of those, places where the value is not classified. */
  readonly unclassified: number;
}

export interface InventoryRetention {
  readonly file: string;
  readonly line: number;
  /** The retention the setting gives, in days, when the finding states it. */
  readonly days: number | undefined;
  readonly message: string;
}

/** The inventory as data: what `--format inventory-json` prints and the Markdown report is rendered from. */
export interface Inventory {
  readonly filesScanned: number;
  readonly matrix: InventoryCell[];
  readonly thirdParties: InventoryThirdParty[];
  readonly retention: InventoryRetention[];
  readonly places: InventoryPlace[];
  /** Files that could not be checked (parse errors), with the reason. */
  readonly unchecked: { readonly file: string; readonly message: string }[];
  readonly skipped: { readonly file: string; readonly reason: string }[];
}

const CONFIGURED = 'treated by configuration';
const TREATMENT_WORDS: Readonly<Record<string, InventoryTreatment>> = {
  redact: 'redacted',
  pseudonymize: 'pseudonymised',
  classify: 'classified',
  configured: CONFIGURED,
};
const TREATMENT_ORDER: readonly string[] = ['unclassified', 'redacted', 'pseudonymised', 'classified', CONFIGURED];
/** How the Markdown names what a logger's configuration covers. */
const COVERAGE_WORDS: Readonly<Record<string, string>> = {
  all: 'every field',
  fields: 'fields named like identifiers',
  serialized: 'req, res and err',
  text: 'message text',
  paths: "the runtime's redact paths",
};
const DESTINATION_ORDER: readonly string[] = ['log', 'access log', 'metric'];
const OTHER_CALL = 'other call';

/**
 * The privacy inventory (POLICY.md §2: privacy notices and impact
 * assessments must list the metadata a service captures): every place an
 * identifier reaches a log, an access log, a metric or a third party, by
 * kind × destination × treatment; the third parties and the kinds each
 * receives; and the log retention settings the `log-retention` rule found.
 *
 * Unclassified places come from the findings, treated ones from the runtime
 * calls and the configured loggers the scan collected (`treatments: true`;
 * a configured logger is one place, kind not named, destination `log`). A treated value's
 * destination is the one its treatment record names when it names one;
 * otherwise `log` when the call it reaches is a logger method, else `other call`.
 */
export function buildInventory(scanResult: ScanResult): Inventory {
  const places: InventoryPlace[] = [];
  const retention: InventoryRetention[] = [];
  const unchecked: Inventory['unchecked'] = [];
  for (const result of scanResult.results) {
    const file = relative(scanResult.cwd, result.filePath);
    for (const message of result.messages) {
      if (!isFinding(message)) {
        unchecked.push({ file, message: message.message.replace(/\s+/g, ' ') });
        continue;
      }
      const facts = factsOf(message);
      if (facts.destinationFamily === 'retention') {
        const days = /(\d[\d,]*)\s*days?\b/i.exec(message.message)?.[1];
        retention.push({ file, line: message.line, days: days ? Number(days.replace(/,/g, '')) : undefined, message: message.message });
        continue;
      }
      const parsed = parseFinding(message.message);
      places.push({
        file,
        line: message.line,
        kind: facts.kind,
        destination: facts.destination ?? OTHER_CALL,
        destinationFamily: facts.destinationFamily,
        treatment: 'unclassified',
        // Telemetry names the call after the vendor: `Sentry (Sentry.setUser)`.
        sink: facts.vendor ? (/^.+? \((.+)\)$/.exec(parsed.sink ?? '')?.[1] ?? parsed.sink) : parsed.sink,
        origin: parsed.origin,
        message: message.message,
        ruleId: message.ruleId ?? undefined,
      });
    }
  }
  for (const treatment of scanResult.treatments) places.push(treatedPlace(scanResult.cwd, treatment));
  places.sort((a, b) => rank(TREATMENT_ORDER, a.treatment) - rank(TREATMENT_ORDER, b.treatment) || a.file.localeCompare(b.file) || a.line - b.line);

  return {
    filesScanned: scanResult.results.length,
    matrix: matrixOf(places),
    thirdParties: thirdPartiesOf(places),
    retention,
    places,
    unchecked,
    skipped: scanResult.skipped.map((skip) => ({ file: relative(scanResult.cwd, skip.filePath), reason: skip.reason })),
  };
}

type TreatmentRecord = ScanResult['treatments'][number];

function treatedPlace(cwd: string, treatment: TreatmentRecord): InventoryPlace {
  const family = treatment.destination?.family ?? (looksLikeLogger(treatment.sink) ? 'log' : undefined);
  const destination = treatment.destination?.vendor ?? (family ? DESTINATION_LABELS[family] : OTHER_CALL);
  const kind = KIND_ORDER.find((known) => known === treatment.kind);
  const how: string = treatment.treatment;
  return {
    file: relative(cwd, treatment.filePath),
    line: treatment.line,
    kind,
    destination,
    destinationFamily: family,
    treatment: TREATMENT_WORDS[how] ?? how,
    ...(how === 'classify' ? { purpose: treatment.purpose ?? 'security' } : {}),
    ...(how === 'configured' ? { covers: treatment.covers ?? [], paths: treatment.paths ?? [] } : {}),
    sink: treatment.sink,
    origin: treatment.value,
  };
}

/** `logger.info`, `this.log.warn`, `console.error`: a logger method or a logger receiver. */
function looksLikeLogger(sink: string | undefined): boolean {
  if (!sink) return false;
  const parts = sink.split('.');
  const method = parts.at(-1) ?? '';
  const receiver = (parts.at(-2) ?? '').toLowerCase();
  return parts.length > 1 && (LOGGER_RECEIVER_NAMES.includes(receiver) || (LOGGER_METHODS.includes(method) && /log/i.test(receiver)));
}

function rank(order: readonly string[], value: string): number {
  const at = order.indexOf(value);
  return at === -1 ? order.length : at;
}

function kindRank(kind: Kind | undefined): number {
  return kind === undefined ? KIND_ORDER.length : KIND_ORDER.indexOf(kind);
}

function destinationRank(destination: string): number {
  if (destination === OTHER_CALL) return DESTINATION_ORDER.length + 2;
  return DESTINATION_ORDER.includes(destination) ? DESTINATION_ORDER.indexOf(destination) : DESTINATION_ORDER.length;
}

function matrixOf(places: readonly InventoryPlace[]): InventoryCell[] {
  const cells = new Map<string, { kind: Kind | undefined; destination: string; treatment: InventoryTreatment; places: number }>();
  for (const place of places) {
    const key = `${place.kind ?? ''}\0${place.destination}\0${place.treatment}`;
    const cell = cells.get(key) ?? { kind: place.kind, destination: place.destination, treatment: place.treatment, places: 0 };
    cell.places++;
    cells.set(key, cell);
  }
  return [...cells.values()].sort(
    (a, b) =>
      kindRank(a.kind) - kindRank(b.kind) ||
      destinationRank(a.destination) - destinationRank(b.destination) ||
      a.destination.localeCompare(b.destination) ||
      rank(TREATMENT_ORDER, a.treatment) - rank(TREATMENT_ORDER, b.treatment),
  );
}

function thirdPartiesOf(places: readonly InventoryPlace[]): InventoryThirdParty[] {
  const parties = new Map<string, { name: string; kinds: Set<Kind>; places: number; unclassified: number }>();
  for (const place of places) {
    if (place.destinationFamily !== 'telemetry') continue;
    const party = parties.get(place.destination) ?? { name: place.destination, kinds: new Set<Kind>(), places: 0, unclassified: 0 };
    if (place.kind) party.kinds.add(place.kind);
    party.places++;
    if (place.treatment === 'unclassified') party.unclassified++;
    parties.set(place.destination, party);
  }
  return [...parties.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((party) => ({ ...party, kinds: [...party.kinds].sort((a, b) => kindRank(a) - kindRank(b)) }));
}

/** `--format inventory-json`: the inventory as JSON, with a version for its shape. */
export function formatInventoryJson(scanResult: ScanResult): string {
  return JSON.stringify({ version: 1, ...buildInventory(scanResult) }, null, 2);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kindLabel(kind: Kind | undefined): string {
  return kind ? KINDS[kind].label : 'kind not named';
}

/** Pipes would end a markdown table cell; code spans keep source text readable. */
function cell(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  const clean = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return clean.includes('`') ? clean : `\`${clean}\``;
}

/**
 * `--format inventory`: the Markdown page a privacy officer pastes into a
 * privacy notice or an impact assessment, rendered from `buildInventory`.
 */
export function formatInventory(scanResult: ScanResult): string {
  const inventory = buildInventory(scanResult);
  const findings = inventory.places.filter((place) => place.treatment === 'unclassified');
  const lines = ['# Online identifier inventory', ''];
  lines.push(
    `${inventory.filesScanned} files scanned. This page lists every place where the code sends an online identifier to a log, ` +
      'an access log, a metric or a third party, what kind of identifier it is, and how the code treats it: unclassified ' +
      '(a finding to fix), redacted, pseudonymised, classified (kept raw on purpose, as personal data), or treated by ' +
      'configuration (a logger set up to treat what it writes).',
    '',
  );

  lines.push('## What reaches where', '', ...matrixTable(inventory), '');
  lines.push(...thirdPartySection(inventory), ...retentionSection(inventory));

  lines.push('## Unclassified, by kind', '');
  lines.push('| kind | places |', '| --- | ---: |');
  const byKind = new Map<Kind | undefined, InventoryPlace[]>();
  for (const place of [...findings].sort((a, b) => kindRank(a.kind) - kindRank(b.kind))) {
    byKind.set(place.kind, [...(byKind.get(place.kind) ?? []), place]);
  }
  for (const [kind, places] of byKind) lines.push(`| ${kind ? KINDS[kind].label : 'other'} | ${places.length} |`);
  lines.push(`| **total** | **${findings.length}** |`, '');
  for (const [kind, places] of byKind) {
    lines.push(`### ${kind ? capitalize(KINDS[kind].label) : 'Other findings'} (${places.length})`, '');
    if (kind) lines.push(KINDS[kind].why, '');
    lines.push('| place | destination | sink | origin |', '| --- | --- | --- | --- |');
    for (const place of places) {
      lines.push(`| ${place.file}:${place.line} | ${place.destination} | ${cell(place.sink ?? '?')} | ${cell(place.origin ?? place.message)} |`);
    }
    lines.push('');
  }

  lines.push(...treatedSection(inventory));
  if (inventory.unchecked.length > 0) lines.push('## Files not checked', '', ...inventory.unchecked.map((item) => `- \`${item.file}\`: ${item.message}`), '');
  if (inventory.skipped.length > 0) lines.push('## Files skipped', '', ...inventory.skipped.map((item) => `- \`${item.file}\`: ${item.reason}`), '');
  return lines.join('\n');
}

/** Kind × destination rows, one column per treatment seen (the three of the runtime always, `unclassified` first). */
function matrixTable(inventory: Inventory): string[] {
  if (inventory.matrix.length === 0) return ['No online identifier reaches a log, a metric or a third party in the scanned code.'];
  const treatments = [...new Set([...TREATMENT_ORDER.slice(0, 4), ...inventory.matrix.map((item) => item.treatment)])].sort(
    (a, b) => rank(TREATMENT_ORDER, a) - rank(TREATMENT_ORDER, b),
  );
  const rows = new Map<string, { kind: Kind | undefined; destination: string; counts: Map<string, number> }>();
  for (const item of inventory.matrix) {
    const key = `${item.kind ?? ''}\0${item.destination}`;
    const row = rows.get(key) ?? { kind: item.kind, destination: item.destination, counts: new Map<string, number>() };
    row.counts.set(item.treatment, item.places);
    rows.set(key, row);
  }
  const lines = [`| kind | destination | ${treatments.join(' | ')} |`, `| --- | --- |${' ---: |'.repeat(treatments.length)}`];
  for (const row of rows.values()) {
    lines.push(`| ${kindLabel(row.kind)} | ${row.destination} | ${treatments.map((treatment) => row.counts.get(treatment) ?? 0).join(' | ')} |`);
  }
  return lines;
}

function thirdPartySection(inventory: Inventory): string[] {
  const lines = ['## Third parties that receive identifiers', ''];
  if (inventory.thirdParties.length === 0) return [...lines, 'None found: no identifier reaches an error tracker, tracing or analytics SDK.', ''];
  lines.push('| third party | kinds it receives | places | unclassified |', '| --- | --- | ---: | ---: |');
  for (const party of inventory.thirdParties) {
    lines.push(`| ${party.name} | ${party.kinds.map((kind) => KINDS[kind].label).join(', ')} | ${party.places} | ${party.unclassified} |`);
  }
  return [...lines, ''];
}

function retentionSection(inventory: Inventory): string[] {
  const lines = ['## Log retention settings', ''];
  if (inventory.retention.length === 0) {
    return [...lines, 'No retention setting outside the policy (90 days to 2 years) was found.', ''];
  }
  lines.push(
    'Settings the policy (raw security logs: at least 90 days, at most 2 years) flags:',
    '',
    '| place | days | setting |',
    '| --- | ---: | --- |',
  );
  for (const item of inventory.retention) lines.push(`| ${item.file}:${item.line} | ${item.days ?? ''} | ${item.message.replace(/\|/g, '\\|')} |`);
  return [...lines, ''];
}

/** `treated by configuration (every field)`, `treated by configuration (req, res and err; paths `ip`)`. */
function configuredWords(place: InventoryPlace): string {
  const parts = (place.covers ?? []).map((coverage) => COVERAGE_WORDS[coverage] ?? coverage);
  if (place.paths && place.paths.length > 0) parts.push(`paths ${place.paths.map((path) => `\`${path}\``).join(', ')}`);
  return parts.length > 0 ? `${CONFIGURED} (${parts.join('; ')})` : CONFIGURED;
}

/**
 * Places that already call the runtime, or loggers configured to treat what they write. Classified values are raw personal
 * data kept on purpose, so they are listed first: those are the ones a
 * privacy notice must mention.
 */
function treatedSection(inventory: Inventory): string[] {
  const treated = inventory.places
    .filter((place) => place.treatment !== 'unclassified')
    .sort((a, b) => Number(b.treatment === 'classified') - Number(a.treatment === 'classified'));
  if (treated.length === 0) return [];
  const classified = treated.filter((place) => place.treatment === 'classified').length;
  const lines = [
    `## Treated in code (${treated.length}, ${classified} classified)`,
    '',
    '| place | treatment | kind | value | reaches |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const place of treated) {
    const how = place.treatment === 'classified' ? `classified for ${place.purpose ?? 'security'}` : place.treatment === CONFIGURED ? configuredWords(place) : place.treatment;
    lines.push(`| ${place.file}:${place.line} | ${how} | ${place.kind ? KINDS[place.kind].label : ''} | ${cell(place.origin)} | ${cell(place.sink)} |`);
  }
  lines.push('');
  return lines;
}
