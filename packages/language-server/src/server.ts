// The bin's entry. Three roles: a lint worker thread (lint-pool.ts starts
// this same file, so a single-file bundle carries the worker too); a person
// at a terminal (--help, --version, or one line saying a transport is
// needed); an editor (stdio, node-ipc, socket or pipe, chosen by
// createConnection from argv). stdout is the protocol channel under stdio,
// so console output goes to the client's log instead.
import { format } from 'node:util';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { USAGE, USAGE_EXIT_CODE, parseCommandLine } from './command-line';
import { isLintWorker, runLintWorker } from './lint-worker';
import { SERVER_VERSION, startServer } from './start-server';

function serve(): void {
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

  startServer(connection);
}

if (isLintWorker()) {
  runLintWorker();
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
    case 'serve':
      serve();
      break;
  }
}
