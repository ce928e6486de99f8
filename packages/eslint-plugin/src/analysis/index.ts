// The analysis's narrow interface for rules: one per-file analysis (scope
// resolver, tracer, type facts) shared by every rule of this plugin that
// lints the file with the same options, so five rules cost one trace.
import type { TSESLint } from '@typescript-eslint/utils';
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
 * The analysis of the file `context` lints, under `options` (a rule's
 * merged options object). Created once per file and settings: rules with
 * equal analysis options share it (settings are cached per options object,
 * so pass the options ESLint hands the rule).
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
    (moduleSource, moduleImports) => analyzeModule(moduleSource, settings, options, moduleImports),
  );
  const tracer = new Tracer(
    sourceCode,
    settings,
    resolver,
    types,
    {
      budget: options.analysisBudget,
      onExhausted: (at, steps) => reportExhaustion(context.filename, at, steps),
    },
    modules,
  );
  modules.carries = (args, index) => tracer.traceArgument(args, index).carried.length > 0;
  const treatment = new TreatmentJudge(settings, resolver, types);
  const analysis: FileAnalysis = { settings, resolver, tracer, treatment, types, modules };
  perSettings.set(settings, analysis);
  return analysis;
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
