// The fast parser: oxc-parser (Rust, ESTree and TS-ESTree) plus ESLint's own
// scope analysis, tokens built from the AST, and espree / typescript-estree
// as the automatic fallback. Usable by anyone:
//   languageOptions: { parser: require('online-identifiers/parser') }
import * as path from 'node:path';
import type { Linter } from 'eslint';
import * as eslintScope from 'eslint-scope';
import * as evk from 'eslint-visitor-keys';
import { analyze as analyzeTypeScript, type AnalyzeOptions } from '@typescript-eslint/scope-manager';
import { visitorKeys as tsVisitorKeys } from '@typescript-eslint/visitor-keys';
import { convertProgram, type RawNode } from './convert';
import { ForwardLocator, lineStarts } from './locations';
import { tokenize, type RawComment, type Token } from './tokens';
import { parseWithReference, noteFallback } from './fallback';
import { lazyTokens, memoize } from './lazy-tokens';

export { setFallbackListener, type FallbackEvent } from './fallback';

// oxc-parser is an ES module; Node 20.19+ and 22.12+ (this package's
// engines) load it with require. Typed here by the part we use.
interface OxcParser {
  parseSync(
    this: void,
    filename: string,
    text: string,
    options: {
      lang: Language;
      sourceType: string;
      astType: 'js' | 'ts';
      range: boolean;
      preserveParens: boolean;
      showSemanticErrors: boolean;
      experimentalRawTransfer?: boolean;
    },
  ): { program: unknown; comments: RawComment[]; errors: { message: string }[] };
  rawTransferSupported?(this: void): boolean;
}
/** oxc-parser, or why it could not be loaded (no native binding for this platform): then every file falls back. */
const oxc: OxcParser | string = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('oxc-parser') as OxcParser;
  } catch (error) {
    return `oxc-parser could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
})();

/**
 * Whether oxc hands its AST over by raw transfer: the Rust side writes it to
 * a shared buffer that JS reads straight into objects, with no JSON between
 * (a third of the fast path's time otherwise). oxc-parser supports it on
 * 64-bit little-endian machines under Node 22+ (`rawTransferSupported()`;
 * Node 20 cannot make the typed array it needs). The AST is the same either
 * way. Off when `ONLINE_IDENTIFIERS_OXC_RAW_TRANSFER=0`, and for the rest of
 * the process the first time it throws (a runtime that refuses the 6 GiB of
 * address space it reserves): that file and the next go through JSON.
 */
let rawTransfer: boolean = (() => {
  if (typeof oxc === 'string' || process.env.ONLINE_IDENTIFIERS_OXC_RAW_TRANSFER === '0') return false;
  try {
    return oxc.rawTransferSupported?.() === true;
  } catch {
    return false;
  }
})();

/** Whether the fast parser reads oxc's AST by raw transfer in this process (see above); for benchmarks and tests. */
export function usesRawTransfer(): boolean {
  return rawTransfer;
}

/** Parser options as ESLint hands them to `parseForESLint` (see ESLint's languages/js). */
export interface ParserOptions {
  ecmaVersion?: number | 'latest';
  sourceType?: 'script' | 'module' | 'commonjs';
  ecmaFeatures?: { jsx?: boolean; globalReturn?: boolean; impliedStrict?: boolean };
  /** Set by ESLint: decides JS or TS, JSX or not, by extension. */
  filePath?: string;
  /** typescript-estree's scope options, honoured the same way. */
  jsxPragma?: string | null;
  jsxFragmentName?: string | null;
  lib?: AnalyzeOptions['lib'];
  /**
   * Leave `ast.tokens` empty and build the tokens only when something asks
   * `parserServices.lazyTokens()` (the same array, on first call). For
   * configs whose rules read no tokens through SourceCode, such as the scan's
   * and the language server's (this plugin's rules ask through the service):
   * most files have no finding and never need them. Core and stylistic rules
   * read SourceCode's token store, which is then empty: leave it off for them.
   */
  lazyTokens?: boolean;
  [key: string]: unknown;
}

/** Globs of the files this parser reads as JavaScript (espree's AST and eslint-scope). */
export const JAVASCRIPT_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
/** Globs of the files it reads as TypeScript (typescript-estree's AST and scope manager). */
export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export const meta = { name: 'online-identifiers/parser', version: '0.1.0' };

type Language = 'js' | 'jsx' | 'ts' | 'tsx' | 'dts';

/** JS or TS from the extension, as typescript-estree decides; JSX for JS only when asked. */
function languageOf(filePath: string | undefined, jsx: boolean): Language {
  const name = filePath ?? '';
  if (/\.d\.[cm]?ts$/i.test(name)) return 'dts';
  switch (path.extname(name).toLowerCase()) {
    case '.ts':
    case '.mts':
    case '.cts':
      return 'ts';
    case '.tsx':
      return 'tsx';
    default:
      return jsx ? 'jsx' : 'js';
  }
}

const jsKeys = (node: RawNode): readonly string[] => (evk.KEYS as Record<string, readonly string[]>)[node.type] ?? evk.getKeys(node);
const tsKeys = (node: RawNode): readonly string[] =>
  (tsVisitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? evk.getKeys(node);

/**
 * ESLint's custom-parser entry point. `code` is the file's text (shebang
 * already turned into a comment by ESLint); options are ESLint's, with
 * `filePath`. Returns the AST (with `range` and `loc` in UTF-16 offsets,
 * `tokens`, `comments`), the scope manager and visitor keys — for `.ts`,
 * `.tsx`, `.mts`, `.cts` the ones @typescript-eslint/parser gives (without
 * type information), otherwise espree's. When oxc rejects the text or its
 * AST cannot be converted, the same file goes to espree or
 * @typescript-eslint/parser instead (reported once, see setFallbackListener),
 * so syntax errors read exactly as theirs.
 * @throws the reference parser's syntax error, which ESLint turns into a fatal message.
 */
export function parseForESLint(code: string, options: ParserOptions = {}): Linter.ESLintParseResult {
  const jsx = options.ecmaFeatures?.jsx === true;
  const language = languageOf(options.filePath, jsx);
  const typescript = language === 'ts' || language === 'tsx' || language === 'dts';
  let reason: string;
  try {
    const parsed = parseFast(code, options, language, typescript);
    if (typeof parsed !== 'string') return parsed;
    reason = parsed;
  } catch (error) {
    reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  let result: Linter.ESLintParseResult;
  try {
    result = parseWithReference(code, options, typescript);
  } catch (error) {
    noteFallback({ filePath: options.filePath, reason, typescript, recovered: false });
    throw error;
  }
  noteFallback({ filePath: options.filePath, reason, typescript, recovered: true });
  return result;
}

/** The fast path: a parse result, or why it cannot give one. */
function parseFast(code: string, options: ParserOptions, language: Language, typescript: boolean): Linter.ESLintParseResult | string {
  // typescript-estree reads everything that is not a module as a script.
  const sourceType = options.sourceType ?? 'script';
  const oxcSourceType = typescript ? (sourceType === 'module' ? 'module' : 'script') : sourceType;
  if (typeof oxc === 'string') return oxc;
  const filename = options.filePath ?? `file.${language === 'dts' ? 'd.ts' : language}`;
  const oxcOptions = {
    lang: language,
    sourceType: oxcSourceType,
    astType: typescript ? ('ts' as const) : ('js' as const),
    range: true,
    preserveParens: false,
    // espree's early errors (redeclarations, duplicate constructors, ...) are
    // semantic errors to oxc: without them oxc would accept what espree rejects.
    showSemanticErrors: true,
  };
  let result: ReturnType<OxcParser['parseSync']> | undefined;
  if (rawTransfer) {
    try {
      result = oxc.parseSync(filename, code, { ...oxcOptions, experimentalRawTransfer: true });
    } catch {
      rawTransfer = false;
    }
  }
  result ??= oxc.parseSync(filename, code, oxcOptions);
  const firstError = result.errors[0];
  if (firstError !== undefined) return `oxc: ${firstError.message}`;
  const program = result.program as RawNode;
  const comments = result.comments;
  const starts = lineStarts(code);
  const facts = convertProgram(program, starts, typescript ? tsKeys : jsKeys, typescript);
  const buildTokens = (): Token[] => tokenize(code, comments, facts, new ForwardLocator(starts), typescript);
  // Lazily: ESLint gets no tokens, the rules that ask get them from the service (see ParserOptions.lazyTokens).
  const lazy = options.lazyTokens === true;
  const tokens = lazy ? [] : buildTokens();
  const services: Record<string, unknown> = lazy ? { lazyTokens: memoize(() => lazyTokens(buildTokens, code, options, typescript)) } : {};
  const commentLocator = new ForwardLocator(starts);
  program.comments = comments.map((comment) => ({
    type: comment.type,
    value: comment.value,
    range: [comment.start, comment.end],
    loc: { start: commentLocator.at(comment.start), end: commentLocator.at(comment.end) },
  }));
  program.tokens = tokens;
  if (typescript) {
    program.sourceType = oxcSourceType;
    const scopeManager = analyzeTypeScript(program as never, {
      globalReturn: options.ecmaFeatures?.globalReturn,
      jsxPragma: options.jsxPragma,
      jsxFragmentName: options.jsxFragmentName,
      lib: options.lib,
      sourceType: oxcSourceType,
    });
    return { ast: program, scopeManager, visitorKeys: tsVisitorKeys, services } as unknown as Linter.ESLintParseResult;
  }
  const ecmaFeatures = options.ecmaFeatures ?? {};
  // As ESLint does for espree (languages/js analyzeScope), minus the key
  // table: esrecurse copies it for every pattern; its own keys name the same
  // children, and unknown nodes reach the same fallback.
  const scopeManager = eslintScope.analyze(program as never, {
    ignoreEval: true,
    nodejsScope: sourceType === 'module' ? false : ecmaFeatures.globalReturn,
    impliedStrict: ecmaFeatures.impliedStrict,
    ecmaVersion: typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 6,
    sourceType,
    fallback: evk.getKeys as never,
    jsx: ecmaFeatures.jsx,
  });
  return { ast: program, scopeManager, visitorKeys: evk.KEYS, ...(lazy ? { services } : {}) } as unknown as Linter.ESLintParseResult;
}

