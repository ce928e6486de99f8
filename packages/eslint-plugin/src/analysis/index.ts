// The analysis's narrow interface for rules: one per-file analysis (scope
// resolver, tracer, type facts) shared by every rule of this plugin that
// lints the file with the same options, so five rules cost one trace.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { reportExhaustion } from './budget';
import { Resolver } from './resolve';
import { resolveSettings, type AnalysisOptions, type Settings } from './settings';
import { Tracer } from './flow';
import { ProjectModules, type ModuleAnalysis, type ParserHint } from './modules';
import { SinkFinder } from './sinks';
import { TreatmentJudge } from './treatment';
import { typeFactsFor, type TypeFacts } from './types';

export { carriedKey, DEFAULT_ANALYSIS_BUDGET, Tracer, type Carried, type Trace } from './flow';
export { Resolver } from './resolve';
export { TreatmentJudge, type LoggerTreatment, type RawPart } from './treatment';
export { resolveSettings, type AnalysisOptions, type Settings } from './settings';

/** What a rule needs to ask about one file. */
export interface FileAnalysis {
  readonly settings: Settings;
  readonly resolver: Resolver;
  readonly tracer: Tracer;
  readonly treatment: TreatmentJudge;
  readonly types: TypeFacts | undefined;
  /** The project's own modules this file imports (functions' returns, wrappers, loggers across files). */
  readonly modules: ProjectModules;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const byFile = new WeakMap<object, Map<Settings, FileAnalysis>>();

/**
 * Ends the sharing of this file's analyses: the rules made theirs in
 * `create` and keep them, so the cache entry is needed only until the
 * traversal starts. Dropped then, an analysis dies with the rules' listeners;
 * kept in the module-level WeakMap, it and the AST it points into would stay
 * alive through every young-generation GC until the next full one, because
 * the SourceCode key is by then in the old generation (measured: twice the
 * bytes promoted and about a fifth more CPU over a 1,200-file scan, once
 * ESLint's own rule contexts no longer do the same).
 *
 * @param sourceCode the linted file's SourceCode (`context.sourceCode`)
 */
export function releaseFileAnalysis(sourceCode: object): void {
  byFile.delete(sourceCode);
}

/**
 * A rule's listeners, with a `Program` listener that calls
 * `releaseFileAnalysis` first: what every rule that calls `fileAnalysis`
 * returns. ESLint runs every rule's `create` before the first `Program`
 * listener, so all of them have their analysis by then.
 *
 * @param context the rule context
 * @param listeners the rule's own listeners (its own `Program` listener still runs, after the release)
 * @returns the same listeners, `Program` wrapped
 */
export function releasingAnalysis<Listeners extends TSESLint.RuleListener>(context: AnyContext, listeners: Listeners): Listeners {
  const own = listeners.Program;
  const sourceCode = context.sourceCode;
  return {
    ...listeners,
    Program(node: TSESTree.Program) {
      releaseFileAnalysis(sourceCode);
      own?.(node);
    },
  };
}

/**
 * The analysis of the file `context` lints, under `options` (a rule's
 * merged options object). Created once per file and settings: rules with
 * equal analysis options share it (settings are cached per options object,
 * so pass the options ESLint hands the rule). A rule returns its listeners
 * through `releasingAnalysis`, so the shared entry goes when traversal starts.
 *
 * @param context the rule context (its `sourceCode` keys the cache)
 * @param options the analysis options (sources, sanitizers, kinds, budget, …)
 * @returns the shared resolver, tracer and type facts; never throws
 */
export function fileAnalysis(context: AnyContext, options: AnalysisOptions): FileAnalysis {
  const sourceCode = context.sourceCode;
  const settings = resolveSettings(options);
  let perSettings = byFile.get(sourceCode);
  if (!perSettings) {
    perSettings = new Map();
    byFile.set(sourceCode, perSettings);
  }
  // Settings are cached by content, so rules with equal analysis options share one analysis.
  const known = perSettings.get(settings);
  if (known) return known;
  const resolver = new Resolver(sourceCode);
  const types = settings.typeAware ? typeFactsFor(sourceCode) : undefined;
  const languageOptions = (context as { languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown> } }).languageOptions;
  const modules = new ProjectModules(
    context.filename,
    settings,
    {
      parser: languageOptions?.parser,
      parserOptions: languageOptions?.parserOptions,
      sourceCodeClass: (sourceCode as object).constructor as ParserHint['sourceCodeClass'],
    },
    moduleAnalyzer(settings, options),
  );
  const tracer = new Tracer(
    sourceCode,
    settings,
    resolver,
    types,
    {
      budget: options.analysisBudget,
      onExhausted: exhaustionReporter(context.filename),
    },
    modules,
  );
  modules.carries = carriesOf(tracer);
  const treatment = new TreatmentJudge(settings, resolver, types);
  const analysis: FileAnalysis = { settings, resolver, tracer, treatment, types, modules };
  perSettings.set(settings, analysis);
  return analysis;
}

// The callbacks a file's analysis hands out are made here, outside
// fileAnalysis, so that each holds only what it uses: a closure made inside
// it would hold that function's whole scope (the rule context among it), and
// one kept by a cached module summary would keep that file's AST alive.

/** For ProjectModules: does argument `index` of `args` carry an identifier, by this file's tracer? */
function carriesOf(tracer: Tracer): (args: readonly TSESTree.Node[], index: number) => boolean {
  return (args, index) => tracer.traceArgument(args, index).carried.length > 0;
}

/** For ProjectModules: how to analyse a module this file imports. */
function moduleAnalyzer(settings: Settings, options: AnalysisOptions): (sourceCode: Readonly<TSESLint.SourceCode>, modules: ProjectModules) => ModuleAnalysis {
  return (moduleSource, moduleImports) => analyzeModule(moduleSource, settings, options, moduleImports);
}

/** For the tracer: reports where the file's analysis budget ran out. */
function exhaustionReporter(filename: string): (at: TSESTree.Node, steps: number) => void {
  return (at, steps) => reportExhaustion(filename, at, steps);
}

/**
 * The analysis of an imported module, for its summary: the same tracer and
 * sink finder as a linted file, without type information, with its own
 * budget (exhaustion there is silent: the module is linted on its own).
 */
function analyzeModule(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: Settings,
  options: AnalysisOptions,
  modules: ProjectModules,
): ModuleAnalysis {
  const resolver = new Resolver(sourceCode);
  const tracer = new Tracer(sourceCode, settings, resolver, undefined, { budget: options.analysisBudget }, modules);
  const sinks = new SinkFinder(sourceCode, settings, resolver, modules);
  return {
    resolver,
    kindsOf: (node) => tracer.trace(node).carried.map((carried) => ({ kind: carried.kind, byName: carried.byName === true })),
    sinkArgumentsOf: (call, sinkOptions) => sinks.argumentsWritten(call, sinkOptions),
    isLogger: (node) => sinks.isLogger(node, 0),
  };
}
