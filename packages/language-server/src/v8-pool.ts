// The size of V8's platform thread pool for the server process. V8 runs its
// background work there: concurrent marking and sweeping, parallel
// scavenges, background compilation. Node starts 4 such threads whatever the
// machine (`node --help`: "--v8-pool-size=num: set V8's thread pool size",
// default 4). After a full lint of a long document, the lint worker's heap
// is collected with those threads; on a 2-core machine they then take both
// cores at the moment the next keystroke's region lint (phase 1) needs the
// protocol thread and a worker. Measured with the server bench (TS file,
// 3,000 lines, edits right after each full lint): phase-1 p95 46-56 ms with
// Node's pool, 31-35 ms with a pool of one; the full lint took as long
// either way. So the server's process keeps one core free of background GC
// work: a pool of cores - 1 threads, at least 1 and at most Node's 4.
//
// The pool is fixed when the process starts (it is not a V8 flag that
// `v8.setFlagsFromString` could change, and a worker's `execArgv` cannot
// set it), so it is given on the command line: the VS Code extension passes
// it in the server's execArgv; the bin, started by other editors without
// it over stdio, relaunches itself once with it (see `relaunchArgs`).

/** Node's own pool size (`--v8-pool-size`'s default). */
export const NODE_DEFAULT_V8_POOL_SIZE = 4;

/**
 * Environment variable that sets the server's pool: a whole number of
 * threads (1 or more), or `node` for Node's default (then the bin never
 * relaunches). Unset: `serverPoolSize` of the machine's cores.
 */
export const POOL_SIZE_ENV = 'ONLINE_IDENTIFIERS_V8_POOL_SIZE';

/** Set in a relaunched server's environment, so it never relaunches again. */
export const RELAUNCHED_ENV = 'ONLINE_IDENTIFIERS_SERVER_RELAUNCHED';

const POOL_FLAG = /^--v8-pool-size(?:=(\d+))?$/;
const DEBUG_FLAG = /^--(?:inspect|inspect-brk|inspect-wait|debug|debug-brk)(?:[=-].*)?$/;

/**
 * The pool for a server on a machine with `cores` cores (Node's
 * `os.availableParallelism()`): `cores - 1`, clamped to 1..4.
 * @param cores logical cores available to the process (1 or more)
 * @returns a whole number of threads, 1 to 4
 */
export function serverPoolSize(cores: number): number {
  const spare = Math.floor(cores) - 1;
  return Math.max(1, Math.min(NODE_DEFAULT_V8_POOL_SIZE, Number.isFinite(spare) ? spare : 1));
}

/**
 * The pool the environment asks for (`ONLINE_IDENTIFIERS_V8_POOL_SIZE`).
 * @param value the variable's value, undefined when unset
 * @returns a whole number of threads; `node` for Node's default; undefined when unset, empty or not understood (then the machine decides)
 */
export function requestedPoolSize(value: string | undefined): number | 'node' | undefined {
  const text = value?.trim().toLowerCase();
  if (!text) return undefined;
  if (text === 'node' || text === 'default') return 'node';
  return /^\d+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;
}

/**
 * The pool size a Node process was started with: the last `--v8-pool-size`
 * in its execArgv, else in NODE_OPTIONS (Node reads both, the command line
 * winning).
 * @param execArgv `process.execArgv`
 * @param nodeOptions `process.env.NODE_OPTIONS`
 * @returns the number of threads, or undefined when neither gives one (Node's default, 4)
 */
export function givenPoolSize(execArgv: readonly string[], nodeOptions: string | undefined): number | undefined {
  const lastIn = (args: readonly string[]): number | undefined => {
    let size: number | undefined;
    for (let index = 0; index < args.length; index++) {
      const match = POOL_FLAG.exec(args[index] ?? '');
      if (!match) continue;
      const value = match[1] ?? args[index + 1];
      if (value !== undefined && /^\d+$/.test(value)) size = Number(value);
    }
    return size;
  };
  return lastIn(execArgv) ?? lastIn((nodeOptions ?? '').split(/\s+/).filter(Boolean));
}

/** What `relaunchArgs` reads of the process it decides for. */
export interface RelaunchContext {
  /** `process.execArgv`: Node's own options this process was started with. */
  execArgv: readonly string[];
  /** `process.argv.slice(1)`: the script and its arguments. */
  argv: readonly string[];
  /** `process.env`. */
  env: Readonly<Record<string, string | undefined>>;
  /** `os.availableParallelism()`. */
  cores: number;
}

/**
 * Whether the bin should start the server again in a child process with the
 * pool flag, and with which Node options. It does not when the pool was
 * given (execArgv or NODE_OPTIONS), the environment says `node`, this is
 * already the relaunched process, the transport is `--node-ipc` (the IPC
 * channel belongs to this process), or a debugger flag is set (the child
 * would ask for the same inspector port).
 * @returns the child's execArgv (this process's plus `--v8-pool-size=N`), or undefined to serve in this process
 */
export function relaunchArgs(context: RelaunchContext): string[] | undefined {
  const { execArgv, argv, env } = context;
  if (env[RELAUNCHED_ENV] === '1') return undefined;
  const requested = requestedPoolSize(env[POOL_SIZE_ENV]);
  if (requested === 'node') return undefined;
  if (givenPoolSize(execArgv, env.NODE_OPTIONS) !== undefined) return undefined;
  if (argv.some((arg) => arg === '--node-ipc')) return undefined;
  const nodeOptions = (env.NODE_OPTIONS ?? '').split(/\s+/);
  if ([...execArgv, ...nodeOptions].some((arg) => DEBUG_FLAG.test(arg))) return undefined;
  return [...execArgv, `--v8-pool-size=${requested ?? serverPoolSize(context.cores)}`];
}
