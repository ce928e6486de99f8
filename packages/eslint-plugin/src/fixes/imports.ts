import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Scope = TSESLint.Scope.Scope;

/** How the fixed code names a runtime export, and the edit that makes the name exist. */
export interface Binding {
  /** Expression text to call: `redact`, `oiRedact`, `runtime.redact`. */
  readonly reference: string;
  /** The file's string quote, so added code matches it. */
  readonly quote: string;
  /** Adds or extends the import; absent when the binding is already there. */
  readonly fix?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

interface Style {
  readonly quote: string;
  readonly semicolon: string;
  readonly commonjs: boolean;
}

/**
 * Finds or creates a binding for `exportName` of `moduleName` visible at
 * `scope`: reuses an existing import or require (renamed, namespace, default
 * or whole-module), extends one that lacks the name, or adds a new statement
 * in the file's own module system. Never adds a second binding of one name.
 */
export function ensureBinding(
  sourceCode: SourceCode,
  scope: Scope,
  moduleName: string,
  exportName: string,
): Binding {
  const program = sourceCode.ast;
  // What the file's top level says is the same for every finding in it: looked up once per file, not per fix.
  const file = fileFacts(sourceCode);
  const style = (file.style ??= detectStyle(sourceCode, program));
  const { quote } = style;

  const foundKey = `${moduleName}\u0000${exportName}`;
  let found = file.found.get(foundKey);
  if (found === undefined) {
    found = null;
    for (const statement of program.body) {
      const reference = (fromImport(statement, moduleName, exportName) ?? fromRequire(statement, moduleName, exportName))?.reference;
      if (reference) {
        found = reference;
        break;
      }
    }
    file.found.set(foundKey, found);
  }
  if (found) return { reference: found, quote };

  const local = freeName(sourceCode, scope, exportName);
  const extensionKey = `${foundKey}\u0000${local}`;
  let extending = file.extending.get(extensionKey);
  if (extending === undefined) {
    extending = program.body.find((statement) => extendExisting(statement, moduleName, exportName, local) !== undefined) ?? null;
    file.extending.set(extensionKey, extending);
  }
  const extension = extending ? extendExisting(extending, moduleName, exportName, local) : undefined;
  if (extension) return { reference: local, quote, fix: extension };

  const statementText = style.commonjs
    ? `const { ${local === exportName ? exportName : `${exportName}: ${local}`} } = require(${quote}${moduleName}${quote})${style.semicolon}`
    : `import { ${local === exportName ? exportName : `${exportName} as ${local}`} } from ${quote}${moduleName}${quote}${style.semicolon}`;
  return { reference: local, quote, fix: insertStatement(program, statementText, style.commonjs) };
}

interface Found {
  readonly reference?: string;
}

interface FileFacts {
  style?: Style;
  /** Module + export → the name an existing import or require gives it (null: none). */
  readonly found: Map<string, string | null>;
  /** Module + export + local → the import or require statement a new name can be added to (null: none). */
  readonly extending: Map<string, TSESTree.ProgramStatement | null>;
}

const factsByFile = new WeakMap<object, FileFacts>();

function fileFacts(sourceCode: SourceCode): FileFacts {
  let facts = factsByFile.get(sourceCode);
  if (!facts) {
    facts = { found: new Map(), extending: new Map() };
    factsByFile.set(sourceCode, facts);
  }
  return facts;
}

function fromImport(statement: TSESTree.ProgramStatement, moduleName: string, exportName: string): Found | undefined {
  if (
    statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
    statement.importKind !== 'type' &&
    statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
    statement.moduleReference.expression.value === moduleName
  ) {
    return { reference: `${statement.id.name}.${exportName}` };
  }
  if (statement.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  if (statement.source.value !== moduleName || statement.importKind === 'type') return undefined;
  let whole: string | undefined;
  for (const specifier of statement.specifiers) {
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      if (specifier.importKind !== 'type' && importedName(specifier) === exportName) {
        return { reference: specifier.local.name };
      }
    } else {
      whole ??= `${specifier.local.name}.${exportName}`;
    }
  }
  return whole ? { reference: whole } : {};
}

function fromRequire(statement: TSESTree.ProgramStatement, moduleName: string, exportName: string): Found | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  for (const declarator of statement.declarations) {
    const init = declarator.init;
    if (init && isRequireOf(init, moduleName)) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier) return { reference: `${declarator.id.name}.${exportName}` };
      if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of declarator.id.properties) {
          if (
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            propertyName(property.key) === exportName &&
            property.value.type === AST_NODE_TYPES.Identifier
          ) {
            return { reference: property.value.name };
          }
        }
      }
    }
    if (
      init?.type === AST_NODE_TYPES.MemberExpression &&
      !init.computed &&
      init.property.type === AST_NODE_TYPES.Identifier &&
      init.property.name === exportName &&
      isRequireOf(init.object, moduleName) &&
      declarator.id.type === AST_NODE_TYPES.Identifier
    ) {
      return { reference: declarator.id.name };
    }
  }
  return undefined;
}

function extendExisting(
  statement: TSESTree.ProgramStatement,
  moduleName: string,
  exportName: string,
  local: string,
): Binding['fix'] {
  if (
    statement.type === AST_NODE_TYPES.ImportDeclaration &&
    statement.source.value === moduleName &&
    statement.importKind !== 'type'
  ) {
    const named = statement.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
    const text = local === exportName ? exportName : `${exportName} as ${local}`;
    const last = named.at(-1);
    if (last) return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
  }
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) {
      if (
        declarator.init &&
        isRequireOf(declarator.init, moduleName) &&
        declarator.id.type === AST_NODE_TYPES.ObjectPattern
      ) {
        const text = local === exportName ? exportName : `${exportName}: ${local}`;
        const properties = declarator.id.properties;
        const last = properties.at(-1);
        if (!last) continue;
        if (last.type === AST_NODE_TYPES.RestElement) {
          return (fixer) => fixer.insertTextBefore(last, `${text}, `);
        }
        return (fixer) => fixer.insertTextAfter(last, `, ${text}`);
      }
    }
  }
  return undefined;
}

function insertStatement(program: TSESTree.Program, text: string, commonjs: boolean): Binding['fix'] {
  const body = program.body;
  let anchor: TSESTree.ProgramStatement | undefined;
  for (const statement of body) {
    if (isDirective(statement) || (commonjs ? isRequireStatement(statement) : isImportStatement(statement))) {
      anchor = statement;
    } else {
      break;
    }
  }
  if (anchor) {
    const after = anchor;
    return (fixer) => fixer.insertTextAfter(after, `\n${text}`);
  }
  const first = body[0];
  if (first) return (fixer) => fixer.insertTextBefore(first, `${text}\n`);
  return (fixer) => fixer.insertTextAfterRange([0, 0], `${text}\n`);
}

/** A name for the new binding that shadows nothing and is shadowed by nothing. */
/** Names declared at file level or used as globals, per file: computed once, however many fixes the file gets. */
const fileNames = new WeakMap<object, ReadonlySet<string>>();

function fileLevelNames(sourceCode: SourceCode): ReadonlySet<string> {
  const known = fileNames.get(sourceCode);
  if (known) return known;
  const names = new Set<string>();
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((s) => s.type === TSESLint.Scope.ScopeType.module);
  for (const root of [sourceCode.scopeManager?.globalScope, moduleScope]) {
    if (!root) continue;
    for (const variable of root.variables) names.add(variable.name);
    for (const reference of root.through) names.add(reference.identifier.name);
  }
  fileNames.set(sourceCode, names);
  return names;
}

function freeName(sourceCode: SourceCode, scope: Scope, exportName: string): string {
  const fileLevel = fileLevelNames(sourceCode);
  const taken = new Set<string>();
  for (let s: Scope | null = scope; s; s = s.upper) {
    for (const variable of s.variables) taken.add(variable.name);
  }
  const isTaken = (name: string) => taken.has(name) || fileLevel.has(name);
  if (!isTaken(exportName)) return exportName;
  const base = `oi${exportName[0]?.toUpperCase() ?? ''}${exportName.slice(1)}`;
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}${i}`;
    if (!isTaken(candidate)) return candidate;
  }
}

function detectStyle(sourceCode: SourceCode, program: TSESTree.Program): Style {
  const modules = program.body.filter((s) => isImportStatement(s) || isRequireStatement(s));
  const sample = modules[0];
  let quote = "'";
  let semicolon = ';';
  if (sample) {
    const literal = sample.type === AST_NODE_TYPES.ImportDeclaration ? sample.source : requireLiteral(sample);
    if (literal?.raw.startsWith('"')) quote = '"';
    if (!sourceCode.getText(sample).trimEnd().endsWith(';')) semicolon = '';
  }
  return { quote, semicolon, commonjs: isCommonJs(program) };
}

function isCommonJs(program: TSESTree.Program): boolean {
  const esm = program.body.some(
    (s) =>
      s.type === AST_NODE_TYPES.ImportDeclaration ||
      s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      s.type === AST_NODE_TYPES.ExportAllDeclaration,
  );
  if (esm) return false;
  const sourceType = (program as { sourceType?: string }).sourceType;
  if (sourceType === 'script' || sourceType === 'commonjs') return true;
  return program.body.some((s) => isRequireStatement(s) || assignsModuleExports(s));
}

function assignsModuleExports(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression) return false;
  let target: TSESTree.Node = expression.left;
  while (target.type === AST_NODE_TYPES.MemberExpression) target = target.object;
  return (
    target.type === AST_NODE_TYPES.Identifier &&
    (target.name === 'module' || target.name === 'exports')
  );
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}

function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ImportDeclaration || statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration
  );
}

function isRequireStatement(statement: TSESTree.ProgramStatement): boolean {
  return requireLiteral(statement) !== undefined;
}

function requireLiteral(statement: TSESTree.ProgramStatement): TSESTree.StringLiteral | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return undefined;
  for (const declarator of statement.declarations) {
    const call = declarator.init && innermostRequire(declarator.init);
    if (call) return call.arguments[0] as TSESTree.StringLiteral;
  }
  return undefined;
}

/** `require('x')`, `require('x').y`, `require('pino')()`, `require('debug')('app')`. */
function innermostRequire(node: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (let current: TSESTree.Node | undefined = node; current; ) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee: TSESTree.Node = current.callee;
      if (isRequireCall(current)) return current;
      current = callee;
    } else {
      current = current.type === AST_NODE_TYPES.MemberExpression ? current.object : undefined;
    }
  }
  return undefined;
}

function isRequireCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const [argument] = node.arguments;
  return (
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    argument?.type === AST_NODE_TYPES.Literal &&
    typeof argument.value === 'string'
  );
}

function isRequireOf(node: TSESTree.Node, moduleName: string): boolean {
  return isRequireCall(node) && (node.arguments[0] as TSESTree.StringLiteral).value === moduleName;
}

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

function propertyName(key: TSESTree.PropertyName): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return undefined;
}
