// A minimal LSP client for tests: spawns the BUILT server over stdio and
// speaks JSON-RPC through vscode-languageserver-protocol. Waits are one-shot
// promises resolved by the server's own notifications (never sleeps); each
// has a generous guard so a missing message fails with a clear reason.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The built server; OI_LSP_SERVER points the same tests at another build (e.g. the extension's esbuild bundle). */
export const SERVER_BIN = process.env.OI_LSP_SERVER ?? path.join(REPO_ROOT, 'packages', 'language-server', 'bin', 'online-identifiers-language-server.js');

/** Capabilities of a typical push-diagnostics client (no pull). */
export const PUSH_CLIENT: ClientCapabilities = {
  workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true, showDocument: { support: true } },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

const WAIT_GUARD_MS = 15000;

interface Waiter<T> {
  test: (value: T) => boolean;
  resolve: (value: T) => void;
}

export interface StartOptions {
  workspace?: string;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** Settings answered for `workspace/configuration` (section onlineIdentifiers). */
  settings?: unknown;
  nodeArgs?: string[];
  /** Environment variables for the server, over this process's. */
  env?: Record<string, string | undefined>;
  /** The server script to run (default SERVER_BIN), e.g. the editor's bundle. */
  serverBin?: string;
}

export class LspClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shown: ShowMessageParams[] = [];
  readonly progress: unknown[] = [];
  readonly registrations: Registration[] = [];
  readonly errors: unknown[] = [];
  stderr = '';
  settings: unknown;
  initializeResult!: InitializeResult;

  private readonly diagnosticWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly logWaiters: Waiter<LogMessageParams | ShowMessageParams>[] = [];
  private readonly registrationWaiters: Waiter<Registration>[] = [];
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly workspace: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    connection.onError((error) => this.errors.push(error));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      this.settle(this.diagnosticWaiters, params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.settle(this.logWaiters, params);
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.shown.push(params);
      this.settle(this.logWaiters, params);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings ?? null));
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const registration of params.registrations) {
        this.registrations.push(registration);
        this.settle(this.registrationWaiters, registration);
      }
    });
    connection.onNotification('$/progress', (params: unknown) => {
      this.progress.push(params);
    });
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const workspace = options.workspace ?? fs.mkdtempSync(path.join(os.tmpdir(), 'oi-lsp-'));
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.serverBin ?? SERVER_BIN, '--stdio'], {
      cwd: workspace,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspClient(child, connection, workspace);
    client.settings = options.settings;
    connection.listen();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: path.basename(workspace) }],
      capabilities: options.capabilities ?? PUSH_CLIENT,
      initializationOptions: options.initializationOptions ?? { debounceMs: 0 },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(relative: string): string {
    return pathToFileURL(path.join(this.workspace, relative)).href;
  }

  writeFile(relative: string, text: string): string {
    const file = path.join(this.workspace, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  async open(relative: string, text: string, languageId = 'javascript', version = 1): Promise<string> {
    const uri = this.uri(relative);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return uri;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.change(uri, version, [{ text }]);
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onlineIdentifiers: settings } });
  }

  async configFileChanged(relative: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: this.uri(relative), type: 2 }] });
  }

  /** The diagnostics published for `uri` at `version` (already received or the next ones). */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitDiagnostics((params) => params.uri === uri && params.version === version, `diagnostics for ${uri} v${version}`, true);
  }

  /** The next publication for `uri` from now on (e.g. the clearing one after close). */
  nextDiagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    return this.waitDiagnostics((params) => params.uri === uri && test(params), `next diagnostics for ${uri}`, false);
  }

  /** The next log or shown message matching `test` (already received ones count). */
  message(test: (params: LogMessageParams | ShowMessageParams) => boolean, what: string): Promise<LogMessageParams | ShowMessageParams> {
    const seen = [...this.logs, ...this.shown].find(test);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.logWaiters, test, what);
  }

  /** The client/registerCapability entry for `method` (already received or the next one). */
  registration(method: string): Promise<Registration> {
    const seen = this.registrations.find((registration) => registration.method === method);
    if (seen) return Promise.resolve(seen);
    return this.wait(this.registrationWaiters, (registration) => registration.method === method, `registration of ${method}`);
  }

  async shutdown(): Promise<number | null> {
    if (this.child.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the server whatever its state (after a failed test) and removes the temp workspace. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill();
      await this.exited;
    }
    this.connection.dispose();
    if (path.basename(this.workspace).startsWith('oi-lsp-') && this.workspace.startsWith(os.tmpdir())) {
      fs.rmSync(this.workspace, { recursive: true, force: true });
    }
  }

  get exit(): Promise<number | null> {
    return this.exited;
  }

  private waitDiagnostics(test: (params: PublishDiagnosticsParams) => boolean, what: string, history: boolean): Promise<PublishDiagnosticsParams> {
    if (history) {
      const seen = this.diagnostics.find(test);
      if (seen) return Promise.resolve(seen);
    }
    return this.wait(this.diagnosticWaiters, test, what);
  }

  private wait<T>(waiters: Waiter<T>[], test: (value: T) => boolean, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const guard = setTimeout(() => {
        const index = waiters.indexOf(waiter);
        if (index >= 0) waiters.splice(index, 1);
        reject(new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}`));
      }, WAIT_GUARD_MS);
      const waiter: Waiter<T> = {
        test,
        resolve: (value) => {
          clearTimeout(guard);
          resolve(value);
        },
      };
      waiters.push(waiter);
    });
  }

  private settle<T>(waiters: Waiter<T>[], value: T): void {
    for (const waiter of [...waiters]) {
      if (waiter.test(value)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(value);
      }
    }
  }
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyEdits(text: string, edits: readonly { range: { start: Position; end: Position }; newText?: string }[]): string {
  const offsets = lineOffsets(text);
  const at = (position: Position): number => Math.min((offsets[position.line] ?? text.length) + position.character, text.length);
  const sorted = [...edits].sort((a, b) => at(b.range.start) - at(a.range.start));
  let result = text;
  for (const edit of sorted) {
    if (edit.newText === undefined) throw new Error('the server sent a snippet edit; it only ever sends plain text edits');
    result = result.slice(0, at(edit.range.start)) + edit.newText + result.slice(at(edit.range.end));
  }
  return result;
}

interface Position {
  line: number;
  character: number;
}

function lineOffsets(text: string): number[] {
  const offsets = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') offsets.push(i + 1);
  return offsets;
}
