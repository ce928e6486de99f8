// Problems the user should hear about once, not on every keystroke: global
// kinds (an invalid setting, a broken config, a crashing rule) shown once per
// session, and per-document notes (does not parse, too large) logged once
// per open document. Both sets stay small: kinds are few, documents close.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';

const MAX_KINDS = 1000;

export class OnceReporter {
  private readonly warned = new Set<string>();
  private readonly perDocument = new Map<string, Set<string>>();

  constructor(private readonly connection: Pick<Connection, 'console' | 'sendNotification'>) {}

  /** Logs and shows (window/showMessage, a notification: nothing to answer) the first time `kind` happens. */
  warnOnce(kind: string, message: string, level: 'warning' | 'error' = 'warning'): void {
    if (this.warned.has(kind)) return;
    if (this.warned.size >= MAX_KINDS) this.warned.clear();
    this.warned.add(kind);
    if (level === 'error') this.connection.console.error(message);
    else this.connection.console.warn(message);
    const type = level === 'error' ? MessageType.Error : MessageType.Warning;
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message: `Online Identifiers: ${message}` });
  }

  /** Logs (window/logMessage) the first time `kind` happens for the document. */
  logOncePerDocument(uri: string, kind: string, message: string, level: 'info' | 'error' = 'info'): void {
    let kinds = this.perDocument.get(uri);
    if (!kinds) {
      kinds = new Set();
      this.perDocument.set(uri, kinds);
    }
    if (kinds.has(kind)) return;
    kinds.add(kind);
    if (level === 'error') this.connection.console.error(message);
    else this.connection.console.info(message);
  }

  /** The document recovered (e.g. parses again): report the next occurrence. */
  forgetDocumentLog(uri: string, kind: string): void {
    this.perDocument.get(uri)?.delete(kind);
  }

  forgetDocument(uri: string): void {
    this.perDocument.delete(uri);
  }

  /** Forgets global kinds starting with `prefix` (their cause changed). */
  forgetWarnings(prefix: string): void {
    for (const kind of [...this.warned]) if (kind.startsWith(prefix)) this.warned.delete(kind);
  }
}
