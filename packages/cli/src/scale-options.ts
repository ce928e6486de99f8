import type { Concurrency } from './engine-options';

/** The scan options for large repositories and pull-request CI, as parsed from the command line. */
export interface ScaleOptions {
  readonly concurrency: Concurrency;
  readonly cache: boolean;
  /** The cache file, relative to the current directory; undefined for the default. */
  readonly cacheLocation: string | undefined;
  readonly changedSince: string | undefined;
}

/** `node:util` parseArgs definitions for these options. */
export const SCALE_OPTION_DEFINITIONS = {
  concurrency: { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  'changed-since': { type: 'string' },
} as const;

export const SCALE_HELP = `      --concurrency <n>  ESLint worker threads: auto | off | a number
                         (default: off)
      --cache            reuse results for unchanged files (ESLint's cache)
      --cache-location <file>
                         the cache file (default: .online-identifiers-cache;
                         implies --cache)
      --changed-since <ref>
                         scan only files changed since the git ref (where
                         HEAD left it), e.g. origin/main in pull requests
`;

/** The values parseArgs returns for `SCALE_OPTION_DEFINITIONS`. */
export interface ScaleOptionValues {
  readonly concurrency?: string | undefined;
  readonly cache?: boolean | undefined;
  readonly 'cache-location'?: string | undefined;
  readonly 'changed-since'?: string | undefined;
}

/**
 * Checks and converts the parsed values.
 *
 * @returns the options, or a message for a usage error (the caller throws its own error type).
 */
export function scaleOptionsFrom(values: ScaleOptionValues): ScaleOptions | string {
  const concurrency = parseConcurrency(values.concurrency ?? 'off');
  if (concurrency === undefined) {
    return `--concurrency must be auto, off or a whole number of threads from 1 up, not '${values.concurrency ?? ''}'`;
  }
  if (values['cache-location'] === '') return '--cache-location needs a file name';
  if (values['changed-since'] === '') return '--changed-since needs a git ref, e.g. origin/main';
  return {
    concurrency,
    cache: values.cache === true || values['cache-location'] !== undefined,
    cacheLocation: values['cache-location'],
    changedSince: values['changed-since'],
  };
}

function parseConcurrency(text: string): Concurrency | undefined {
  if (text === 'auto' || text === 'off') return text;
  if (!/^[1-9]\d*$/.test(text)) return undefined;
  const threads = Number(text);
  return Number.isSafeInteger(threads) ? threads : undefined;
}

/**
 * parseArgs refuses `--concurrency -1` as ambiguous (the value looks like an
 * option), which would hide the real mistake. A negative number is never an
 * option, so it is joined to `--concurrency` and judged as its value.
 */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const next = argv[index + 1];
    if (arg === '--concurrency' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      index++;
    } else {
      out.push(arg);
    }
  }
  return out;
}
