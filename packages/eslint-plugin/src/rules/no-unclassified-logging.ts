import type { TSESTree } from '@typescript-eslint/utils';
import { STREAM_SINKS, type Kind } from '../catalog';
import { isTerminalProgram } from '../analysis/terminal';
import { fileAnalysis, releasingAnalysis } from '../analysis';
import type { AnalysisOptions } from '../analysis/settings';
import { SinkFinder } from '../analysis/sinks';
import { SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';
import { ANALYSIS_OPTION_PROPERTIES, DEFAULT_ANALYSIS_OPTIONS, guarded, reportFlows } from '../util/flow-rule';

/** The analysis options, the extra sinks, and whether command-line programs' terminal output is checked. */
export interface RuleOptions extends AnalysisOptions {
  readonly checkTerminalOutput?: boolean;
}

/** `console.log`, `process.stdout.write`: output that goes to a terminal. */
function isTerminalSink(text: string): boolean {
  return text.startsWith('console.') || STREAM_SINKS.includes(text);
}

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
    // Suggestions are built in reportFlows (util/flow-rule.ts).
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
          checkTerminalOutput: {
            type: 'boolean',
            description:
              "Also check console.* and process.stdout/stderr output in command-line programs (files that start with a #! line or are a package's bin entry). By default their terminal output is the program's interface, not a log, and is not checked; loggers in them still are.",
          },
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
    defaultOptions: [{ ...DEFAULT_ANALYSIS_OPTIONS, sinks: [], checkTerminalOutput: false }],
  },
  create(context, [options]) {
    const analysis = fileAnalysis(context, options);
    const sinks = new SinkFinder(context.sourceCode, analysis.settings, analysis.resolver, analysis.modules);
    // A command-line program prints to its operator's terminal: that output is not a log.
    const quietTerminal = !options.checkTerminalOutput && isTerminalProgram(context.filename, context.sourceCode.text);
    return releasingAnalysis(context, {
      CallExpression: guarded((node: TSESTree.CallExpression) => {
        const sink = sinks.sinkOf(node);
        if (!sink) return;
        if (quietTerminal && isTerminalSink(sink.text)) return;
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
    });
  },
});
