// The `onlineIdentifiers` settings section: defaults, validation, and the
// per-document cache. Invalid values never reach the linter: each falls back
// to its default and is reported once per kind by the caller.

export type RunMode = 'onType' | 'onSave';
export type SeverityOverride = 'default' | 'error' | 'warning' | 'information' | 'hint';
export type TraceLevel = 'off' | 'messages' | 'verbose';

export interface Settings {
  /** Report findings at all. */
  enable: boolean;
  /** Lint while typing (debounced) or only when the file is saved. */
  run: RunMode;
  /** `default` keeps the severity from the ESLint config; anything else overrides it. */
  severity: SeverityOverride;
  /** Module specifier the quick-fixes import from; empty means the rule's own option/default. */
  redactModule: string;
  /** Read by the client (vscode-languageclient traces the protocol); accepted and validated here. */
  trace: { server: TraceLevel };
}

export const SETTINGS_SECTION = 'onlineIdentifiers';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  run: 'onType',
  severity: 'default',
  redactModule: '',
  trace: Object.freeze({ server: 'off' }),
});

/** One rejected value; `kind` is the setting name, so a warning can be given once per kind. */
export interface SettingProblem {
  kind: string;
  message: string;
}

const RUN_MODES: readonly RunMode[] = ['onType', 'onSave'];
const SEVERITIES: readonly SeverityOverride[] = ['default', 'error', 'warning', 'information', 'hint'];
const TRACE_LEVELS: readonly TraceLevel[] = ['off', 'messages', 'verbose'];
const KNOWN_KEYS = new Set(['enable', 'run', 'severity', 'redactModule', 'trace']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Turns whatever the client sent for the section into complete settings.
 * `null`/`undefined` (the client has no such section) means all defaults and
 * is not a problem; anything else that is not an object is.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, trace: { ...DEFAULT_SETTINGS.trace } };
  if (raw === null || raw === undefined) return { settings, problems };
  if (!isRecord(raw)) {
    problems.push({ kind: 'section', message: `onlineIdentifiers settings must be an object, got ${describe(raw)}; using defaults.` });
    return { settings, problems };
  }

  const invalid = (key: string, value: unknown, expected: string, fallback: unknown): void => {
    problems.push({
      kind: key,
      message: `Invalid value ${describe(value)} for onlineIdentifiers.${key} (expected ${expected}); using ${describe(fallback)}.`,
    });
  };

  if (raw.enable !== undefined) {
    if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
    else invalid('enable', raw.enable, 'true or false', DEFAULT_SETTINGS.enable);
  }
  if (raw.run !== undefined) {
    if (oneOf(RUN_MODES, raw.run)) settings.run = raw.run;
    else invalid('run', raw.run, RUN_MODES.join(' | '), DEFAULT_SETTINGS.run);
  }
  if (raw.severity !== undefined) {
    if (oneOf(SEVERITIES, raw.severity)) settings.severity = raw.severity;
    else invalid('severity', raw.severity, SEVERITIES.join(' | '), DEFAULT_SETTINGS.severity);
  }
  if (raw.redactModule !== undefined && raw.redactModule !== null) {
    if (typeof raw.redactModule === 'string') settings.redactModule = raw.redactModule.trim();
    else invalid('redactModule', raw.redactModule, 'a module specifier string', DEFAULT_SETTINGS.redactModule);
  }

  // VS Code sends `trace: { server }`; flat clients may send `"trace.server"`.
  const trace = isRecord(raw.trace) ? raw.trace.server : raw['trace.server'];
  if (trace !== undefined) {
    if (oneOf(TRACE_LEVELS, trace)) settings.trace = { server: trace };
    else invalid('trace.server', trace, TRACE_LEVELS.join(' | '), DEFAULT_SETTINGS.trace.server);
  }

  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key) && key !== 'trace.server') {
      problems.push({ kind: `unknown:${key}`, message: `Unknown setting onlineIdentifiers.${key}; it is ignored.` });
    }
  }
  return { settings, problems };
}

/**
 * Settings per document URI, fetched once and kept until the configuration
 * changes or the document closes (so the map is bounded by open documents).
 */
export class SettingsCache {
  private readonly entries = new Map<string, Promise<Settings>>();

  constructor(private readonly fetch: (uri: string) => Promise<Settings>) {}

  get(uri: string): Promise<Settings> {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = this.fetch(uri);
      this.entries.set(uri, entry);
      // A failed fetch must not stick: the next request asks again.
      entry.catch(() => this.entries.delete(uri));
    }
    return entry;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
