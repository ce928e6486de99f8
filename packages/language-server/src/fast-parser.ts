import * as parser from 'online-identifiers/parser';

/**
 * The scan's fast parser (online-identifiers/parser): oxc-parser's AST with
 * ESLint's scope analysis, falling back by itself to espree or
 * @typescript-eslint/parser for anything oxc rejects or the conversion
 * cannot handle (reported once on stderr, or wherever setFallbackListener
 * says). The server speaks LSP on stdout, so it never prints there.
 * One object for every file: it picks JS or TS by the `filePath` ESLint passes.
 */
export const fastParser: typeof parser = parser;

/** The fast parser for JavaScript and JSX files (the same object as fastParser). */
export const fastJavaScriptParser: typeof parser = parser;

/** The fast parser for TypeScript and TSX files (the same object as fastParser). */
export const fastTypeScriptParser: typeof parser = parser;

/** The JavaScript files it parses as espree would. */
export const FAST_PARSER_FILES: string[] = [...parser.JAVASCRIPT_FILES];

/** The TypeScript files it parses as @typescript-eslint/parser would (syntax only, no type information). */
export const FAST_TYPESCRIPT_FILES: string[] = [...parser.TYPESCRIPT_FILES];

export { setFallbackListener, type FallbackEvent } from 'online-identifiers/parser';
