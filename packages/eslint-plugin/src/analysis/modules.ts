// Across files: what a function imported from the project's own modules
// returns, whether it writes its arguments to a log, and whether an
// imported object is a logger. A relative import (`./util`, `../lib/log`)
// is resolved on disk, parsed once per process (per path, modification
// time and size) and analysed with the same tracer and sink finder as the
// linted file, to a small summary per export. Packages (bare specifiers)
// are never read: the catalog speaks for them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { LOGGER_FACTORIES, LOGGER_METHODS, LOGGER_MODULE_OBJECTS, ORIGIN_LOGGER_METHODS, type Kind } from '../catalog';
import { callsIn, childNodes, isFunction, keyName, propertyName, unwrap, type VisitorKeys } from './ast';
import { patternPath, Resolver, type ImportOrigin } from './resolve';
import type { Settings } from './settings';

type Node = TSESTree.Node;
type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** An identifier kind a function of another module returns. */
export interface ImportedKind {
  readonly kind: Kind;
  /** Known only from a name inside that module, not from a followed source. */
  readonly byName: boolean;
}

/** Which arguments of its calls an imported function writes to a log. */
export interface ImportedForwarding {
  /** Parameter positions whose whole values reach a sink in the function's body. */
  readonly parameters: ReadonlySet<number>;
  /** Destructured parameters (`{ email, teamId }`): by position, the properties whose values reach a sink. */
  readonly fields: ReadonlyMap<number, ReadonlySet<string>>;
  /** Every argument from this position on (a rest parameter, `arguments`). */
  readonly from?: number;
}

/** The per-file analysis parts a summary needs (created by `index.ts`, so this module does not import the tracer). */
export interface ModuleAnalysis {
  readonly resolver: Resolver;
  /** The kinds the values `node` can hold carry. */
  kindsOf(node: Node): readonly ImportedKind[];
  /** The arguments of `call` that it writes to a log, if it is a sink (directly or through a wrapper); `byNameOnly: false` leaves out imported functions known as log functions only by their name. */
  sinkArgumentsOf(call: TSESTree.CallExpression, options: { byNameOnly: boolean }): readonly Node[] | undefined;
  /** Is `node` a logger object (by name or by origin)? */
  isLogger(node: Node): boolean;
}

/** Builds the analysis of a parsed module (the same tracer and sink finder as a linted file, one level deeper). */
export type AnalyzeModule = (sourceCode: SourceCode, modules: ProjectModules) => ModuleAnalysis;

/** How to parse an imported file: the linted file's own parser when it gives a scope manager, else typescript-eslint's. */
interface ParserLike {
  parseForESLint?: (text: string, options: Record<string, unknown>) => { ast: unknown; scopeManager?: unknown; visitorKeys?: unknown; services?: unknown };
}

/** Imports followed from the linted file: that file's modules, and theirs (a wrapper imported from a module that imports the logger). */
const MAX_MODULE_DEPTH = 2;
/** Files larger than this are generated or bundled code: not read. */
const MAX_MODULE_BYTES = 512 * 1024;
/** Parsed modules kept per process, oldest dropped first, so a long editor session stays flat in memory. */
const MAX_CACHED_MODULES = 150;
/** Local aliases followed from a sink argument back to a parameter (`const record = { user }; log.info(record)`). */
const MAX_ALIAS_HOPS = 3;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/i;

interface CachedModule {
  readonly stamp: string;
  readonly summary: ModuleSummary | null;
}

/** Parsed modules by settings and path (settings objects are cached by content, so equal options share entries). */
const cache = new WeakMap<Settings, Map<string, CachedModule>>();
/**
 * Signs that a module may write to a log: a console or logger call, a
 * logging package, a stream write, or a relative import (a module it imports
 * may do it). Deliberately loose: it only spares the work for modules that
 * show none of them.
 */
const LOG_SIGNS = new RegExp(
  [
    'console\\.',
    '\\blog(?:ger|ging|s)?\\b',
    `\\.(?:${[...LOGGER_METHODS, ...ORIGIN_LOGGER_METHODS].join('|')})\\s*\\(`,
    `['"\`](?:${[...new Set([...LOGGER_FACTORIES, ...LOGGER_MODULE_OBJECTS].map((entry) => entry.module))].map(escapeRegExp).join('|')})['"\`/]`,
  ].join('|'),
);
/** A relative import in a file's text: `require('./x')`, `from '../y'`, `import('./z')`. */
export const RELATIVE_IMPORT_TEXT = /(?:\brequire\s*\(\s*|\bfrom\s*|\bimport\s*\(\s*)['"`]\.\.?\//;
const MAY_WRITE_LOGS = new RegExp(`${LOG_SIGNS.source}|${RELATIVE_IMPORT_TEXT.source}`);
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The text check's answers by file, with the stamp they were made for. */
const logWriters = new Map<string, { stamp: string; writes: boolean }>();

/** Relative specifiers resolved to files, by importing directory; a miss is kept briefly (an editor may create the file next). */
const resolved = new Map<string, string | { missedAt: number }>();
const MISS_TTL_MS = 2_000;

/**
 * The project's own modules as seen from one linted file. Every question
 * answers `undefined` when the import is not relative, the file cannot be
 * found, read or parsed, or the export is not a function or object the
 * module defines: cross-file facts only ever add what the module shows.
 */
export class ProjectModules {
  private readonly stamps = new Map<string, string | null>();
  /**
   * Does argument `index` of these arguments carry an identifier in the
   * linted file? Set by the file's analysis, so a call whose arguments carry
   * nothing never costs a module read; unset (in an imported module's own
   * analysis) every call is asked about.
   */
  carries: ((args: readonly Node[], index: number) => boolean) | undefined;

  /**
   * @param filename the linted file's absolute path (ESLint's `context.filename`); anything else (`<input>`) follows no imports
   * @param settings the analysis settings, applied to the imported modules too
   * @param parser the linted file's parser (`languageOptions.parser`, tried first), its options, and its SourceCode class
   * @param analyze builds a module's tracer and sink finder
   * @param depth how many imports away from the linted file this is (0 for the linted file)
   */
  constructor(
    private readonly filename: string,
    private readonly settings: Settings,
    private readonly parser: ParserHint,
    private readonly analyze: AnalyzeModule,
    private readonly depth = 0,
  ) {}

  /** The kinds a call of this imported function returns, or undefined when it is not a function of a project module. */
  returnsOf(origin: ImportOrigin): readonly ImportedKind[] | undefined {
    return this.ask(origin, (summary) => summary.returnsOf(origin.path));
  }

  /**
   * Could this project module write anything to a log (directly, or through
   * a module it imports)? A text check, once per file version, so that most
   * calls of project functions cost neither a parse nor a trace of their
   * arguments. False when the module cannot be followed or shows no sign of it.
   */
  mayWriteLogs(origin: ImportOrigin): boolean {
    const file = this.fileOf(origin.module);
    if (!file) return false;
    const stamp = this.stampOf(file);
    if (stamp === null) return false;
    const known = logWriters.get(file);
    if (known && known.stamp === stamp) return known.writes;
    let writes: boolean;
    try {
      writes = MAY_WRITE_LOGS.test(fs.readFileSync(file, 'utf8'));
    } catch {
      writes = false;
    }
    if (logWriters.size > 10_000) logWriters.clear();
    logWriters.set(file, { stamp, writes });
    return writes;
  }

  /** Which arguments of a call of this imported function reach a log in its body (undefined when none do). */
  forwardingOf(origin: ImportOrigin): ImportedForwarding | undefined {
    return this.ask(origin, (summary) => summary.forwardingOf(origin.path));
  }

  /** Is this imported value a logger the module creates (`export const log = pino()`, `module.exports = winston.createLogger(…)`)? */
  isLogger(origin: ImportOrigin): boolean {
    return this.ask(origin, (summary) => summary.isLogger(origin.path)) ?? false;
  }

  /** Is this imported value a literal the module defines (`export const chromeUserAgent = "Mozilla/5.0 …"`)? A constant names no one. */
  isConstant(origin: ImportOrigin): boolean {
    return this.ask(origin, (summary) => summary.isConstant(origin.path)) ?? false;
  }

  /** A question to a module's summary; a module the analysis cannot handle answers nothing rather than failing the linted file. */
  private ask<T>(origin: ImportOrigin, question: (summary: ModuleSummary) => T): T | undefined {
    try {
      const summary = this.summaryOf(origin.module);
      return summary ? question(summary) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The file a relative specifier names, when imports are followed from here. */
  private fileOf(specifier: string): string | undefined {
    if (this.depth >= MAX_MODULE_DEPTH || !isRelativeSpecifier(specifier) || !path.isAbsolute(this.filename)) return undefined;
    return resolveModule(path.dirname(this.filename), specifier);
  }

  /** The file's modification stamp, read once per linted file (null: not a readable script under the size limit). */
  private stampOf(file: string): string | null {
    let stamp = this.stamps.get(file);
    if (stamp === undefined) {
      stamp = statStamp(file);
      this.stamps.set(file, stamp);
    }
    return stamp;
  }

  private summaryOf(specifier: string): ModuleSummary | undefined {
    const file = this.fileOf(specifier);
    if (!file) return undefined;
    const stamp = this.stampOf(file);
    if (stamp === null) return undefined;
    let perSettings = cache.get(this.settings);
    if (!perSettings) {
      perSettings = new Map();
      cache.set(this.settings, perSettings);
    }
    const known = perSettings.get(file);
    if (known && known.stamp === stamp) return known.summary ?? undefined;
    // Claimed before parsing: a module that imports itself back finds "nothing" instead of recursing.
    perSettings.set(file, { stamp, summary: null });
    const summary = this.load(file);
    perSettings.delete(file);
    perSettings.set(file, { stamp, summary: summary ?? null });
    if (perSettings.size > MAX_CACHED_MODULES) perSettings.delete(perSettings.keys().next().value as string);
    return summary;
  }

  private load(file: string): ModuleSummary | undefined {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const sourceCode = parseModule(file, text, this.parser);
    if (!sourceCode) return undefined;
    const modules = new ProjectModules(file, this.settings, this.parser, this.analyze, this.depth + 1);
    try {
      return new ModuleSummary(sourceCode, this.analyze(sourceCode, modules));
    } catch {
      return undefined;
    }
  }
}

/** `./x`, `../x`: the project's own module, resolved on disk. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/**
 * The file a relative specifier names, as Node and TypeScript resolve it:
 * the exact file, then with each script extension, a `.js` written for a
 * `.ts` source (TypeScript's ESM convention), then `index.*` in a folder.
 *
 * @param directory the importing file's directory (absolute)
 * @param specifier a relative module specifier
 * @returns the absolute path, or undefined when no script file matches
 */
export function resolveModule(directory: string, specifier: string): string | undefined {
  const key = `${directory}\u0000${specifier}`;
  const known = resolved.get(key);
  if (typeof known === 'string') return known;
  if (known !== undefined && Date.now() - known.missedAt < MISS_TTL_MS) return undefined;
  const base = path.resolve(directory, specifier);
  const candidates = [
    ...(SCRIPT_FILE.test(base) ? [base] : []),
    ...EXTENSIONS.map((extension) => base + extension),
    ...(/\.[cm]?jsx?$/i.test(base) ? EXTENSIONS.slice(0, 4).map((extension) => base.replace(/\.[cm]?jsx?$/i, extension)) : []),
    ...EXTENSIONS.map((extension) => path.join(base, `index${extension}`)),
  ];
  const found = candidates.find((candidate) => isFile(candidate));
  if (resolved.size > 10_000) resolved.clear();
  resolved.set(key, found ?? { missedAt: Date.now() });
  return found;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function statStamp(file: string): string | null {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > MAX_MODULE_BYTES) return null;
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return null;
  }
}

const requireHere = createRequire(__filename);
let typescriptParser: ParserLike | null | undefined;
type SourceCodeConstructor = new (config: Record<string, unknown>) => SourceCode;
let loadedSourceCode: SourceCodeConstructor | null | undefined;

/** How to parse imported files: the linted file's parser, its options, and its SourceCode class. */
export interface ParserHint {
  readonly parser?: unknown;
  readonly parserOptions?: Record<string, unknown>;
  readonly sourceCodeClass?: SourceCodeConstructor;
}

/**
 * Parses an imported file into an ESLint `SourceCode` with a scope manager:
 * with the linted file's parser when it offers `parseForESLint`, else with
 * @typescript-eslint/parser (syntax only; it reads JS, JSX, TS and TSX).
 * Type information is never asked for (`project` options are dropped).
 * Undefined when no parser can read it.
 */
function parseModule(file: string, text: string, hint: ParserHint): SourceCode | undefined {
  // The class of the linted file's own SourceCode: the ESLint that runs the rule, even inside a bundle.
  const SourceCodeClass = hint.sourceCodeClass ?? (loadedSourceCode ??= loadSourceCode());
  if (!SourceCodeClass) return undefined;
  const typescript = /\.[cm]?tsx?$/i.test(file);
  const jsx = /x$/i.test(file) || !typescript;
  // Syntax only: options that would build a TypeScript program are dropped.
  const parserOptions = Object.fromEntries(
    Object.entries(hint.parserOptions ?? {}).filter(([key]) => !['project', 'projectService', 'programs', 'tsconfigRootDir'].includes(key)),
  );
  const options = {
    ...parserOptions,
    filePath: file,
    sourceType: 'module',
    ecmaVersion: 'latest',
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    ecmaFeatures: { ...(parserOptions.ecmaFeatures as object | undefined), jsx },
  };
  const own = hint.parser as ParserLike | undefined;
  // typescript-eslint's parser (and with it `typescript`) is loaded only when the file's own parser cannot read the module.
  const parsers = function* (): Generator<ParserLike> {
    if (typeof own?.parseForESLint === 'function') yield own;
    typescriptParser ??= loadTypeScriptParser();
    if (typescriptParser && typescriptParser !== own) yield typescriptParser;
  };
  for (const parser of parsers()) {
    try {
      const result = parser.parseForESLint!(text, options);
      if (!result.scopeManager) continue;
      setParents(result.ast as Node, (result.visitorKeys ?? {}) as Keys);
      return new SourceCodeClass({
        text,
        ast: result.ast,
        scopeManager: result.scopeManager,
        visitorKeys: result.visitorKeys,
        parserServices: result.services ?? {},
      });
    } catch {
      // This parser cannot read it (another language, a syntax error): try the next.
    }
  }
  return undefined;
}

/** `node.parent` everywhere, as ESLint sets it while it traverses a linted file (scope lookups walk up through it). */
function setParents(root: Node, keys: Keys): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of childNodes(node, keys)) {
      (child as { parent: Node }).parent = node;
      stack.push(child);
    }
  }
}

function loadTypeScriptParser(): ParserLike | null {
  try {
    return requireHere('@typescript-eslint/parser') as ParserLike;
  } catch {
    return null; // no TypeScript installed: only the linted file's own parser is tried
  }
}

function loadSourceCode(): SourceCodeConstructor | null {
  try {
    // The ESLint that runs this plugin (a peer dependency) builds SourceCode the way rules expect it.
    return (requireHere('eslint') as { SourceCode: SourceCodeConstructor }).SourceCode;
  } catch {
    return null;
  }
}

/** One module's exports, summarized on demand and memoized per export path. */
class ModuleSummary {
  private readonly returnsMemo = new Map<string, readonly ImportedKind[] | null>();
  private readonly forwardingMemo = new Map<string, ImportedForwarding | null>();
  private exportIndex: Map<string, Node> | undefined;

  constructor(
    private readonly sourceCode: SourceCode,
    private readonly analysis: ModuleAnalysis,
  ) {}

  returnsOf(exportPath: readonly string[]): readonly ImportedKind[] | undefined {
    const key = exportPath.join('.');
    if (this.returnsMemo.has(key)) return this.returnsMemo.get(key) ?? undefined;
    this.returnsMemo.set(key, null);
    const fn = this.functionAt(exportPath);
    let result: ImportedKind[] | undefined;
    if (fn) {
      const seen = new Set<string>();
      result = [];
      for (const value of this.analysis.resolver.returnsOf(fn)) {
        for (const carried of this.analysis.kindsOf(value)) {
          // Only sources the module's analysis followed: a name inside another module (a config field
          // called `username`) is weaker evidence than the call's own name, which still speaks at the call site.
          if (carried.byName) continue;
          const id = carried.kind;
          if (!seen.has(id)) {
            seen.add(id);
            result.push(carried);
          }
        }
      }
    }
    this.returnsMemo.set(key, result ?? null);
    return result;
  }

  forwardingOf(exportPath: readonly string[]): ImportedForwarding | undefined {
    const key = exportPath.join('.');
    if (this.forwardingMemo.has(key)) return this.forwardingMemo.get(key) ?? undefined;
    this.forwardingMemo.set(key, null);
    const fn = this.functionAt(exportPath);
    const result = fn ? this.computeForwarding(fn) : undefined;
    this.forwardingMemo.set(key, result ?? null);
    return result;
  }

  isConstant(exportPath: readonly string[]): boolean {
    const value = this.valueAt(exportPath);
    if (!value) return false;
    let inner = value;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const single = this.analysis.resolver.singleValue(inner);
      inner = single && single.pattern.steps.length === 0 ? unwrap(single.value) : inner;
    }
    return inner.type === AST_NODE_TYPES.Literal || (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0);
  }

  isLogger(exportPath: readonly string[]): boolean {
    const value = this.valueAt(exportPath);
    return value !== undefined && !isFunction(value) && this.analysis.isLogger(value);
  }

  /** Parameters of `fn` whose values a sink call in its body writes (directly, or as a member or part of an argument). */
  private computeForwarding(fn: FunctionNode): ImportedForwarding | undefined {
    const parameters = new Set<number>();
    const fields = new Map<number, Set<string>>();
    let from: number | undefined;
    const variables = new Map<TSESLint.Scope.Variable, { index: number; field: string | undefined }>();
    for (const variable of this.sourceCode.getDeclaredVariables(fn)) {
      const def = variable.defs.find((candidate) => candidate.type === TSESLint.Scope.DefinitionType.Parameter);
      if (!def) continue;
      const name = def.name as Node;
      const index = fn.params.findIndex((param) => param.range[0] <= name.range[0] && name.range[1] <= param.range[1]);
      if (index < 0) continue;
      // `{ email }: Props`: the binding is one property of the argument (deeper or computed paths count as the whole).
      const steps = patternPath(name).steps;
      variables.set(variable, { index, field: steps.length === 1 && steps[0] !== '*' ? steps[0] : undefined });
    }
    const argumentsVariable = this.sourceCode.scopeManager?.acquire(fn)?.set.get('arguments');
    for (const call of callsIn(fn, this.sourceCode.visitorKeys, true)) {
      const args = this.analysis.sinkArgumentsOf(call, { byNameOnly: false });
      if (!args) continue;
      const pending = args.map((arg) => ({ node: arg, hops: 0 }));
      const seen = new Set<Node>();
      while (pending.length > 0) {
        const { node, hops } = pending.pop()!;
        if (seen.has(node)) continue;
        seen.add(node);
        for (const identifier of identifiersWithin(node, this.sourceCode.visitorKeys)) {
          const variable = this.analysis.resolver.variableOf(identifier);
          if (!variable) continue;
          if (variable === argumentsVariable) {
            from = 0;
            continue;
          }
          const parameter = variables.get(variable);
          if (parameter === undefined) {
            // `const record = { ip: req.ip }; logger.info(record)`: a local alias, followed a few hops.
            const single = hops < MAX_ALIAS_HOPS ? this.analysis.resolver.singleValue(identifier) : undefined;
            if (single) pending.push({ node: single.value, hops: hops + 1 });
            continue;
          }
          const { index, field } = parameter;
          if (fn.params[index]?.type === AST_NODE_TYPES.RestElement) from = Math.min(from ?? index, index);
          else if (field !== undefined) fields.set(index, (fields.get(index) ?? new Set()).add(field));
          else parameters.add(index);
        }
      }
    }
    return parameters.size > 0 || fields.size > 0 || from !== undefined ? { parameters, fields, from } : undefined;
  }

  private functionAt(exportPath: readonly string[]): FunctionNode | undefined {
    const value = this.valueAt(exportPath);
    if (!value) return undefined;
    if (isFunction(value)) return value;
    return value.type === AST_NODE_TYPES.Identifier ? this.analysis.resolver.localFunction(value) : undefined;
  }

  /** The expression an export path names: `[]` the default export or `module.exports`, `['f']` a named export or property of it. */
  private valueAt(exportPath: readonly string[]): Node | undefined {
    if (exportPath.length > 1) return undefined;
    this.exportIndex ??= indexExports(this.sourceCode.ast, this.analysis.resolver);
    const value = this.exportIndex.get(exportPath[0] ?? '');
    if (!value) return undefined;
    return unwrap(value);
  }
}

/**
 * What a module exports, by name (`''` for the default export or the whole
 * `module.exports`): ESM declarations and specifiers, `module.exports = …`
 * (an object literal's properties too), `module.exports.x = …`, `exports.x = …`.
 */
function indexExports(program: TSESTree.Program, resolver: Resolver): Map<string, Node> {
  const exports = new Map<string, Node>();
  const add = (name: string, value: Node | null | undefined): void => {
    if (value && !exports.has(name)) exports.set(name, value);
  };
  const addObject = (value: Node): void => {
    let object = unwrap(value);
    if (object.type === AST_NODE_TYPES.Identifier) {
      const single = resolver.singleValue(object);
      if (single && single.pattern.steps.length === 0) object = unwrap(single.value);
    }
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const name = keyName(property);
      if (name !== undefined) add(name, property.value);
    }
  };
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) add(declaration.id.name, declaration);
      if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier) add(declarator.id.name, declarator.init);
        }
      }
      if (!statement.source) {
        for (const specifier of statement.specifiers) {
          const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : String(specifier.exported.value);
          if (specifier.local.type === AST_NODE_TYPES.Identifier) add(exported === 'default' ? '' : exported, specifier.local);
        }
      }
    } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      add('', statement.declaration);
    } else if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      const { left, right } = statement.expression;
      const target = exportTarget(left);
      if (target === '') {
        add('', right);
        addObject(right);
      } else if (target !== undefined) {
        add(target, right);
      }
    }
  }
  return exports;
}

/** `module.exports` → `''`; `module.exports.x` / `exports.x` → `'x'`; anything else undefined. */
function exportTarget(left: Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(left);
  const object = unwrap(left.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return '';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  if (object.type === AST_NODE_TYPES.MemberExpression && exportTarget(object) === '') return name;
  return undefined;
}

type Keys = VisitorKeys;

/** The nodes of an expression, parents first, not entering the functions inside it. */
function* walk(root: Node, keys: Keys): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (node === root || !isFunction(node)) stack.push(...childNodes(node, keys));
  }
}

const TESTING_OPERATORS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);

/** Is this node only tested or called, so its value does not flow into the expression (`extra ? 1 : 0`, `!x`, `a === b`, `f(…)`)? */
function onlyTested(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.UnaryExpression:
      return true;
    case AST_NODE_TYPES.BinaryExpression:
      return TESTING_OPERATORS.has(parent.operator);
    case AST_NODE_TYPES.CallExpression:
      return parent.callee === node;
    default:
      return false;
  }
}

/** Methods that hand on their receiver's whole content: `parts.join(' ')`, `who.toString()`. */
const WHOLE_VALUE_METHODS = new Set(['join', 'toString', 'concat', 'slice', 'flat', 'toJSON', 'trim', 'valueOf']);

function isWholeValueMethod(member: TSESTree.MemberExpression): boolean {
  const name = propertyName(member);
  return name !== undefined && WHOLE_VALUE_METHODS.has(name) && member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/** Identifiers whose values an expression can hold (not property keys, member names, tests or callees). */
function identifiersWithin(expression: Node, keys: Keys): TSESTree.Identifier[] {
  const identifiers: TSESTree.Identifier[] = [];
  const skipped = new Set<Node>();
  for (const node of walk(expression, keys)) {
    if (node !== expression && (skipped.has(node.parent!) || onlyTested(node))) {
      skipped.add(node);
      continue;
    }
    if (node.type !== AST_NODE_TYPES.Identifier) continue;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) continue;
    // `logger.info(config.port)` writes a member, not the value: only whole values count (and `parts.join(' ')`).
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && !isWholeValueMethod(parent)) continue;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed && !parent.shorthand) continue;
    identifiers.push(node);
  }
  return identifiers;
}
