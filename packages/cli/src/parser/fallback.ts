import type { Linter } from 'eslint';
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import * as evk from 'eslint-visitor-keys';
import type * as TypeScriptParser from '@typescript-eslint/parser';
import type * as ESTree from 'estree';
import type { ParserOptions } from './index';

/** Why a file left the fast path. */
export interface FallbackEvent {
  /** The file, as ESLint named it (undefined for text without a name). */
  filePath: string | undefined;
  /** oxc's first error, or the conversion's. */
  reason: string;
  /** Which reference parser took it: typescript-estree (true) or espree (false). */
  typescript: boolean;
  /** The reference parser read it; false for a syntax error both reject (ESLint reports that as a fatal message). */
  recovered: boolean;
}

type FallbackListener = (event: FallbackEvent) => void;

// Stderr, never stdout: the language server speaks LSP on stdout.
const toStderr: FallbackListener = (event) => {
  process.stderr.write(
    `online-identifiers/parser: ${event.filePath ?? '(text)'} parsed with ${event.typescript ? '@typescript-eslint/parser' : 'espree'} instead (${event.reason}); further fallbacks are not reported\n`,
  );
};

let listener: FallbackListener | undefined = toStderr;
let reported = false;

/**
 * Decides where the one fallback report goes: `listener` gets the first
 * fallback after this call, syntax errors included (then nothing until it is
 * called again); `undefined` silences it. The default writes one line to
 * stderr for the first file the reference parser read and oxc did not.
 */
export function setFallbackListener(next: FallbackListener | undefined): void {
  listener = next;
  reported = false;
}

/**
 * Reports a fallback, once per process (or per setFallbackListener call).
 * The default stderr line is only for files the fast path should have read:
 * a syntax error is already the file's fatal message.
 */
export function noteFallback(event: FallbackEvent): void {
  if (reported || (listener === toStderr && !event.recovered)) return;
  reported = true;
  listener?.(event);
}

/**
 * The reference parsers, exactly as ESLint would use them: espree with
 * ESLint's scope analysis (without the key-table copy, see index.ts) for
 * JavaScript, @typescript-eslint/parser for TypeScript.
 * @throws their syntax errors, with line and column, which ESLint reports.
 */
export function parseWithReference(code: string, options: ParserOptions, typescript: boolean): Linter.ESLintParseResult {
  if (typescript) {
    // Loaded on the first TypeScript fallback: it loads `typescript`, which the fast path never needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tsParser = require('@typescript-eslint/parser') as typeof TypeScriptParser;
    return tsParser.parseForESLint(code, options as TypeScriptParser.ParserOptions) as unknown as Linter.ESLintParseResult;
  }
  const ecmaFeatures = { ...options.ecmaFeatures };
  const sourceType = options.sourceType ?? 'script';
  // As ESLint does for espree: a module has no global return.
  if (sourceType === 'module') ecmaFeatures.globalReturn = false;
  const ast = espree.parse(code, { ...options, sourceType, ecmaFeatures } as espree.Options) as ESTree.Program;
  const scopeManager = eslintScope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: ecmaFeatures.globalReturn,
    impliedStrict: ecmaFeatures.impliedStrict,
    ecmaVersion: typeof options.ecmaVersion === 'number' ? options.ecmaVersion : 6,
    sourceType,
    fallback: (node: ESTree.Node) => [...evk.getKeys(node)],
    jsx: ecmaFeatures.jsx,
  });
  return { ast, scopeManager, visitorKeys: evk.KEYS } as unknown as Linter.ESLintParseResult;
}
