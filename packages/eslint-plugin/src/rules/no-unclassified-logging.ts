import type { TSESTree } from '@typescript-eslint/utils';
import { KIND_IDS, KINDS, RUNTIME_MODULE } from '../catalog';
import { Resolver } from '../analysis/resolve';
import { resolveSettings, type AnalysisOptions } from '../analysis/settings';
import { SinkFinder } from '../analysis/sinks';
import { carriedKey, DEFAULT_ANALYSIS_BUDGET, Tracer, type Carried } from '../analysis/tracer';
import { reportExhaustion } from '../analysis/budget';
import { typeFactsFor } from '../analysis/types';
import { buildSuggestions, SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';

/** The rule's options are exactly what the analysis reads. */
export type RuleOptions = AnalysisOptions;

export type Options = [RuleOptions];
export type MessageIds = 'unclassified' | 'unkeyedHash' | keyof typeof SUGGESTION_MESSAGES;

const kindSchema: { type: 'string'; enum: string[] } = {
  type: 'string',
  enum: [...KIND_IDS],
};

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
          sinks: {
            type: 'array',
            description:
              'Extra sink calls, as dotted callee paths ("audit.record", "this.tracker.send") or a receiver followed by ".*" for any of its methods ("auditTrail.*").',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
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
              'Use type information when the file is linted with it (set by configs.strict): values typed as the runtime\'s Redacted, Pseudonymized or Classified brands are classified, and values whose declared type is a request type are request-like.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        sources: [],
        sinks: [],
        sanitizers: [],
        kinds: [...KIND_IDS],
        ignoreNames: [],
        redactModule: RUNTIME_MODULE,
        analysisBudget: DEFAULT_ANALYSIS_BUDGET,
        typeAware: false,
      },
    ],
  },
  create(context, [options]) {
    const settings = resolveSettings(options);
    const sourceCode = context.sourceCode;
    const resolver = new Resolver(sourceCode);
    const types = settings.typeAware ? typeFactsFor(sourceCode) : undefined;
    const tracer = new Tracer(sourceCode, settings, resolver, types, {
      budget: options.analysisBudget,
      onExhausted: (at, steps) => reportExhaustion(context.filename, at, steps),
    });
    const sinks = new SinkFinder(sourceCode, settings, resolver);

    function check(call: TSESTree.CallExpression): void {
      const sink = sinks.sinkOf(call);
      if (!sink) return;
      const seen = new Set<string>();
      const findings: { carried: Carried; argument: TSESTree.Node }[] = [];
      for (const argument of sink.args) {
        for (const carried of tracer.trace(argument).carried) {
          if (!settings.kinds.has(carried.kind)) continue;
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
          messageId: carried.unkeyedHash ? 'unkeyedHash' : 'unclassified',
          data: { label: label.charAt(0).toUpperCase() + label.slice(1), origin: carried.originText, sink: sink.text },
          suggest: buildSuggestions(
            context,
            target,
            carried.kind,
            settings.redactModule,
          ),
        });
      }
    }

    return {
      CallExpression(node) {
        try {
          check(node);
        } catch (error) {
          // A file the analysis cannot follow (an AST shape it does not expect) yields no finding, never a crash.
          if (process.env.ONLINE_IDENTIFIERS_DEBUG) throw error;
        }
      },
    };
  },
});
