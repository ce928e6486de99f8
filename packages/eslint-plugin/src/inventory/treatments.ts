import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { RUNTIME_MODULE, type DestinationFamily, type LoggerCoverage } from '../catalog';
import { fileAnalysis, releasingAnalysis } from '../analysis';
import { compactText, isFunction, propertyName, staticString, unwrap } from '../analysis/ast';
import { MetricSinkFinder } from '../analysis/metric-sinks';
import { SinkFinder } from '../analysis/sinks';
import { TelemetryFinder } from '../analysis/telemetry-sinks';
import { DEFAULT_ANALYSIS_OPTIONS, guarded } from '../util/flow-rule';

/** Where a treated value goes: the family of the rule whose sink the call is, and for third parties the vendor. */
export interface TreatmentDestination {
  readonly family: DestinationFamily;
  /** The third party as the telemetry rule names it (`Sentry`). */
  readonly vendor?: string;
}

/**
 * Where the code already applies one of the runtime's treatments (redact,
 * pseudonymise, classify), or creates a logger whose own configuration
 * treats what it writes (`configured`: the runtime's pino preset, serializers
 * or winston format; issue 8 §4). The CLI's inventory lists them next to the
 * findings: POLICY.md asks that values kept on purpose for security show up
 * there. Calls are recognised with the same import resolution the analysis
 * uses for sanitizers, so renames, namespaces, default imports and requires
 * count here exactly as they do there.
 */
export interface Treatment {
  readonly filePath: string;
  readonly line: number;
  readonly treatment: 'redact' | 'pseudonymize' | 'classify' | 'configured';
  /** The kind the call names (`redact.ip`, `classify(x, 'ip')`); pseudonymize names none. */
  readonly kind: string | undefined;
  /** `classify`'s purpose argument, `security` by default. */
  readonly purpose: string | undefined;
  /** Source text of the treated value; for `configured`, of the logger's options (one line, at most 60 characters). */
  readonly value: string;
  /** The call the treated value is an argument of, e.g. `logger.info`; for `configured`, the logger factory (`pino`). */
  readonly sink: string | undefined;
  /** Present when that call is a sink of one of the plugin's rules; `log` for a configured logger. */
  readonly destination?: TreatmentDestination;
  /**
   * For `configured`: what the configuration treats, as the analysis judges
   * it (`all`: every field, the runtime's `pinoOptions`; `fields`: fields
   * named like identifiers; `serialized`: `req`/`res`/`err`; `text`: message
   * text; `paths`: the runtime's redact paths), in that order.
   */
  readonly covers?: readonly LoggerCoverage[];
  /** For `configured`: the explicit redact paths it lists (`req.headers.cookie`). */
  readonly paths?: readonly string[];
}

export interface TreatmentsOptions {
  /** Another specifier of the runtime, as in the rule option of the same name. */
  readonly redactModule?: string;
}

type Found = Pick<Treatment, 'treatment' | 'kind' | 'purpose'>;

const COVERAGE_ORDER: readonly LoggerCoverage[] = ['all', 'fields', 'serialized', 'text', 'paths'];

/**
 * Reports every call to the runtime, one report per call, and every
 * creation of a logger whose configuration treats what it writes (at the
 * creation call, treatment `configured`), its message the treatment as JSON
 * (read it back with `treatmentFromMessage`). Not one of the plugin's
 * rules: a tool registers it under a plugin name of its own. Internal errors
 * give no report, never a crashed lint.
 */
export const treatmentsRule: TSESLint.RuleModule<'treatment', [TreatmentsOptions?]> = {
  defaultOptions: [],
  meta: {
    type: 'suggestion',
    docs: { description: 'List calls to the redact runtime for the privacy inventory' },
    messages: { treatment: '{{json}}' },
    schema: [
      {
        type: 'object',
        properties: {
          redactModule: { type: 'string', minLength: 1, description: 'Another module specifier of the runtime' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const modules = new Set([RUNTIME_MODULE, context.options[0]?.redactModule ?? RUNTIME_MODULE]);
    const source = context.sourceCode;
    // The rules' own analysis options, so a scan shares one analysis of the file with them.
    const analysis = fileAnalysis(context, { ...DEFAULT_ANALYSIS_OPTIONS, redactModule: context.options[0]?.redactModule ?? RUNTIME_MODULE });
    const { resolver } = analysis;
    const logSinks = new SinkFinder(source, analysis.settings, resolver, analysis.modules);
    const metricSinks = new MetricSinkFinder(source, resolver);
    const telemetrySinks = new TelemetryFinder(resolver, source);
    const calls: TSESTree.CallExpression[] = [];

    function runtimePath(node: TSESTree.Node): readonly string[] | undefined {
      const origin = resolver.importOf(node);
      return origin && modules.has(origin.module) ? origin.path : undefined;
    }

    function treatmentOf(call: TSESTree.CallExpression): Found | undefined {
      const callee = unwrap(call.callee);
      const path = runtimePath(callee);
      if (path?.length === 1 && path[0] === 'pseudonymize') return { treatment: 'pseudonymize', kind: undefined, purpose: undefined };
      if (path?.length === 1 && path[0] === 'classify') {
        return { treatment: 'classify', kind: staticString(call.arguments[1]), purpose: staticString(call.arguments[2]) ?? 'security' };
      }
      if (path?.length === 2 && path[0] === 'redact') return { treatment: 'redact', kind: path[1], purpose: undefined };
      // `redact[kind](x)`: still a redaction, of a kind only known at run time.
      if (!path && callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === undefined) {
        const object = runtimePath(unwrap(callee.object));
        if (object?.length === 1 && object[0] === 'redact') return { treatment: 'redact', kind: undefined, purpose: undefined };
      }
      return undefined;
    }

    /** The nearest call, in the same function, that has this call inside its arguments. */
    function enclosingCall(call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
      let child: TSESTree.Node = call;
      for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
        if (isFunction(node)) return undefined;
        if (node.type === AST_NODE_TYPES.CallExpression && node.callee !== child && !treatmentOf(node)) return node;
        child = node;
      }
      return undefined;
    }

    /** The family of the rule whose sink `outer` is, when `inner` sits in a part of it that carries data there. */
    function destinationOf(outer: TSESTree.CallExpression, inner: TSESTree.Node): TreatmentDestination | undefined {
      const carries = (parts: readonly TSESTree.Node[]): boolean => parts.some((part) => within(inner, part));
      if (carries(logSinks.sinkOf(outer)?.args ?? [])) return { family: 'log' };
      const telemetry = telemetrySinks.sinkOf(outer);
      if (telemetry && carries(telemetry.args)) return { family: 'telemetry', vendor: telemetry.vendor };
      const metric = metricSinks.sinkOf(outer);
      if (metric && carries([...metric.labels, ...metric.names, ...metric.keyed.map((pair) => pair.value)])) return { family: 'metric' };
      return undefined;
    }

    function reportRuntimeCall(call: TSESTree.CallExpression): void {
      const found = treatmentOf(call);
      if (!found) return;
      const value = call.arguments[0] ? source.getText(call.arguments[0]) : '';
      const outer = enclosingCall(call);
      const destination = outer ? destinationOf(outer, call) : undefined;
      const json = JSON.stringify({ ...found, value, sink: outer ? source.getText(outer.callee) : undefined, destination });
      context.report({ node: call, messageId: 'treatment', data: { json } });
    }

    /** A logger created here whose configuration treats something (`pino(pinoOptions)`); a child is listed at its parent. */
    function reportConfiguredLogger(call: TSESTree.CallExpression): void {
      const config = analysis.treatment.loggerTreatment(call);
      if (config?.creation !== call) return;
      const json = JSON.stringify({
        treatment: 'configured',
        value: call.arguments[0] ? compactText(source.getText(call.arguments[0]), 60) : '',
        sink: compactText(source.getText(call.callee), 60),
        destination: { family: 'log' },
        covers: COVERAGE_ORDER.filter((coverage) => config.coverage.has(coverage)),
        paths: config.paths.length > 0 ? config.paths.map((path) => path.join('.')) : undefined,
      });
      context.report({ node: call, messageId: 'treatment', data: { json } });
    }

    return releasingAnalysis(context, {
      CallExpression(node) {
        calls.push(node);
      },
      // After the whole file: a call may come before the import it resolves through.
      'Program:exit'() {
        for (const call of calls) {
          guarded(reportRuntimeCall)(call);
          guarded(reportConfiguredLogger)(call);
        }
      },
    });
  },
};

/** Is `inner` the node `outer` or inside it? */
function within(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Reads a treatment back from the message `treatmentsRule` reported.
 *
 * @param filePath the linted file, as ESLint reports it
 * @param line the report's line (1-based)
 * @param message the report's message (the treatment as JSON)
 * @returns the treatment at that place, or undefined for a message that is not JSON
 */
export function treatmentFromMessage(filePath: string, line: number, message: string): Treatment | undefined {
  try {
    const data = JSON.parse(message) as Omit<Treatment, 'filePath' | 'line'>;
    return { filePath, line, ...data };
  } catch {
    return undefined;
  }
}
