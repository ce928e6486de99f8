// The bin's entry. Three roles: a lint worker thread (lint-pool.ts starts
// this same file, so a single-file bundle carries the worker too); a person
// at a terminal (--help, --version, or one line saying a transport is
// needed); an editor (stdio, node-ipc, socket or pipe, chosen by
// createConnection from argv). stdout is the protocol channel under stdio,
// so console output goes to the client's log instead. Started for an editor
// without --v8-pool-size, it first starts itself again with a sized V8 pool
// and only forwards signals to that child (v8-pool.ts).
//
// Only what its role needs is loaded: the linter (ESLint, the plugin, the
// parser) in a lint worker and in the process that serves, not in a process
// that only forwards to its relaunched child or answers --help. Plain
// `require` calls, so a bundler still carries those modules (esbuild runs
// each on its first require).
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { format } from 'node:util';
import { USAGE, USAGE_EXIT_CODE, parseCommandLine } from './command-line';
import { POOL_SIZE_ENV, RELAUNCHED_ENV, relaunchArgs, requestedPoolSize } from './v8-pool';
import { SERVER_VERSION } from './version';
import { isLintWorker } from './worker-role';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded by role, see above */
const loadProtocol = () => require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
const loadServer = () => require('./start-server') as typeof import('./start-server');
const loadWorker = () => require('./lint-worker') as typeof import('./lint-worker');
/* eslint-enable @typescript-eslint/no-require-imports */

function serve(): void {
  const { ProposedFeatures, createConnection } = loadProtocol();
  const connection = createConnection(ProposedFeatures.all);

  // Anything loaded in this process (a project's eslint.config.js, a parser)
  // may call console.*; under stdio that would corrupt the protocol stream.
  Object.assign(console, {
    log: (...args: unknown[]) => connection.console.log(format(...args)),
    info: (...args: unknown[]) => connection.console.info(format(...args)),
    debug: (...args: unknown[]) => connection.console.log(format(...args)),
    warn: (...args: unknown[]) => connection.console.warn(format(...args)),
    error: (...args: unknown[]) => connection.console.error(format(...args)),
  });

  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

  loadServer().startServer(connection);
}

/** Node's exit code for an option it does not accept ("Invalid Argument"). */
const INVALID_ARGUMENT_EXIT_CODE = 9;

/**
 * Serves from a child process started with `execArgv` (v8-pool.ts): the
 * child gets this process's stdin, stdout and stderr as they are, so the
 * protocol runs straight between the editor and it; this process only
 * forwards signals and exits as the child does. A runtime that refuses the
 * option (the child exits with Node's invalid-argument code before serving)
 * or cannot be spawned leaves this process to serve itself.
 */
function serveRelaunched(execArgv: string[]): void {
  const child = spawn(process.execPath, [...execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [RELAUNCHED_ENV]: '1' },
  });
  let fellBack = false;
  const fallBack = (why: string): void => {
    if (fellBack) return;
    fellBack = true;
    process.stderr.write(`online-identifiers-language-server: serving without --v8-pool-size (${why})\n`);
    serve();
  };
  const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP'];
  for (const signal of signals) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => fallBack(error.message));
  child.on('exit', (code, signal) => {
    if (fellBack) return;
    if (code === INVALID_ARGUMENT_EXIT_CODE) {
      fallBack(`${process.execPath} refused ${execArgv.join(' ')}`);
      return;
    }
    if (signal) {
      for (const name of signals) process.removeAllListeners(name);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

if (isLintWorker()) {
  loadWorker().runLintWorker();
} else {
  const invocation = parseCommandLine(process.argv.slice(2));
  // Explicit exits: vscode-languageserver watches --clientProcessId with a timer that would keep the process alive.
  const finish = (stream: NodeJS.WriteStream, text: string, code: number): void => {
    stream.write(text, () => process.exit(code));
  };
  switch (invocation.kind) {
    case 'help':
      finish(process.stdout, USAGE, 0);
      break;
    case 'version':
      finish(process.stdout, `${SERVER_VERSION}\n`, 0);
      break;
    case 'usage-error':
      finish(process.stderr, `${invocation.message}\n`, USAGE_EXIT_CODE);
      break;
    case 'serve': {
      // A pool of V8 threads that leaves a core to the protocol thread and phase-1 lints (v8-pool.ts).
      const asked = process.env[POOL_SIZE_ENV];
      if (asked?.trim() && requestedPoolSize(asked) === undefined && process.env[RELAUNCHED_ENV] !== '1') {
        process.stderr.write(`online-identifiers-language-server: ignoring ${POOL_SIZE_ENV}=${JSON.stringify(asked)} (a whole number of threads, 1 or more, or "node"); sizing the pool from the machine\n`);
      }
      const execArgv = relaunchArgs({ execArgv: process.execArgv, argv: process.argv.slice(1), env: process.env, cores: availableParallelism() });
      if (execArgv) serveRelaunched(execArgv);
      else serve();
      break;
    }
  }
}
