// What the bin does with its arguments, decided before any connection
// exists: an editor starts it with a transport flag; a person typing the
// command gets usage, the version, or one line saying what is missing.

/** The bin's name, as users type it. */
export const BIN_NAME = 'online-identifiers-language-server';

/** Exit code when the command line cannot start a server (as in most CLIs: misuse). */
export const USAGE_EXIT_CODE = 2;

export const USAGE = [
  `Usage: ${BIN_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name>`,
  '',
  'A Language Server Protocol server that shows online identifiers (IP addresses,',
  'cookies, session ids, tokens, user ids, device metadata) reaching logs, metrics',
  'or third parties unclassified, with quick-fixes. Editors start it; see the README',
  'of @online-identifiers/language-server for their settings.',
  '',
  'Options:',
  '  --stdio            talk LSP over stdin/stdout',
  '  --node-ipc         talk LSP over the Node IPC channel (child_process.fork)',
  '  --socket=<port>    talk LSP over a TCP socket on this port',
  '  --pipe=<name>      talk LSP over a named pipe or Unix socket',
  '  -h, --help         print this help and exit',
  '  -v, --version      print the version and exit',
  '',
].join('\n');

export const NO_TRANSPORT_MESSAGE = `${BIN_NAME}: no transport given; start it with --stdio (or --node-ipc, --socket=<port>, --pipe=<name>), or see --help.`;

/** What to do for a command line. */
export type Invocation =
  | { kind: 'serve' }
  | { kind: 'help' }
  | { kind: 'version' }
  /** Print `message` on stderr and exit with USAGE_EXIT_CODE. */
  | { kind: 'usage-error'; message: string };

/** The transports vscode-languageserver's createConnection reads from argv, in both `--flag value` and `--flag=value` forms. */
const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)(=.*)?$/;

/**
 * Decides what the bin does for `argv` (process.argv without node and the
 * script). Help and version win over everything; otherwise a transport flag
 * is required. Other flags (editors add `--clientProcessId=<pid>`) are left
 * to the connection. Never throws.
 */
export function parseCommandLine(argv: readonly string[]): Invocation {
  if (argv.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
  if (argv.some((arg) => arg === '--version' || arg === '-v')) return { kind: 'version' };
  if (argv.some((arg) => TRANSPORT.test(arg))) return { kind: 'serve' };
  return { kind: 'usage-error', message: NO_TRANSPORT_MESSAGE };
}
