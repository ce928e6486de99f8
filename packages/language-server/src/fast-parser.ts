import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import * as visitorKeys from 'eslint-visitor-keys';
import type { Linter } from 'eslint';
import type * as ESTree from 'estree';

interface ParserOptions {
  ecmaVersion?: number | 'latest';
  sourceType?: 'script' | 'module' | 'commonjs';
  ecmaFeatures?: { jsx?: boolean; globalReturn?: boolean; impliedStrict?: boolean };
  [key: string]: unknown;
}

/**
 * Espree with ESLint's own scope analysis, minus one cost. ESLint hands
 * eslint-scope its full visitor-key table, and esrecurse copies that table
 * for every binding pattern it visits: about 20 ms of a 3,000-line file's
 * 80 ms, paid again on every keystroke in the editor. Without the table
 * esrecurse uses its built-in keys, which name the same children for every
 * standard node but import attributes and `import()` options (literals in
 * practice), and reaches JSX and newer nodes through the same fallback ESLint
 * uses. The AST, tokens and comments are espree's, exactly as ESLint makes
 * them; a test lints real files both ways and compares every message.
 */
export const fastJavaScriptParser = {
  meta: { name: 'online-identifiers/espree-scope' },
  parseForESLint(code: string, options: ParserOptions = {}): Linter.ESLintParseResult {
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
      fallback: (node: ESTree.Node) => [...visitorKeys.getKeys(node)],
      jsx: ecmaFeatures.jsx,
    });
    return { ast, scopeManager, visitorKeys: visitorKeys.KEYS } as unknown as Linter.ESLintParseResult;
  },
} satisfies Linter.Parser;

/** The files it parses: plain JavaScript and JSX (TypeScript keeps its own parser). */
export const FAST_PARSER_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
