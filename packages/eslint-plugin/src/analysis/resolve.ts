import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { DefinitionType } = TSESLint.Scope;
import { isFunction, keyName, propertyName, staticString, unwrap } from './ast';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;
type SourceCode = Readonly<TSESLint.SourceCode>;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** Where an imported value comes from: the module and the export path (`[]` = the module object or its default). */
export interface ImportOrigin {
  readonly module: string;
  readonly path: readonly string[];
}

/** One step from a destructuring pattern's root to a binding: a property name, `*` for an element or dynamic key. */
export interface PatternStep {
  readonly steps: readonly string[];
  /** Default values met on the way (`{ ip = fallback }`): they flow into the binding too. */
  readonly defaults: readonly TSESTree.Expression[];
  /** The pattern's root node (declarator id, assignment left, parameter). */
  readonly root: TSESTree.Node;
}

/**
 * Scope questions the analysis asks, answered from ESLint's scope manager
 * and memoized per file.
 */
export class Resolver {
  private referenceByIdentifier: Map<TSESTree.Node, Reference> | undefined;
  private readonly importMemo = new Map<TSESTree.Node, ImportOrigin | null>();
  private readonly returnsMemo = new Map<TSESTree.Node, TSESTree.Node[]>();
  private readonly importDepth = { value: 0 };
  private memberFunctionIndex: Map<string, { object: TSESTree.Node; fn: FunctionNode }[]> | undefined;
  private methodCallIndex: Map<string, TSESTree.CallExpression[]> | undefined;
  private readonly writesMemo = new Map<Variable, Reference[]>();
  private readonly callSitesMemo = new Map<TSESTree.Node, { calls: TSESTree.CallExpression[]; complete: boolean }>();

  constructor(readonly sourceCode: SourceCode) {}

  /** The variable an identifier (a reference or a declaration) denotes. */
  variableOf(identifier: TSESTree.Identifier): Variable | undefined {
    const reference = this.referenceOf(identifier);
    if (reference) return reference.resolved ?? undefined;
    // A declaration site (destructuring pattern, parameter) is not a reference.
    let first: Variable | undefined;
    for (let scope: TSESLint.Scope.Scope | null = this.sourceCode.getScope(identifier); scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable?.identifiers.includes(identifier)) return variable;
      first ??= variable;
    }
    return first;
  }

  referenceOf(identifier: TSESTree.Node): Reference | undefined {
    if (!this.referenceByIdentifier) {
      this.referenceByIdentifier = new Map();
      for (const scope of this.sourceCode.scopeManager?.scopes ?? []) {
        for (const reference of scope.references) this.referenceByIdentifier.set(reference.identifier, reference);
      }
    }
    return this.referenceByIdentifier.get(identifier);
  }

  /** Is this identifier a global (no declaration in the file)? */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    return !variable || variable.defs.length === 0;
  }

  /** The module and export an expression reads (`import`, `require`, renames, namespaces, members of those). */
  importOf(node: TSESTree.Node): ImportOrigin | undefined {
    const memo = this.importMemo.get(node);
    if (memo !== undefined) return memo ?? undefined;
    if (this.importDepth.value > 20) return undefined;
    this.importMemo.set(node, null); // cycle guard
    this.importDepth.value++;
    try {
      const result = this.computeImport(node);
      this.importMemo.set(node, result ?? null);
      return result;
    } finally {
      this.importDepth.value--;
    }
  }

  private computeImport(node: TSESTree.Node): ImportOrigin | undefined {
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.AwaitExpression) return this.importOf(inner.argument);
    if (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.ImportExpression) {
      const module = requiredModule(inner);
      return module === undefined ? undefined : { module, path: [] };
    }
    if (inner.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(inner);
      if (name === undefined) return undefined;
      const base = this.importOf(inner.object);
      return base ? { module: base.module, path: normalizePath([...base.path, name]) } : undefined;
    }
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(inner);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return undefined;
    if (def.type === DefinitionType.ImportBinding) {
      const specifier = def.node as TSESTree.Node;
      // `import x = require('m')` (TypeScript): the module object.
      if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
        const reference = specifier.moduleReference;
        return reference.type === AST_NODE_TYPES.TSExternalModuleReference ? { module: reference.expression.value, path: [] } : undefined;
      }
      const declaration = def.parent as TSESTree.ImportDeclaration | null;
      if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
      const module = declaration.source.value;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
        const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : String(specifier.imported.value);
        return { module, path: normalizePath([imported]) };
      }
      return { module, path: [] };
    }
    if (def.type !== DefinitionType.Variable) return undefined;
    const writes = this.writesOf(variable);
    if (writes.length !== 1) return undefined;
    const write = writes[0];
    if (!write.writeExpr) return undefined;
    const pattern = patternPath(write.identifier);
    if (pattern.steps.includes('*')) return undefined;
    const base = this.importOf(write.writeExpr);
    return base ? { module: base.module, path: normalizePath([...base.path, ...pattern.steps]) } : undefined;
  }

  /** Write references of a variable (initializers, assignments, for-of bindings). */
  writesOf(variable: Variable): Reference[] {
    // Memoized: a variable written in one place and read in thousands would otherwise cost its reads on every question.
    let writes = this.writesMemo.get(variable);
    if (!writes) {
      writes = variable.references.filter((reference) => reference.isWrite());
      this.writesMemo.set(variable, writes);
    }
    return writes;
  }

  /**
   * The single value a constant-like variable holds, with the destructuring
   * steps from that value to the binding; undefined when it is written more
   * than once or not by a plain declaration.
   */
  singleValue(identifier: TSESTree.Identifier): { value: TSESTree.Node; pattern: PatternStep } | undefined {
    const variable = this.variableOf(identifier);
    if (!variable || variable.defs.length !== 1 || variable.defs[0]?.type !== DefinitionType.Variable) return undefined;
    const writes = this.writesOf(variable);
    if (writes.length !== 1) return undefined;
    const write = writes[0];
    if (!write.writeExpr || isForBinding(write.identifier)) return undefined;
    return { value: write.writeExpr, pattern: patternPath(write.identifier) };
  }

  private assignsFunctions: boolean | undefined;

  /** Does the file assign a function to a member anywhere (`x.y = function`, `x.y = (…) =>`)? A text check, before any walk. */
  assignsMemberFunctions(): boolean {
    this.assignsFunctions ??= /\.\s*[\w$]+\s*=\s*(?:async\s+)?(?:function\b|\(|[\w$]+\s*=>)/.test(this.sourceCode.text);
    return this.assignsFunctions;
  }

  /** Functions assigned onto an object's member anywhere in the file: `req.describe = function () { … }`, by member name. */
  memberFunctions(name: string): readonly { object: TSESTree.Node; fn: FunctionNode }[] {
    if (!this.memberFunctionIndex) this.indexFile();
    return this.memberFunctionIndex!.get(name) ?? [];
  }

  /** Calls of a method of that name anywhere in the file (`x.set(…)`). */
  callsOfMethod(name: string): readonly TSESTree.CallExpression[] {
    if (!this.methodCallIndex) this.indexFile();
    return this.methodCallIndex!.get(name) ?? [];
  }

  /** One walk of the file for the member-function and method-call indexes. */
  private indexFile(): void {
    const functions = new Map<string, { object: TSESTree.Node; fn: FunctionNode }[]>();
    const calls = new Map<string, TSESTree.CallExpression[]>();
    const keys = this.sourceCode.visitorKeys;
    const stack: TSESTree.Node[] = [this.sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
        const right = unwrap(node.right);
        const name = propertyName(node.left);
        if (name !== undefined && isFunction(right)) {
          const list = functions.get(name) ?? [];
          list.push({ object: node.left.object, fn: right });
          functions.set(name, list);
        }
      } else if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(node.callee);
        if (name !== undefined) {
          const list = calls.get(name) ?? [];
          list.push(node);
          calls.set(name, list);
        }
      }
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) if (isNode(item)) stack.push(item);
        } else if (isNode(child)) {
          stack.push(child);
        }
      }
    }
    this.memberFunctionIndex = functions;
    this.methodCallIndex = calls;
  }

  /** Return expressions of a function (expression body included), not those of nested functions. */
  returnsOf(fn: FunctionNode): TSESTree.Node[] {
    const memo = this.returnsMemo.get(fn);
    if (memo) return memo;
    const result: TSESTree.Node[] = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      result.push(fn.body);
    } else {
      const keys = this.sourceCode.visitorKeys;
      const visit = (node: TSESTree.Node): void => {
        if (node.type === AST_NODE_TYPES.ReturnStatement) {
          if (node.argument) result.push(node.argument);
          return;
        }
        if (isFunction(node) || node.type === AST_NODE_TYPES.ClassBody) return;
        for (const key of keys[node.type] ?? []) {
          const child = (node as unknown as Record<string, unknown>)[key];
          if (Array.isArray(child)) {
            for (const item of child) if (isNode(item)) visit(item);
          } else if (isNode(child)) {
            visit(child);
          }
        }
      };
      for (const statement of fn.body.body) visit(statement);
    }
    this.returnsMemo.set(fn, result);
    return result;
  }

  /** The local function a callee denotes (declaration, or a const bound to a function expression). */
  localFunction(callee: TSESTree.Node): FunctionNode | undefined {
    const inner = unwrap(callee);
    if (isFunction(inner)) return inner;
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(inner);
    const def = variable?.defs[0];
    if (!variable || !def || variable.defs.length !== 1) return undefined;
    if (def.type === DefinitionType.FunctionName && isFunction(def.node)) return def.node;
    if (def.type === DefinitionType.Variable) {
      const single = this.singleValue(inner);
      if (single && single.pattern.steps.length === 0) {
        const value = unwrap(single.value);
        if (isFunction(value)) return value;
      }
    }
    return undefined;
  }

  /**
   * Call sites of a local function, and whether they are all of them (the
   * function is neither exported nor passed around).
   */
  callSitesOf(fn: FunctionNode): { calls: TSESTree.CallExpression[]; complete: boolean } {
    let memo = this.callSitesMemo.get(fn);
    if (!memo) {
      memo = this.computeCallSites(fn);
      this.callSitesMemo.set(fn, memo);
    }
    return memo;
  }

  private computeCallSites(fn: FunctionNode): { calls: TSESTree.CallExpression[]; complete: boolean } {
    let name: TSESTree.Identifier | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      name = fn.id ?? undefined;
    } else if (fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier) {
      name = fn.parent.id;
    }
    if (!name) return { calls: [], complete: false };
    const exported =
      fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      fn.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      fn.parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
    const variable = this.variableOf(name);
    if (!variable) return { calls: [], complete: false };
    const calls: TSESTree.CallExpression[] = [];
    let complete = !exported;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const parent = reference.identifier.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
        calls.push(parent);
      } else {
        complete = false;
      }
    }
    if (calls.length === 0) complete = false;
    return { calls, complete };
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function normalizePath(path: readonly string[]): string[] {
  // `require('m').default`, `import { default as x }`: the default export is the module here.
  return path[0] === 'default' ? path.slice(1) : [...path];
}

/** `require('m')`, `import('m')`, `await import('m')`: the module specifier. */
export function requiredModule(node: TSESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.ImportExpression) return staticString(inner.source);
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.Identifier &&
    inner.callee.name === 'require' &&
    inner.arguments.length >= 1
  ) {
    return staticString(inner.arguments[0]);
  }
  return undefined;
}

function isForBinding(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node | undefined = identifier;
  while (node?.parent && node.parent.type !== AST_NODE_TYPES.VariableDeclaration) {
    if (node.parent.type === AST_NODE_TYPES.ForOfStatement || node.parent.type === AST_NODE_TYPES.ForInStatement) {
      return node.parent.left === node;
    }
    node = node.parent;
  }
  const declaration = node?.parent;
  const loop = declaration?.parent;
  return (
    (loop?.type === AST_NODE_TYPES.ForOfStatement || loop?.type === AST_NODE_TYPES.ForInStatement) && loop.left === declaration
  );
}

/** The loop a binding is declared by, if any (`for (const x of xs)`). */
export function forLoopOf(identifier: TSESTree.Node): TSESTree.ForOfStatement | TSESTree.ForInStatement | undefined {
  let node: TSESTree.Node = identifier;
  for (let guard = 0; node.parent && guard < 50; guard++) {
    const parent: TSESTree.Node = node.parent;
    if ((parent.type === AST_NODE_TYPES.ForOfStatement || parent.type === AST_NODE_TYPES.ForInStatement) && parent.left === node) {
      return parent;
    }
    if (
      parent.type !== AST_NODE_TYPES.VariableDeclaration &&
      parent.type !== AST_NODE_TYPES.VariableDeclarator &&
      parent.type !== AST_NODE_TYPES.ObjectPattern &&
      parent.type !== AST_NODE_TYPES.ArrayPattern &&
      parent.type !== AST_NODE_TYPES.Property &&
      parent.type !== AST_NODE_TYPES.AssignmentPattern &&
      parent.type !== AST_NODE_TYPES.RestElement
    ) {
      return undefined;
    }
    node = parent;
  }
  return undefined;
}

/**
 * The steps from a destructuring pattern's root down to a binding:
 * `const { headers: { cookie: c } } = req` gives `headers`, `cookie` for `c`.
 */
export function patternPath(identifier: TSESTree.Node): PatternStep {
  const steps: string[] = [];
  const defaults: TSESTree.Expression[] = [];
  let node: TSESTree.Node = identifier;
  for (let guard = 0; node.parent && guard < 50; guard++) {
    const parent: TSESTree.Node = node.parent;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
      steps.unshift(keyName(parent) ?? '*');
      node = parent.parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.ArrayPattern) {
      steps.unshift('*');
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === node) {
      defaults.push(parent.right);
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.RestElement) {
      node = parent.parent;
      continue;
    }
    break;
  }
  return { steps, defaults, root: node };
}
