import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** Strips wrappers that do not change the value: TS `as`/`!`/`satisfies`/`<T>x`, optional chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member's property (`a.b`, `a['b']`, ``a[`b`]``), or undefined when computed. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier || node.property.type === AST_NODE_TYPES.PrivateIdentifier
      ? node.property.name
      : undefined;
  }
  return staticString(node.property);
}

/** The value of a string (or number) literal or an expression-free template, or undefined. */
export function staticString(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal) {
    if (typeof inner.value === 'string') return inner.value;
    if (typeof inner.value === 'number') return String(inner.value);
    return undefined;
  }
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0) {
    return inner.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The static key of an object property or pattern property. */
export function keyName(node: TSESTree.Property): string | undefined {
  if (!node.computed) {
    if (node.key.type === AST_NODE_TYPES.Identifier) return node.key.name;
    if (node.key.type === AST_NODE_TYPES.Literal) return String(node.key.value);
    return undefined;
  }
  return staticString(node.key);
}

/** The name a call's callee ends with: `f` in `f()`, `g` in `a.b.g()`. */
export function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}

/**
 * A dotted rendering of a callee or receiver (`this.logger.info`,
 * `process.stdout.write`), or undefined when any part is dynamic.
 */
export function dottedPath(node: TSESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (inner.type === AST_NODE_TYPES.MemberExpression) {
    const object = dottedPath(inner.object);
    const name = propertyName(inner);
    return object !== undefined && name !== undefined ? `${object}.${name}` : undefined;
  }
  return undefined;
}

/** Is this a function node? */
export function isFunction(
  node: TSESTree.Node,
): node is TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** Source text on one line, shortened for messages. */
export function compactText(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** Renders one access step for a synthesized origin text (`.ip`, `['x-forwarded-for']`). */
export function renderSegment(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `['${name.replace(/'/g, "\\'")}']`;
}

/** Visitor keys by node type, as ESLint's `SourceCode.visitorKeys` gives them. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** The child nodes of `node` under its visitor keys, in key order. */
export function childNodes(node: TSESTree.Node, keys: VisitorKeys): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const key of keys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? (child as unknown[]) : [child]) {
      if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') children.push(item as TSESTree.Node);
    }
  }
  return children;
}

/**
 * The calls in a function's body; with `nested`, also those in functions
 * defined inside it (`items.forEach((x) => log(x))`).
 */
export function callsIn(
  fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
  keys: VisitorKeys,
  nested = false,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!nested && isFunction(node) && node !== fn) continue;
    if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
    stack.push(...childNodes(node, keys));
  }
  return calls;
}
