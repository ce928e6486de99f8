import type { TSESTree } from '@typescript-eslint/utils';
import { KINDS, type Kind } from '../catalog';
import { fileAnalysis, releasingAnalysis, type FileAnalysis } from '../analysis';
import { MetricSinkFinder, type MetricSink } from '../analysis/metric-sinks';
import type { AnalysisOptions } from '../analysis/settings';
import { buildSuggestions, SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';
import { ANALYSIS_OPTION_PROPERTIES, DEFAULT_ANALYSIS_OPTIONS, guarded, reportFlows } from '../util/flow-rule';

/** The rule's options are exactly what the analysis reads. */
export type RuleOptions = AnalysisOptions;

export type Options = [RuleOptions];
export type MessageIds = 'unclassified' | 'inName' | 'labelName' | keyof typeof SUGGESTION_MESSAGES;

/** Why, in every message: POLICY.md §2 on aggregates, and what an identifier does to a time-series store. */
const WHY =
  'an aggregate is kept indefinitely only when nothing in it identifies a person, and an identifier as a label also makes one time series per person';

export default createRule<Options, MessageIds>({
  name: 'no-identifiers-in-metrics',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow online identifiers as metric labels, tags, attributes or dimensions, and in metric names, without classification',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      unclassified: `{{label}} from {{origin}} reaches {{sink}} as a metric label without classification: ${WHY}`,
      // Reported through reportFlows (util/flow-rule.ts), which the lint rule cannot follow.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      inName: `{{label}} from {{origin}} reaches {{sink}} in a metric name without classification: ${WHY}`,
      labelName: `{{label}} from the label name {{origin}} reaches {{sink}} as a metric label without classification: ${WHY}; drop the label or give it a redacted value under another name`,
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        description: 'What counts as an identifier and a sanitizer, beyond the built-in catalog.',
        additionalProperties: false,
        properties: { ...ANALYSIS_OPTION_PROPERTIES },
      },
    ],
    defaultOptions: [{ ...DEFAULT_ANALYSIS_OPTIONS }],
  },
  create(context, [options]) {
    const analysis = fileAnalysis(context, options);
    const sinks = new MetricSinkFinder(context.sourceCode, analysis.resolver);
    const check = guarded((node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      const sink = sinks.sinkOf(node);
      if (sink) report(sink);
    });

    function report(sink: MetricSink): void {
      const { settings } = analysis;
      for (const literal of sink.labelNames) {
        const kind = settings.names.match(literal.value);
        if (kind === undefined || !settings.kinds.has(kind)) continue;
        context.report({ node: literal, messageId: 'labelName', data: { label: capitalized(kind), origin: literal.raw, sink: sink.text } });
      }
      reportFlows(context, analysis, { sink: sink.text, args: sink.names }, 'inName');
      reportFlows(context, analysis, { sink: sink.text, args: sink.labels }, 'unclassified');
      for (const { key, value } of sink.keyed) reportByKey(analysis, sink, key, value);
    }

    /** `setProperty('UserId', lookup())`, `'user_id:' + id`: the key names a value the analysis cannot see. */
    function reportByKey(fileAnalysis: FileAnalysis, sink: MetricSink, key: string, value: TSESTree.Node): void {
      const { tracer, settings } = fileAnalysis;
      const trace = tracer.trace(value);
      if (!trace.opaque || trace.carried.length > 0) return;
      const kind = settings.names.match(key);
      if (kind === undefined || !settings.kinds.has(kind)) return;
      context.report({
        node: value,
        messageId: 'unclassified',
        data: { label: capitalized(kind), origin: `'${key}'`, sink: sink.text },
        suggest: buildSuggestions(context, value, kind, settings.redactModule),
      });
    }

    return releasingAnalysis(context, { CallExpression: check, NewExpression: check });
  },
});

function capitalized(kind: Kind): string {
  const label = KINDS[kind].label;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
