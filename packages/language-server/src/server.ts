// Transport only: stdio or node-ipc, chosen by createConnection from argv
// (`--stdio`, `--node-ipc`). stdout is the protocol channel under stdio, so
// console output goes to the client's log instead.
import { format } from 'node:util';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './start-server';

const connection = createConnection(ProposedFeatures.all);

console.log = (...args: unknown[]) => connection.console.log(format(...args));
console.info = (...args: unknown[]) => connection.console.info(format(...args));
console.debug = (...args: unknown[]) => connection.console.log(format(...args));
console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
console.error = (...args: unknown[]) => connection.console.error(format(...args));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

startServer(connection);
