// Names shared with the language server and the manifest (package.json). Kept free of the
// `vscode` module so tests can check the manifest against them without an editor.

/** Client id: also the prefix of the `<id>.trace.server` setting vscode-languageclient reads. */
export const CLIENT_ID = 'onlineIdentifiers';
export const CLIENT_NAME = 'Online Identifiers';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'online-identifiers';

/** Settings section synchronised to the server (`workspace/didChangeConfiguration`). */
export const SETTINGS_SECTION = 'onlineIdentifiers';

/** Languages the server lints; `.mjs`/`.cjs` files are `javascript` in VS Code. */
export const LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact'] as const;

/** URI schemes of documents handed to the server: files on disk and unsaved editors. */
export const SCHEMES = ['file', 'untitled'] as const;

export const COMMANDS = {
  scanWorkspace: 'onlineIdentifiers.scanWorkspace',
  restartServer: 'onlineIdentifiers.restartServer',
  showOutput: 'onlineIdentifiers.showOutput',
  /** Sent by the server's "show documentation" code action with the rule's URL as argument. */
  showDocumentation: 'onlineIdentifiers.showDocumentation',
} as const;

/** Client -> server notification when the user trusts the workspace after the server started. */
export const TRUST_CHANGED_NOTIFICATION = 'onlineIdentifiers/trustChanged';

export interface InitializationOptions {
  workspaceTrusted: boolean;
}

export interface TrustChangedParams {
  workspaceTrusted: boolean;
}

/** Inspector port of the server when the extension runs in debug mode (see .vscode/launch.json). */
export const SERVER_DEBUG_PORT = 6009;
