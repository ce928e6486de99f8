import { parseArgs } from 'node:util';
import { FORMATS, isFormat, type Format } from './format';
import { joinNegativeValues, SCALE_HELP, SCALE_OPTION_DEFINITIONS, scaleOptionsFrom, type ScaleOptions } from './scale-options';

export type Command =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'scan';
      readonly paths: string[];
      readonly format: Format;
      readonly output: string | undefined;
      readonly ignore: string[];
      /** `--include-tests`: scan test, spec and story files too. */
      readonly includeTests: boolean;
      /** `--concurrency`, `--cache`, `--cache-location`, `--changed-since`. */
      readonly scale: ScaleOptions;
      /** `--baseline FILE`: the findings recorded there are held back; recorded when the file does not exist. */
      readonly baseline?: { readonly file: string; readonly mode: 'apply' | 'update' | 'prune' };
    };

/** A mistake on the command line: exit code 2, message on stderr. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `Usage: online-identifiers scan [paths...] [options]

Scan JavaScript and TypeScript for online identifiers (IP addresses, cookies,
session ids, tokens, user ids, device metadata) that reach logs without being
redacted, pseudonymised or classified. Zero-config: the project's own ESLint
config is never loaded. Skips node_modules and everything .gitignore excludes.

Arguments:
  paths                  files or directories to scan (default: .)

Options:
  -f, --format <name>    ${FORMATS.join(' | ')} (default: stylish)
  -o, --output <file>    write the report to a file instead of stdout
      --ignore <pattern> also skip files matching a .gitignore-style pattern
                         (repeatable)
      --include-tests    also scan test, spec and story code (*.test.*,
                         *.spec.*, *.stories.*, test/, spec/, __tests__/, …),
                         which is skipped by default
${SCALE_HELP}      --baseline <file>  hold back the findings recorded in <file> (an ESLint
                         suppressions file with fingerprints); fail only on
                         new ones. Records today's findings when <file> does
                         not exist
      --update-baseline  record every current finding in the baseline
      --prune-baseline   remove findings that no longer occur from the baseline
  -h, --help             show this help
  -v, --version          print the version

Exit codes: 0 no findings (none new, with --baseline), 1 findings or files
that could not be parsed, 2 usage errors (unknown option or format, missing
path, unreadable baseline), 3 internal error.
`;

/** Turns argv (without node and the script) into a command, or throws UsageError. */
export function parseCommandLine(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command: try `online-identifiers scan .`');
  if (command !== 'scan') throw new UsageError(`unknown command '${command}' (the only command is 'scan')`);

  const format = values.format ?? 'stylish';
  if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (choose one of: ${FORMATS.join(', ')})`);
  if (values.output === '') throw new UsageError('--output needs a file name');
  const scale = scaleOptionsFrom(values);
  if (typeof scale === 'string') throw new UsageError(scale);
  if (values['update-baseline'] && values['prune-baseline']) throw new UsageError('--update-baseline and --prune-baseline cannot be used together');
  if ((values['update-baseline'] || values['prune-baseline']) && values.baseline === undefined) {
    throw new UsageError(`--${values['update-baseline'] ? 'update' : 'prune'}-baseline needs --baseline <file>`);
  }
  if (values.baseline === '') throw new UsageError('--baseline needs a file name');
  const baseline =
    values.baseline === undefined
      ? {}
      : { baseline: { file: values.baseline, mode: values['update-baseline'] ? ('update' as const) : values['prune-baseline'] ? ('prune' as const) : ('apply' as const) } };
  return { kind: 'scan', paths, format, output: values.output, ignore: values.ignore ?? [], includeTests: values['include-tests'] === true, scale, ...baseline };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: joinNegativeValues(argv),
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      ignore: { type: 'string', multiple: true },
      'include-tests': { type: 'boolean' },
      ...SCALE_OPTION_DEFINITIONS,
      baseline: { type: 'string' },
      'update-baseline': { type: 'boolean' },
      'prune-baseline': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

/** parseArgs explains itself at length; keep the part a user needs. */
function describeParseError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(text);
  if (unknown) return `unknown option '${unknown[1]}'`;
  const missingValue = /^Option '([^']+)' argument missing/.exec(text);
  if (missingValue) return `option '${missingValue[1]}' needs a value`;
  return text;
}
