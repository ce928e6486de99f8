// Transport only: stdio or node-ipc, chosen by createConnection from argv
// (`--stdio`, `--node-ipc`). stdout is the protocol channel under stdio, so
// console output goes to the client's log instead.
import { format } from 'node:util';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './start-server';

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
