import {
  GLOBAL_SOURCES,
  HEADER_SOURCES,
  KIND_IDS,
  REQUEST_MEMBER_SOURCES,
  RUNTIME_MODULE,
  type Kind,
  type MemberSource,
} from '../catalog';
import { createNameMatcher, type NameMatcher } from './names';

/** A source added through the rule's `sources` option. */
export interface SourceOption {
  readonly kind: Kind;
  readonly member?: string;
  readonly header?: string;
  readonly global?: string;
  readonly name?: string;
}

/** The rule options the analysis reads (all optional; defaults come from the catalog). */
export interface AnalysisOptions {
  readonly sources?: readonly SourceOption[];
  readonly sinks?: readonly string[];
  readonly sanitizers?: readonly string[];
  readonly kinds?: readonly Kind[];
  readonly ignoreNames?: readonly string[];
  readonly redactModule?: string;
  readonly typeAware?: boolean;
  /** Work budget per file, in analysis steps. */
  readonly analysisBudget?: number;
}

/** The catalog merged with the user's options, ready for lookups. */
export interface Settings {
  readonly memberSources: readonly { readonly steps: readonly string[]; readonly source: MemberSource }[];
  readonly headers: readonly { readonly name: string; readonly prefix: boolean; readonly kind: Kind }[];
  readonly globals: readonly { readonly steps: readonly string[]; readonly kind: Kind; readonly deep: boolean }[];
  readonly names: NameMatcher;
  readonly sinks: readonly string[];
  readonly sanitizers: readonly string[];
  readonly kinds: ReadonlySet<Kind>;
  readonly runtimeModules: ReadonlySet<string>;
  readonly redactModule: string;
  readonly typeAware: boolean;
}

const cache = new WeakMap<object, Settings>();
/** By content as well: ESLint hands each file's rule a fresh options object, and building settings is not free. */
const byContent = new Map<string, Settings>();
const MAX_CONTENT_ENTRIES = 64;

/**
 * The catalog merged with a rule's options, built once per distinct options
 * (cached by object identity and by content).
 *
 * @param options a rule's analysis options (all optional)
 * @returns the settings the analysis reads; never throws for options the schema accepted
 */
export function resolveSettings(options: AnalysisOptions): Settings {
  const cached = cache.get(options);
  if (cached) return cached;
  const key = JSON.stringify([
    options.sources ?? [], options.sinks ?? [], options.sanitizers ?? [], options.kinds ?? [], options.ignoreNames ?? [],
    options.redactModule ?? '', options.typeAware ?? false, options.analysisBudget ?? 0,
  ]);
  const same = byContent.get(key);
  if (same) {
    cache.set(options, same);
    return same;
  }
  const built = buildSettings(options);
  if (byContent.size >= MAX_CONTENT_ENTRIES) byContent.delete(byContent.keys().next().value!);
  byContent.set(key, built);
  cache.set(options, built);
  return built;
}

function buildSettings(options: AnalysisOptions): Settings {
  const extra = options.sources ?? [];
  const memberSources = [
    ...extra.flatMap((source) => (source.member ? [{ path: source.member, kind: source.kind, deep: true } satisfies MemberSource] : [])),
    ...REQUEST_MEMBER_SOURCES,
  ]
    .map((source) => ({ steps: source.path.split('.').filter(Boolean), source }))
    // Longest path first: `session.id` before `session`.
    .sort((a, b) => b.steps.length - a.steps.length);
  const headers = [
    ...extra.flatMap((source) => (source.header ? [{ name: source.header, kind: source.kind }] : [])),
    ...HEADER_SOURCES,
  ].map(({ name, kind }) => ({
    name: name.toLowerCase().replace(/\*$/, ''),
    prefix: name.endsWith('*'),
    kind,
  }));
  const globals = [
    ...extra.flatMap((source) => (source.global ? [{ path: source.global, kind: source.kind, deep: true }] : [])),
    ...GLOBAL_SOURCES,
  ]
    .map((source) => ({ steps: source.path.split('.').filter(Boolean), kind: source.kind, deep: source.deep }))
    .sort((a, b) => b.steps.length - a.steps.length);
  const names = createNameMatcher({
    extra: extra.flatMap((source) => (source.name ? [{ name: source.name, kind: source.kind }] : [])),
    ignore: options.ignoreNames ?? [],
  });
  const redactModule = options.redactModule ?? RUNTIME_MODULE;
  const settings: Settings = {
    memberSources,
    headers,
    globals,
    names,
    sinks: options.sinks ?? [],
    sanitizers: options.sanitizers ?? [],
    kinds: new Set(options.kinds && options.kinds.length > 0 ? options.kinds : KIND_IDS),
    runtimeModules: new Set([RUNTIME_MODULE, redactModule]),
    redactModule,
    typeAware: options.typeAware ?? false,
  };
  return settings;
}

/** The kind a header name carries, in any letter case. */
export function headerKind(settings: Settings, name: string): Kind | undefined {
  const lower = name.toLowerCase();
  for (const header of settings.headers) {
    if (header.prefix ? lower.startsWith(header.name) : lower === header.name) return header.kind;
  }
  return undefined;
}
