// What the flow rules (logging, telemetry, metrics) share: the analysis
// options' JSON schema and defaults, and the report of identifiers that reach
// a sink's arguments, with the three quick-fixes.
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { KIND_IDS, KINDS, RUNTIME_MODULE, type Kind } from '../catalog';
import { carriedKey, DEFAULT_ANALYSIS_BUDGET, type Carried, type FileAnalysis } from '../analysis';
import type { AnalysisOptions } from '../analysis/settings';
import { buildSuggestions } from '../fixes';

export const kindSchema: { type: 'string'; enum: string[] } = {
  type: 'string',
  enum: [...KIND_IDS],
};

/**
 * JSON schema properties of the analysis options every flow rule accepts:
 * `sources`, `sanitizers`, `kinds`, `ignoreNames`, `redactModule`,
 * `analysisBudget`, `typeAware`. A rule adds its own (its sinks) beside them.
 */
export const ANALYSIS_OPTION_PROPERTIES: Record<string, JSONSchema4> = {
  sources: {
    type: 'array',
    description:
      'Extra sources. Each names a kind and one of: `member` (a dotted path read from a request-like object, e.g. "body.customerEmail"), `header` (a header name, any letter case; a trailing * matches a prefix), `global` (a dotted path from the browser globals, e.g. "window.visitorId") or `name` (a word or name that marks identifiers in variable, property and key names, e.g. "msisdn").',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      minProperties: 2,
      maxProperties: 2,
      properties: {
        kind: { ...kindSchema, description: 'The kind of identifier this source produces.' },
        member: { type: 'string', minLength: 1, description: 'A dotted member path on a request-like object.' },
        header: { type: 'string', minLength: 1, description: 'A request header name (any letter case; trailing * for a prefix).' },
        global: { type: 'string', minLength: 1, description: 'A dotted path from a browser global.' },
        name: { type: 'string', minLength: 1, description: 'A word or name (camelCase, snake_case or kebab-case) marking identifiers by name.' },
      },
    },
  },
  sanitizers: {
    type: 'array',
    description:
      'Extra sanitizers: function names or dotted callee paths whose result is classified ("hashForLogs", "privacy.strip", "Privacy.*").',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
  },
  kinds: {
    type: 'array',
    description: 'The kinds of identifier to check (default: all of them).',
    items: { ...kindSchema, description: 'A kind of identifier.' },
    minItems: 1,
    uniqueItems: true,
  },
  ignoreNames: {
    type: 'array',
    description:
      'Names or words that must not be read as identifiers (e.g. "sid" where it means something else in your code base).',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
  },
  redactModule: {
    type: 'string',
    minLength: 1,
    description: 'The module the quick-fixes import redact, pseudonymize and classify from.',
  },
  analysisBudget: {
    type: 'integer',
    minimum: 1000,
    description:
      'The work budget for one file, in analysis steps (one per expression traced or alias followed), so that linting time stays bounded and the result is the same on every machine. When a file uses it up, values are no longer followed in that file; what was found so far is reported. Default 200000.',
  },
  typeAware: {
    type: 'boolean',
    description:
      "Use type information when the file is linted with it (set by configs.strict): values typed as the runtime's Redacted, Pseudonymized or Classified brands are classified, and values whose declared type is a request type are request-like.",
  },
};

/** Defaults of the analysis options (the rule's own options come on top). */
export const DEFAULT_ANALYSIS_OPTIONS = {
  sources: [],
  sanitizers: [],
  kinds: [...KIND_IDS],
  ignoreNames: [],
  redactModule: RUNTIME_MODULE,
  analysisBudget: DEFAULT_ANALYSIS_BUDGET,
  typeAware: false,
} satisfies AnalysisOptions;

/** A sink call's description, as the message names it. */
export interface SinkReport {
  /** How the message names the destination: `logger.info`, `Sentry.setUser`, `the label values of requests.inc`. */
  readonly sink: string;
  /** The expressions whose values reach the destination. */
  readonly args: readonly TSESTree.Node[];
  /** Kinds the destination itself treats in one of those expressions (a logger's text treatment), not reported there. */
  readonly treated?: (arg: TSESTree.Node, kind: Kind) => boolean;
}

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Reports every identifier the sink's arguments carry unclassified, once
 * per kind and source, at the narrowest expression that carries it, with
 * the redact / pseudonymize / classify suggestions.
 *
 * @param context the rule context (its messages must include `messageId`,
 *   `unkeyedHash` when given, and the suggestion messages)
 * @param analysis the file's analysis (`fileAnalysis`)
 * @param sink the destination and its data-carrying arguments
 * @param messageId the message for a raw identifier; its data has `label`, `origin`, `sink`
 * @param unkeyedHashId the message for an identifier reaching through an unkeyed hash (defaults to `messageId`)
 * @returns the findings reported (kind and origin), for rules that add more
 */
export function reportFlows(
  context: AnyContext,
  analysis: FileAnalysis,
  sink: SinkReport,
  messageId: string,
  unkeyedHashId: string = messageId,
): Carried[] {
  const { tracer, settings } = analysis;
  const seen = new Set<string>();
  const findings: { carried: Carried; argument: TSESTree.Node }[] = [];
  for (const [index, argument] of sink.args.entries()) {
    for (const carried of tracer.traceArgument(sink.args, index).carried) {
      if (!settings.kinds.has(carried.kind)) continue;
      if (sink.treated?.(argument, carried.kind)) continue;
      const key = carriedKey(carried);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ carried, argument });
    }
  }
  for (const { carried, argument } of findings) {
    const target = tracer.narrowest(argument, carried);
    const label = KINDS[carried.kind].label;
    context.report({
      node: target,
      messageId: carried.unkeyedHash ? unkeyedHashId : messageId,
      data: { label: label.charAt(0).toUpperCase() + label.slice(1), origin: carried.originText, sink: sink.sink },
      suggest: buildSuggestions(context, target, carried.kind, settings.redactModule),
    });
  }
  return findings.map((finding) => finding.carried);
}

/**
 * Runs `check` and turns an internal error into no finding (never a crashed
 * lint), unless `ONLINE_IDENTIFIERS_DEBUG` is set, which rethrows it.
 */
export function guarded<T extends unknown[]>(check: (...args: T) => void): (...args: T) => void {
  return (...args) => {
    try {
      check(...args);
    } catch (error) {
      if (process.env.ONLINE_IDENTIFIERS_DEBUG) throw error;
    }
  };
}
