import type { Rule } from 'eslint';

/**
 * Where the code already applies one of the runtime's treatments (redact,
 * pseudonymise, classify). The inventory lists them next to the findings:
 * POLICY.md asks that values kept on purpose for security show up there.
 * This looks for calls to the runtime, not for identifiers: detection stays
 * in the plugin.
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

export const INVENTORY_PLUGIN = 'online-identifiers-inventory';
export const TREATMENTS_RULE_ID = `${INVENTORY_PLUGIN}/treatments`;

type Binding = 'redact' | 'pseudonymize' | 'classify' | 'namespace';
const EXPORTS = new Set(['redact', 'pseudonymize', 'classify']);

type Node = Rule.Node;
type Call = Node & { type: 'CallExpression' };

function propertyName(node: Node & { type: 'MemberExpression' }): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value;
  return undefined;
}

function stringArgument(call: Call, index: number): string | undefined {
  const argument = call.arguments[index];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

function requiredModule(node: Node | null | undefined): string | undefined {
  if (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === 'Literal' &&
    typeof node.arguments[0].value === 'string'
  ) {
    return node.arguments[0].value;
  }
  return undefined;
}

export const treatmentsRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    docs: { description: 'List calls to the redact runtime for the privacy inventory' },
    schema: [
      {
        type: 'object',
        properties: { modules: { type: 'array', items: { type: 'string' }, description: 'Module specifiers of the runtime' } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const [options] = context.options as [{ modules?: string[] } | undefined];
    const modules = new Set(options?.modules ?? ['@online-identifiers/redact']);
    const bindings = new Map<string, Binding>();
    const calls: Call[] = [];
    const source = context.sourceCode;

    function bindPattern(pattern: Node | null | undefined): void {
      if (pattern?.type === 'Identifier') bindings.set(pattern.name, 'namespace');
      if (pattern?.type !== 'ObjectPattern') return;
      for (const property of pattern.properties) {
        if (property.type !== 'Property' || property.key.type !== 'Identifier' || !EXPORTS.has(property.key.name)) continue;
        if (property.value.type === 'Identifier') bindings.set(property.value.name, property.key.name as Binding);
      }
    }

    function treatmentOf(call: Call): Pick<Treatment, 'treatment' | 'kind' | 'purpose'> | undefined {
      const callee = call.callee;
      let name: string | undefined;
      let redactKind: string | undefined;
      if (callee.type === 'Identifier') {
        const binding = bindings.get(callee.name);
        if (binding === 'pseudonymize' || binding === 'classify') name = binding;
      } else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier') {
        // redact.ip(x) or ns.classify(x, 'ip')
        const binding = bindings.get(callee.object.name);
        const property = propertyName(callee as Node & { type: 'MemberExpression' });
        if (binding === 'redact') [name, redactKind] = ['redact', property];
        if (binding === 'namespace' && (property === 'pseudonymize' || property === 'classify')) name = property;
      } else if (callee.type === 'MemberExpression' && callee.object.type === 'MemberExpression' && callee.object.object.type === 'Identifier') {
        // ns.redact.ip(x)
        const inner = callee.object as Node & { type: 'MemberExpression' };
        if (bindings.get(callee.object.object.name) === 'namespace' && propertyName(inner) === 'redact') {
          [name, redactKind] = ['redact', propertyName(callee as Node & { type: 'MemberExpression' })];
        }
      }
      if (name === 'redact') return { treatment: 'redact', kind: redactKind, purpose: undefined };
      if (name === 'pseudonymize') return { treatment: 'pseudonymize', kind: undefined, purpose: undefined };
      if (name === 'classify') return { treatment: 'classify', kind: stringArgument(call, 1), purpose: stringArgument(call, 2) ?? 'security' };
      return undefined;
    }

    /** The nearest call, in the same function, that has this call inside its arguments. */
    function sinkOf(call: Call): string | undefined {
      let child: Node = call;
      let node: Node | null = call.parent;
      while (node) {
        if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return undefined;
        if (node.type === 'CallExpression' && node.callee !== child && !treatmentOf(node)) return source.getText(node.callee);
        child = node;
        node = node.parent;
      }
      return undefined;
    }

    return {
      ImportDeclaration(node) {
        if (typeof node.source.value !== 'string' || !modules.has(node.source.value)) return;
        for (const specifier of node.specifiers) {
          if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
            bindings.set(specifier.local.name, 'namespace');
          } else if (specifier.imported.type === 'Identifier' && EXPORTS.has(specifier.imported.name)) {
            bindings.set(specifier.local.name, specifier.imported.name as Binding);
          }
        }
      },
      VariableDeclarator(node) {
        const specifier = requiredModule(node.init as Node | null | undefined);
        if (specifier !== undefined && modules.has(specifier)) bindPattern(node.id as Node);
      },
      CallExpression(node) {
        calls.push(node);
      },
      'Program:exit'() {
        for (const call of calls) {
          const found = treatmentOf(call);
          if (!found) continue;
          const value = call.arguments[0] ? source.getText(call.arguments[0]) : '';
          const data = { ...found, value, sink: sinkOf(call) };
          context.report({ node: call, message: JSON.stringify(data) });
        }
      },
    };
  },
};

/** Reads a treatment back from the message the rule reported. */
export function treatmentFromMessage(filePath: string, line: number, message: string): Treatment | undefined {
  try {
    const data = JSON.parse(message) as Omit<Treatment, 'filePath' | 'line'>;
    return { filePath, line, ...data };
  } catch {
    return undefined;
  }
}
