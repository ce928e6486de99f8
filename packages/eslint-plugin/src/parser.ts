import { createRequire } from 'node:module';
import * as path from 'node:path';

/** File extensions `configs.recommended` and `configs.strict` lint; the TypeScript ones get typescript-eslint's parser. */
export const LINTED_EXTENSIONS = ['js', 'mjs', 'cjs', 'jsx', 'ts', 'tsx', 'mts', 'cts'] as const;

const TYPESCRIPT_FILE = /\.(?:ts|tsx|mts|cts)$/i;

interface ParserModule {
  parseForESLint?(code: string, options: Record<string, unknown>): unknown;
  parse(code: string, options: Record<string, unknown>): unknown;
}

const localRequire = createRequire(__filename);
let typescriptParser: ParserModule | undefined;
let defaultParser: ParserModule | undefined;

/**
 * ESLint's own default parser, espree, as the running ESLint resolves it (so
 * ESLint 9 gets espree 10 and ESLint 10 espree 11, exactly as without us).
 */
function espree(): ParserModule {
  if (!defaultParser) {
    const eslintRoot = path.dirname(localRequire.resolve('eslint/package.json'));
    defaultParser = createRequire(path.join(eslintRoot, 'package.json'))('espree') as ParserModule;
  }
  return defaultParser;
}

/**
 * The parser that the plugin's configs set: TypeScript files (`.ts`, `.tsx`,
 * `.mts`, `.cts`) go to `@typescript-eslint/parser`, with whatever
 * `parserOptions` the user's config merges in (so `projectService` gives type
 * information); every other file goes to espree, as if no parser were set.
 * Without it, ESLint's default parser fails on TypeScript syntax, and files
 * not matched by any config's `files` are skipped without a word. `.jsx`
 * files are parsed with JSX on.
 *
 * Both parsers are loaded on first use, so a JavaScript-only run never loads
 * TypeScript. Follows ESLint's custom parser contract (`parseForESLint`).
 */
export const parser = {
  meta: { name: 'eslint-plugin-online-identifiers/parser', version: '1' },
  /**
   * @param code the file's text
   * @param options ESLint's parser options for the file (`filePath`, `ecmaVersion`, `sourceType`, the user's `parserOptions`)
   * @returns typescript-eslint's result (AST, scope manager, services, visitor keys) for TypeScript files, `{ ast }` otherwise
   * @throws the underlying parser's syntax error, which ESLint reports as a parsing error on the file
   */
  parseForESLint(code: string, options: Record<string, unknown> = {}): unknown {
    const filePath = typeof options.filePath === 'string' ? options.filePath : '';
    if (TYPESCRIPT_FILE.test(filePath)) {
      typescriptParser ??= localRequire('@typescript-eslint/parser') as ParserModule;
      return typescriptParser.parseForESLint!(code, options);
    }
    // `.jsx` files hold JSX by definition; elsewhere the user's `ecmaFeatures` decide, as in ESLint.
    const jsx = /\.jsx$/i.test(filePath);
    const ecmaFeatures = { ...(options.ecmaFeatures as Record<string, unknown> | undefined), ...(jsx ? { jsx: true } : {}) };
    return { ast: espree().parse(code, { ...options, ecmaFeatures }) };
  },
};
