import type { TSESTree } from '@typescript-eslint/utils';
import type { Kind } from '../catalog';
import { fileAnalysis } from '../analysis';
import type { AnalysisOptions } from '../analysis/settings';
import { SinkFinder } from '../analysis/sinks';
import { SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';
import { ANALYSIS_OPTION_PROPERTIES, DEFAULT_ANALYSIS_OPTIONS, guarded, reportFlows } from './shared';

/** The rule's options are exactly what the analysis reads. */
export type RuleOptions = AnalysisOptions;

export type Options = [RuleOptions];
export type MessageIds = 'unclassified' | 'unkeyedHash' | keyof typeof SUGGESTION_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-unclassified-logging',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow online identifiers (IP addresses, cookies, session ids, tokens, user ids, device metadata) reaching logs without classification',
      recommended: true,
      requiresTypeChecking: false,
    },
    // Suggestions are built in reportFlows (rules/shared.ts).
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    messages: {
      unclassified: '{{label}} from {{origin}} reaches {{sink}} without classification',
      unkeyedHash:
        '{{label}} from {{origin}} reaches {{sink}} through an unkeyed hash, which is not classification: an unkeyed hash of an IP address can be reversed by brute force (the whole IPv4 space is hashed in minutes); use pseudonymize() (a keyed HMAC) or redact.ip()',
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        description: 'What counts as an identifier, a sink and a sanitizer, beyond the built-in catalog.',
        additionalProperties: false,
        properties: {
          ...ANALYSIS_OPTION_PROPERTIES,
          sinks: {
            type: 'array',
            description:
              'Extra sink calls, as dotted callee paths ("audit.record", "this.tracker.send") or a receiver followed by ".*" for any of its methods ("auditTrail.*").',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ ...DEFAULT_ANALYSIS_OPTIONS, sinks: [] }],
  },
  create(context, [options]) {
    const analysis = fileAnalysis(context, options);
    const sinks = new SinkFinder(context.sourceCode, analysis.settings, analysis.resolver);
    return {
      CallExpression: guarded((node: TSESTree.CallExpression) => {
        const sink = sinks.sinkOf(node);
        if (!sink) return;
        // A logger configured to treat what it writes reports only what its configuration leaves raw.
        const config = analysis.treatment.loggerTreatment(sink.receiver);
        const parts = config ? analysis.treatment.rawParts(sink.args, config, (name) => analysis.settings.names.match(name)) : undefined;
        const report = parts
          ? {
              sink: sink.text,
              args: parts.map((part) => part.node),
              treated: (arg: TSESTree.Node, kind: Kind) => parts.some((part) => part.node === arg && part.treatedKinds?.has(kind)),
            }
          : { sink: sink.text, args: sink.args };
        reportFlows(context, analysis, report, 'unclassified', 'unkeyedHash');
      }),
    };
  },
});
