import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { RUNTIME_MODULE } from '../catalog';
import { isFunction, propertyName, staticString, unwrap } from '../analysis/ast';
import { Resolver } from '../analysis/resolve';

/**
 * Where the code already applies one of the runtime's treatments (redact,
 * pseudonymise, classify). The CLI's inventory lists them next to the
 * findings: POLICY.md asks that values kept on purpose for security show up
 * there. Calls are recognised with the same import resolution the analysis
 * uses for sanitizers, so renames, namespaces, default imports and requires
 * count here exactly as they do there.
 */
export interface Treatment {
  readonly filePath: string;
  readonly line: number;
  readonly treatment: 'redact' | 'pseudonymize' | 'classify';
  /** The kind the call names (`redact.ip`, `classify(x, 'ip')`); pseudonymize names none. */
  readonly kind: string | undefined;
  /** `classify`'s purpose argument, `security` by default. */
  readonly purpose: string | undefined;
  /** Source text of the treated value. */
  readonly value: string;
  /** The call the treated value is an argument of, e.g. `logger.info`. */
  readonly sink: string | undefined;
}

export interface TreatmentsOptions {
  /** Another specifier of the runtime, as in the rule option of the same name. */
  readonly redactModule?: string;
}

type Found = Pick<Treatment, 'treatment' | 'kind' | 'purpose'>;

/**
 * Reports every call to the runtime, one report per call, its message the
 * treatment as JSON (read it back with `treatmentFromMessage`). Not one of
 * the plugin's rules: a tool registers it under a plugin name of its own.
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
    const resolver = new Resolver(source);
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
    function sinkOf(call: TSESTree.CallExpression): string | undefined {
      let child: TSESTree.Node = call;
      for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
        if (isFunction(node)) return undefined;
        if (node.type === AST_NODE_TYPES.CallExpression && node.callee !== child && !treatmentOf(node)) {
          return source.getText(node.callee);
        }
        child = node;
      }
      return undefined;
    }

    return {
      CallExpression(node) {
        calls.push(node);
      },
      // After the whole file: a call may come before the import it resolves through.
      'Program:exit'() {
        for (const call of calls) {
          const found = treatmentOf(call);
          if (!found) continue;
          const value = call.arguments[0] ? source.getText(call.arguments[0]) : '';
          const json = JSON.stringify({ ...found, value, sink: sinkOf(call) });
          context.report({ node: call, messageId: 'treatment', data: { json } });
        }
      },
    };
  },
};

/** Reads a treatment back from the message `treatmentsRule` reported. */
export function treatmentFromMessage(filePath: string, line: number, message: string): Treatment | undefined {
  try {
    const data = JSON.parse(message) as Omit<Treatment, 'filePath' | 'line'>;
    return { filePath, line, ...data };
  } catch {
    return undefined;
  }
}
