import type { ESLint, Linter } from 'eslint';
import type * as TypeScriptParser from '@typescript-eslint/parser';
import * as fastParser from './parser';
import plugin from 'eslint-plugin-online-identifiers';

/** Every extension the scan reads; anything else is not JavaScript or TypeScript. */
export const LINTABLE_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];

/** The prefix the plugin is registered under, and so the start of every rule id. */
export const PLUGIN_PREFIX = 'online-identifiers';

export interface BuiltinConfigOptions {
  /**
   * Options object given to every rule of the plugin's recommended config,
   * e.g. `{ redactModule: '#lib/redact' }`.
   */
  ruleOptions?: Record<string, unknown>;
  /** Severity of every finding; `error` unless told otherwise. */
  severity?: 'error' | 'warn';
  /**
   * `fast` (default): online-identifiers/parser (oxc-parser, falling back to
   * espree / @typescript-eslint/parser by itself). `reference`: espree for
   * JavaScript and @typescript-eslint/parser for TypeScript, as ESLint has them.
   */
  parser?: 'fast' | 'reference';
}

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs'];
const CJS_FILES = ['**/*.cjs'];
const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

interface PluginShape {
  configs?: { recommended?: Linter.Config };
}

/** The plugin object as ESLint's own types see it (it is typed with typescript-eslint's). */
function ownPlugin(): ESLint.Plugin & PluginShape {
  const untyped: unknown = plugin;
  return untyped as ESLint.Plugin & PluginShape;
}

/** Rule ids turned on by the plugin's recommended config, with their severity stripped. */
export function recommendedRuleIds(): string[] {
  const rules = ownPlugin().configs?.recommended?.rules ?? {};
  return Object.entries(rules)
    .filter(([, entry]) => severityOf(entry) !== 'off')
    .map(([id]) => id);
}

/**
 * The part of shared rule options a rule's schema accepts: the rules have
 * different options (`log-retention` takes none of the analysis options), and
 * ESLint rejects a whole config for one unknown property.
 */
function optionsFor(id: string, ruleOptions: Record<string, unknown>): Record<string, unknown> | undefined {
  const rule = ownPlugin().rules?.[id.replace(/^online-identifiers\//, '')] as { meta?: { schema?: unknown } } | undefined;
  const schema = Array.isArray(rule?.meta?.schema) ? (rule.meta.schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
  const known = schema?.properties ?? {};
  const accepted = Object.fromEntries(Object.entries(ruleOptions).filter(([key]) => key in known));
  return Object.keys(accepted).length > 0 ? accepted : undefined;
}

function severityOf(entry: Linter.RuleEntry | undefined): 'off' | 'on' {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return level === 'off' || level === 0 || level === undefined ? 'off' : 'on';
}

/**
 * @typescript-eslint/parser, loaded on first use: it loads `typescript`
 * (about 0.8 s and 115 MB here), which the fast parser never needs.
 */
function referenceTypeScriptParser(): typeof TypeScriptParser {
  // A plain require, so esbuild still bundles it (as a module initialised on this first call) into the editor's server.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@typescript-eslint/parser') as typeof TypeScriptParser;
}

/**
 * The zero-config flat config: JS, JSX, TS and TSX (by default through the
 * fast parser, online-identifiers/parser; TS syntax only, no type
 * information) with the
 * plugin's recommended rules and nothing else. It never reads the user's
 * ESLint config, so the scan gives the same answer in every repository.
 */
export function createBuiltinConfig(options: BuiltinConfigOptions = {}): Linter.Config[] {
  const severity = options.severity ?? 'error';
  const fast = options.parser !== 'reference';
  // espree is ESLint's default: no parser entry means espree.
  const javascriptParser = fast ? { parser: fastParser } : {};
  // Only this plugin's rules run under this config, and they ask for tokens
  // through the parser's lazyTokens service: files without a finding (most)
  // never build them.
  const lazyTokens = fast ? { lazyTokens: true } : {};
  const rules: Linter.RulesRecord = {};
  for (const id of recommendedRuleIds()) {
    const accepted = options.ruleOptions ? optionsFor(id, options.ruleOptions) : undefined;
    rules[id] = accepted ? [severity, accepted] : severity;
  }
  return [
    {
      name: 'online-identifiers/builtin/javascript',
      files: JS_FILES,
      languageOptions: {
        ...javascriptParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        // JSX in plain .js files is common in React code and costs nothing elsewhere.
        parserOptions: { ecmaFeatures: { jsx: true }, ...lazyTokens },
      },
    },
    {
      name: 'online-identifiers/builtin/commonjs',
      files: CJS_FILES,
      languageOptions: { ...javascriptParser, ecmaVersion: 'latest', sourceType: 'commonjs', parserOptions: { ...lazyTokens } },
    },
    {
      name: 'online-identifiers/builtin/typescript',
      files: TS_FILES,
      // The parser picks JSX from the extension (.tsx yes, .ts no: `<T>x` casts).
      languageOptions: { parser: fast ? fastParser : referenceTypeScriptParser(), sourceType: 'module', parserOptions: { ...lazyTokens } },
    },
    {
      name: 'online-identifiers/builtin/rules',
      files: [...JS_FILES, ...CJS_FILES, ...TS_FILES],
      plugins: { [PLUGIN_PREFIX]: ownPlugin() },
      // Other tools' disable comments name rules that do not run here; do not
      // report them as unused.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules,
    },
  ];
}
