import { availableParallelism } from 'node:os';
import * as vscode from 'vscode';
import { serverPoolSize } from '@online-identifiers/language-server/dist/v8-pool';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CLIENT_ID,
  CLIENT_NAME,
  LANGUAGES,
  SCHEMES,
  SERVER_DEBUG_PORT,
  SETTINGS_SECTION,
  type InitializationOptions,
} from './contract';

/** The server is bundled next to this file by esbuild.mjs. */
export function serverModulePath(context: vscode.ExtensionContext): string {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
}

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): LanguageClient {
  const module = serverModulePath(context);
  const serverOptions: ServerOptions = {
    // V8's background threads for the server, leaving a core to phase-1 diagnostics (the server's v8-pool.ts).
    run: { module, transport: TransportKind.ipc, options: { execArgv: [`--v8-pool-size=${serverPoolSize(availableParallelism())}`] } },
    // Attach with the "Attach to Language Server" launch configuration.
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', `--inspect=${SERVER_DEBUG_PORT}`] },
    },
  };

  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))),
    // A function, so a restarted server learns the trust state of that moment, not of activation.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
    // The server logs why it failed; restarting in a loop would only hide that.
    connectionOptions: { maxRestartCount: 4 },
  };

  // Running from .vscode/launch.json ("Run Extension") starts the server under the inspector.
  const forceDebug = context.extensionMode === vscode.ExtensionMode.Development;
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions, forceDebug);
}
