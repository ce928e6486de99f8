// The analysis's narrow interface for rules: one per-file analysis (scope
// resolver, tracer, type facts) shared by every rule of this plugin that
// lints the file with the same options, so five rules cost one trace.
import type { TSESLint } from '@typescript-eslint/utils';
import { reportExhaustion } from './budget';
import { Resolver } from './resolve';
import { resolveSettings, type AnalysisOptions, type Settings } from './settings';
import { Tracer } from './flow';
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
  const tracer = new Tracer(sourceCode, settings, resolver, types, {
    budget: options.analysisBudget,
    onExhausted: (at, steps) => reportExhaustion(context.filename, at, steps),
  });
  const treatment = new TreatmentJudge(settings, resolver, types);
  const analysis: FileAnalysis = { settings, resolver, tracer, treatment, types };
  perSettings.set(settings, analysis);
  return analysis;
}
