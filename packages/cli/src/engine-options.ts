import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter, type Rule } from 'eslint';
import { treatmentsRule } from 'eslint-plugin-online-identifiers/inventory';
import { createBuiltinConfig, LINTABLE_EXTENSIONS, PLUGIN_PREFIX, type BuiltinConfigOptions } from './config';

/**
 * The plugin's treatments rule runs under a private plugin name, so its
 * reports never look like findings (those start with `online-identifiers/`).
 */
export const INVENTORY_PLUGIN = 'online-identifiers-inventory';
export const TREATMENTS_RULE_ID = `${INVENTORY_PLUGIN}/treatments`;

/** ESLint's multithreading setting: worker threads, `auto` (half the cores, when there are enough files) or `off`. */
export type Concurrency = number | 'auto' | 'off';

/**
 * Everything that decides how the scan's ESLint is built, as JSON: worker
 * threads rebuild the same ESLint from it (functions such as the plugin's
 * rules cannot be sent to a worker, so each worker loads them itself).
 */
export interface EngineSettings {
  /** ESLint's `cwd`: only files below it are linted. Absolute. */
  readonly root: string;
  /** The built-in config's options (JSON values only). */
  readonly builtin: BuiltinConfigOptions;
  /** Also run the inventory's treatments rule. */
  readonly treatments: boolean;
  /** `commonjs` reads plain .js as a sloppy-mode script (the retry for files that are not valid modules). */
  readonly javascriptSourceType: 'module' | 'commonjs';
  /** Absolute path of ESLint's cache file; no cache when undefined. */
  readonly cacheLocation?: string;
  readonly concurrency: Concurrency;
}

function lintConfig(settings: EngineSettings): Linter.Config[] {
  const builtin = createBuiltinConfig(settings.builtin);
  const config =
    settings.javascriptSourceType === 'module'
      ? builtin
      : builtin.map((entry) =>
          entry.name === 'online-identifiers/builtin/javascript'
            ? { ...entry, languageOptions: { ...entry.languageOptions, sourceType: settings.javascriptSourceType } }
            : entry,
        );
  if (!settings.treatments) return config;
  const redactModule = settings.builtin.ruleOptions?.['redactModule'];
  const ruleOptions = typeof redactModule === 'string' && redactModule !== '' ? { redactModule } : {};
  // typescript-eslint's rule type, seen through ESLint's own.
  const rule: unknown = treatmentsRule;
  return [
    ...config,
    {
      name: 'online-identifiers/builtin/inventory',
      files: LINTABLE_EXTENSIONS.map((extension) => `**/*${extension}`),
      plugins: { [INVENTORY_PLUGIN]: { rules: { treatments: rule as Rule.RuleModule } } },
      rules: { [TREATMENTS_RULE_ID]: ['warn', ruleOptions] },
    },
  ];
}

/**
 * ESLint's options for the scan: the built-in config only (never the
 * project's), the files exactly as collected (no globbing: `[id].js` is a
 * Next.js file name, not a pattern), and ESLint's own cache and worker
 * threads.
 */
export function eslintOptions(settings: EngineSettings): ESLint.Options {
  return {
    cwd: settings.root,
    overrideConfigFile: true,
    // Which files to scan is decided by collectFiles (git, node_modules,
    // .gitignore), so ESLint's default ignores must not drop one of them.
    // (Not `ignore: false`: that would switch off this negation and keep the defaults.)
    overrideConfig: [{ ignores: ['!**/node_modules/'] }, ...lintConfig(settings)],
    globInputPaths: false,
    errorOnUnmatchedPattern: false,
    cache: settings.cacheLocation !== undefined,
    ...(settings.cacheLocation !== undefined ? { cacheLocation: settings.cacheLocation } : {}),
    concurrency: settings.concurrency,
    // Only the plugin's rules (and the inventory's) run, even where a file's
    // `/* eslint rule: ... */` comment turns others on: their messages are
    // not the scan's, and the parser gives their token store no tokens
    // (parserOptions.lazyTokens in the built-in config).
    ruleFilter: ({ ruleId }) => ruleId.startsWith(`${PLUGIN_PREFIX}/`) || ruleId === TREATMENTS_RULE_ID,
  };
}

/**
 * The compiled form of this module, which worker threads import. Under a
 * TypeScript loader (the tests) this file is the source, and workers have no
 * such loader, so they get the built file next to it.
 */
function compiledModulePath(): string {
  if (!__filename.endsWith('.ts')) return __filename;
  return path.join(__dirname, '..', 'dist', `${path.basename(__filename, '.ts')}.js`);
}

/**
 * An ESLint for these settings. With concurrency it is built from an options
 * module, as ESLint requires when options hold functions: a `data:` URL whose
 * default export calls `eslintOptions` with the same JSON settings in each
 * worker.
 */
export async function createEngine(settings: EngineSettings): Promise<ESLint> {
  if (settings.concurrency === 'off') return withoutIgnoreFileWarning(() => new ESLint(eslintOptions(settings)));
  const moduleUrl = pathToFileURL(compiledModulePath()).href;
  const source =
    `import engine from ${JSON.stringify(moduleUrl)};\n` +
    `export default engine.eslintOptions(${JSON.stringify(settings)});\n`;
  const url = new URL(`data:text/javascript,${encodeURIComponent(source)}`);
  return withoutIgnoreFileWarning(() => ESLint.fromOptionsModule(url));
}

/**
 * ESLint's constructor warns about a project's `.eslintignore`, which is
 * advice about the project's own ESLint setup: the scan never reads it, so
 * the warning would only confuse. Other warnings pass through.
 */
async function withoutIgnoreFileWarning<T>(create: () => T | Promise<T>): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(process, 'emitWarning');
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = (warning: string | Error, ...rest: unknown[]): void => {
    if (rest[0] !== 'ESLintIgnoreWarning') emit(warning, ...rest);
  };
  try {
    return await create();
  } finally {
    if (original) Object.defineProperty(process, 'emitWarning', original);
  }
}
