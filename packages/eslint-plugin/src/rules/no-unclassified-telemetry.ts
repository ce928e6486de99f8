import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { fileAnalysis, releasingAnalysis } from '../analysis';
import type { AnalysisOptions } from '../analysis/settings';
import { headerKind } from '../analysis/settings';
import { SinkFinder } from '../analysis/sinks';
import { TelemetryFinder, type TelemetryCallOption, type TelemetrySink } from '../analysis/telemetry-sinks';
import { KINDS, OTEL_HEADER_OPTION } from '../catalog';
import { SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';
import { ANALYSIS_OPTION_PROPERTIES, DEFAULT_ANALYSIS_OPTIONS, guarded, reportFlows, type SinkReport } from '../util/flow-rule';
import { tokenSource } from '../util/tokens';

/** The analysis options, plus extra telemetry calls. */
export interface RuleOptions extends AnalysisOptions {
  /** Extra telemetry calls: a dotted callee path or `receiver.*`, alone or with the vendor messages name. */
  readonly telemetry?: readonly (string | TelemetryCallOption)[];
}

export type Options = [RuleOptions];
export type MessageIds =
  | 'unclassified'
  | 'unkeyedHash'
  | 'collectsByDefault'
  | 'copiesHeader'
  | 'unverifiedIdentity'
  | 'suggestOptionValue'
  | 'suggestRemoveOption'
  | 'suggestRemoveHeader'
  | keyof typeof SUGGESTION_MESSAGES;

export default createRule<Options, MessageIds>({
  name: 'no-unclassified-telemetry',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow online identifiers reaching error trackers, tracing, analytics and other third parties without classification, and SDK options that collect them by default',
      recommended: true,
      requiresTypeChecking: false,
    },
    // Flow suggestions are built in reportFlows (util/flow-rule.ts), option ones here.
    hasSuggestions: true,
    messages: {
      // `sink` is "<Vendor> (<call>)": destinationOfMessage reads the vendor back.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- reported through reportFlows (util/flow-rule.ts)
      unclassified: '{{label}} from {{origin}} reaches {{sink}} without classification',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids -- reported through reportFlows (util/flow-rule.ts)
      unkeyedHash:
        '{{label}} from {{origin}} reaches {{sink}} through an unkeyed hash, which is not classification: an unkeyed hash of an IP address can be reversed by brute force (the whole IPv4 space is hashed in minutes); use pseudonymize() (a keyed HMAC) or redact.ip()',
      collectsByDefault: '{{vendor}} option {{option}} {{effect}}',
      copiesHeader: '{{vendor}} option headersToSpanAttributes copies the {{header}} header ({{label}}) into span attributes',
      unverifiedIdentity:
        'Intercom option {{key}} without user_hash lets anyone who sets that value in a browser read the user\'s Intercom conversations (identity verification is off)',
      suggestOptionValue: 'Set {{name}} to {{value}}',
      suggestRemoveOption: 'Remove {{name}}',
      suggestRemoveHeader: 'Stop copying the {{header}} header',
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        description: 'What counts as an identifier, a third-party call and a sanitizer, beyond the built-in catalog.',
        additionalProperties: false,
        properties: {
          ...ANALYSIS_OPTION_PROPERTIES,
          telemetry: {
            type: 'array',
            description:
              'Extra telemetry calls: a dotted callee path ("tracker.send", "this.analytics.record") or a receiver followed by ".*" for any of its methods ("tracker.*"), alone or as { call, vendor } to name the vendor in messages (default "a third party").',
            items: {
              description: 'One call: a path string, or an object with the path and the vendor.',
              anyOf: [
                { type: 'string', minLength: 1, description: 'A dotted callee path, or `receiver.*`.' },
                {
                  type: 'object',
                  description: 'A callee path with the vendor it sends to.',
                  additionalProperties: false,
                  required: ['call'],
                  properties: {
                    call: { type: 'string', minLength: 1, description: 'A dotted callee path, or `receiver.*`.' },
                    vendor: { type: 'string', minLength: 1, description: 'The vendor as messages name it (e.g. "Acme Analytics").' },
                  },
                },
              ],
            },
          },
        },
      },
    ],
    defaultOptions: [{ ...DEFAULT_ANALYSIS_OPTIONS, telemetry: [] }],
  },
  create(context, [options]) {
    const analysis = fileAnalysis(context, options);
    const extra = (options.telemetry ?? []).map((entry) => (typeof entry === 'string' ? { call: entry } : entry));
    const finder = new TelemetryFinder(analysis.resolver, context.sourceCode, extra);
    // A call a logger already reports (`datadogLogs.logger.info`, `Sentry.logger.warn`) is left to no-unclassified-logging.
    const loggers = new SinkFinder(context.sourceCode, analysis.settings, analysis.resolver, analysis.modules);
    // Most files never configure OpenTelemetry's header capture: skip that search entirely.
    const mentionsHeaderOption = context.sourceCode.text.includes(OTEL_HEADER_OPTION.property);
    // No suggestion: the honest fix is a user_hash computed on the server, which the code must supply.
    const reportUnverified = (sink: TelemetrySink): void => {
      const property = finder.unverifiedIdentity(sink);
      if (!property) return;
      context.report({ node: property.key, messageId: 'unverifiedIdentity', data: { key: context.sourceCode.getText(property.key) } });
    };
    const checkCall = (node: TSESTree.CallExpression | TSESTree.NewExpression): void => {
      const sink = finder.sinkOf(node);
      if (sink && !(node.type === AST_NODE_TYPES.CallExpression && loggers.sinkOf(node))) {
        reportFlows(context, analysis, asReport(sink), 'unclassified', 'unkeyedHash');
        reportUnverified(sink);
      }
      for (const { option, property } of finder.optionsOf(node)) {
        const name = `${context.sourceCode.getText(property.key)}: ${context.sourceCode.getText(property.value)}`;
        context.report({
          node: property,
          messageId: 'collectsByDefault',
          data: { vendor: option.vendor, option: name, effect: option.effect },
          suggest: [
            option.fix === null
              ? { messageId: 'suggestRemoveOption', data: { name }, fix: (fixer) => removeListItem(context.sourceCode, fixer, property) }
              : {
                  messageId: 'suggestOptionValue',
                  data: { name: context.sourceCode.getText(property.key), value: option.fix },
                  fix: (fixer) => fixer.replaceText(property.value, option.fix ?? ''),
                },
          ],
        });
      }
      const { property, sides, lists, vendor } = OTEL_HEADER_OPTION;
      if (!mentionsHeaderOption) return;
      for (const literal of finder.headerListsOf(node, property, sides, lists)) {
        const kind = headerKind(analysis.settings, String(literal.value));
        if (!kind || !analysis.settings.kinds.has(kind)) continue;
        const header = String(literal.value);
        context.report({
          node: literal,
          messageId: 'copiesHeader',
          data: { vendor, header, label: KINDS[kind].label },
          suggest: [
            { messageId: 'suggestRemoveHeader', data: { header }, fix: (fixer) => removeListItem(context.sourceCode, fixer, literal) },
          ],
        });
      }
    };
    return releasingAnalysis(context, {
      CallExpression: guarded(checkCall),
      NewExpression: guarded(checkCall),
      AssignmentExpression: guarded((node: TSESTree.AssignmentExpression) => {
        const sink = finder.assignmentSinkOf(node);
        if (!sink) return;
        reportFlows(context, analysis, asReport(sink), 'unclassified', 'unkeyedHash');
        reportUnverified(sink);
      }),
    });
  },
});

/** The sink as messages name it: `Sentry (Sentry.setUser)`; destinationOfMessage reads the vendor back. */
function asReport(sink: TelemetrySink): SinkReport {
  return { sink: `${sink.vendor} (${sink.text})`, args: sink.args };
}

/** Removes an element of an object or array literal together with its separating comma. */
function removeListItem(sourceCode: Readonly<TSESLint.SourceCode>, fixer: TSESLint.RuleFixer, item: TSESTree.Node): TSESLint.RuleFix {
  const tokens = tokenSource(sourceCode);
  const after = tokens.getTokenAfter(item);
  if (after?.value === ',') {
    const next = tokens.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([item.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = tokens.getTokenBefore(item);
  return before?.value === ',' ? fixer.removeRange([before.range[0], item.range[1]]) : fixer.remove(item);
}
