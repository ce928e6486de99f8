import * as vscode from 'vscode';
import { ExecuteCommandRequest, State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { COMMANDS, CLIENT_NAME, TRUST_CHANGED_NOTIFICATION, type TrustChangedParams } from './contract';
import { FindingsStatusItem } from './status-item';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const status = new FindingsStatusItem();
  context.subscriptions.push(outputChannel, status);

  const languageClient = createClient(context, outputChannel);
  client = languageClient;

  // An untrusted workspace never has project code (config files) executed by the server. When the
  // user grants trust the server is told; trust granted while the server was starting would be
  // lost, so it is also sent on every start (the server ignores a repeat).
  const sendTrust = (): void => {
    if (!vscode.workspace.isTrusted || !languageClient.isRunning()) return;
    const params: TrustChangedParams = { workspaceTrusted: true };
    languageClient.sendNotification(TRUST_CHANGED_NOTIFICATION, params).catch((error: unknown) => {
      languageClient.error('Could not tell the server that the workspace is trusted', error);
    });
  };

  context.subscriptions.push(
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) status.showError('the language server is not running; see the output');
      else if (newState === State.Running) {
        status.update();
        sendTrust();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(sendTrust),
    vscode.commands.registerCommand(COMMANDS.showDocumentation, async (url: unknown) => {
      // The argument comes from the server's code action: open web links only.
      const uri = typeof url === 'string' && /^https?:\/\//.test(url) ? vscode.Uri.parse(url) : undefined;
      if (!uri) {
        outputChannel.warn(`Not a documentation link: ${JSON.stringify(url)}`);
        return false;
      }
      return vscode.env.openExternal(uri);
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      outputChannel.info('Restarting the language server');
      await languageClient.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => outputChannel.show(true)),
  );

  try {
    await languageClient.start();
  } catch (error) {
    status.showError('the language server failed to start; see the output');
    outputChannel.error('The language server failed to start', error);
    void vscode.window.showErrorMessage(`${CLIENT_NAME}: the language server failed to start. See the output for details.`);
    return;
  }

  // The server advertises the scan command, so vscode-languageclient has registered it already
  // (forwarding to workspace/executeCommand) and registering it again would throw. Only a server
  // that does not advertise it needs this.
  const registered = await vscode.commands.getCommands(true);
  if (!registered.includes(COMMANDS.scanWorkspace)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(COMMANDS.scanWorkspace, () =>
        languageClient.sendRequest(ExecuteCommandRequest.type, { command: COMMANDS.scanWorkspace, arguments: [] }),
      ),
    );
  }
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
  client = undefined;
}
