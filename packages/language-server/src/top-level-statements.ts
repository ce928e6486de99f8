// What a region lint (region-lint.ts) needs to know about the top-level
// statements of a linted text: where each one is, which names it declares,
// and whether it is context (always kept), a declaration (kept when kept
// code names it) or other code with a function in it (left out unless it
// names the edited statement). Computed where the AST is, in the lint
// worker, right after a full lint: it reads only the program's body.

/** How a region lint treats a top-level statement it does not edit. */
export type StatementRole =
  /** Always kept: imports, export lists, variables, directives, TS `import =`, and any statement without a function or class in it (`app.use(helmet())`, `module.exports = router`). */
  | 'context'
  /** Kept only when kept code names it: a function, class, TS interface, type, enum or namespace, or a variable bound to a function or class. */
  | 'declaration'
  /** Code with a function in it that declares nothing (`app.get('/', (req, res) => …)`, an anonymous default export): kept only when it names the edited statement. */
  | 'code';

/** One statement of `program.body`. */
export interface TopLevelStatement {
  /** `[start, end)` offsets in ESLint's text (a byte-order mark is not counted), as the AST's `range`. */
  range: [number, number];
  role: StatementRole;
  /** The bindings it declares (empty for export lists, expression statements and the like). */
  names: string[];
}

/** The part of an ESTree / TS-ESTree node this module reads. */
export interface AstNode {
  type: string;
  range?: [number, number];
  [key: string]: unknown;
}

/** Child keys per node type (ESLint's `sourceCode.visitorKeys`). */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression']);
const DECLARATION_TYPES = new Set([
  'FunctionDeclaration',
  'ClassDeclaration',
  'TSDeclareFunction',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSEnumDeclaration',
  'TSModuleDeclaration',
]);
const CONTEXT_TYPES = new Set(['ImportDeclaration', 'ExportAllDeclaration', 'TSImportEqualsDeclaration', 'TSExportAssignment', 'TSNamespaceExportDeclaration']);

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function identifierName(node: unknown): string | undefined {
  return isNode(node) && node.type === 'Identifier' && typeof node.name === 'string' ? node.name : undefined;
}

/** Binding names of a declaration pattern (`a`, `{ a, b: [c] }`, `...rest`, `a = 1`). */
function patternNames(node: unknown, names: string[]): void {
  if (!isNode(node)) return;
  switch (node.type) {
    case 'Identifier':
      if (typeof node.name === 'string') names.push(node.name);
      return;
    case 'ObjectPattern':
      for (const property of (node.properties as unknown[] | undefined) ?? []) {
        patternNames(isNode(property) && property.type === 'Property' ? property.value : property, names);
      }
      return;
    case 'ArrayPattern':
      for (const element of (node.elements as unknown[] | undefined) ?? []) patternNames(element, names);
      return;
    case 'RestElement':
      patternNames(node.argument, names);
      return;
    case 'AssignmentPattern':
      patternNames(node.left, names);
      return;
  }
}

/** Whether a function or class occurs anywhere inside `root` (stops at the first). */
function containsFunction(root: AstNode, keys: VisitorKeys): boolean {
  const stack: AstNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (FUNCTION_TYPES.has(node.type)) return true;
    for (const key of keys[node.type] ?? []) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) stack.push(item);
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
  return false;
}

/** A variable declaration whose every declarator binds a name to a function or class: a declaration like `function f`. */
function functionValued(declaration: AstNode): string[] | undefined {
  const names: string[] = [];
  for (const declarator of (declaration.declarations as unknown[] | undefined) ?? []) {
    if (!isNode(declarator)) return undefined;
    const name = identifierName(declarator.id);
    const init = declarator.init;
    if (!name || !isNode(init) || !['FunctionExpression', 'ArrowFunctionExpression', 'ClassExpression'].includes(init.type)) return undefined;
    names.push(name);
  }
  return names.length > 0 ? names : undefined;
}

function describe(statement: AstNode, keys: VisitorKeys): { role: StatementRole; names: string[] } {
  // `export <declaration>` and `export default <named function or class>` are their declaration.
  let inner = statement;
  if ((statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') && isNode(statement.declaration)) {
    inner = statement.declaration;
  }
  if (CONTEXT_TYPES.has(inner.type) || (statement.type === 'ExportNamedDeclaration' && inner === statement)) return { role: 'context', names: [] };
  if (inner.type === 'ExpressionStatement' && typeof inner.directive === 'string') return { role: 'context', names: [] };
  if (inner.type === 'VariableDeclaration') {
    const functions = functionValued(inner);
    if (functions) return { role: 'declaration', names: functions };
    const names: string[] = [];
    for (const declarator of (inner.declarations as unknown[] | undefined) ?? []) if (isNode(declarator)) patternNames(declarator.id, names);
    return { role: 'context', names };
  }
  if (DECLARATION_TYPES.has(inner.type)) {
    const name = identifierName(inner.id);
    // `declare module 'x' {}` and `declare global {}` name no binding: they stay.
    if (name) return { role: 'declaration', names: [name] };
    if (inner.type === 'TSModuleDeclaration') return { role: 'context', names: [] };
  }
  return { role: containsFunction(inner, keys) ? 'code' : 'context', names: [] };
}

/**
 * Describes `program.body` for region lints: range, role and declared
 * names of each top-level statement, in source order. Statements without a
 * `range` (a parser that gives none) are left out, which makes every edit
 * near them fall back to a full lint. Never throws on unknown node types
 * (they are `code` when a function is inside, else `context`).
 */
export function describeTopLevelStatements(program: AstNode, keys: VisitorKeys): TopLevelStatement[] {
  const statements: TopLevelStatement[] = [];
  for (const statement of (program.body as unknown[] | undefined) ?? []) {
    if (!isNode(statement) || !Array.isArray(statement.range)) continue;
    const { role, names } = describe(statement, keys);
    statements.push({ range: [statement.range[0], statement.range[1]], role, names });
  }
  return statements;
}
