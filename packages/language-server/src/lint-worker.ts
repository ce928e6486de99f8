// The worker-thread side of lint-pool.ts: one RuleLinter (built-in config,
// this project's plugin) answering lint and fix-all requests, so ESLint's
// synchronous work never holds up the thread that answers the protocol.
// It lives in the server's own entry file (server.ts checks workerData), so
// the VS Code extension's single-file bundle carries it without a second
// entry point.
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { fixAllText } from './code-actions';
import { RuleLinter, type LintOutcome } from './linter';

export { LINT_WORKER_ROLE, isLintWorker } from './worker-role';

/** What one lint needs: the text, the name ESLint sees, exactly the rules to run, and the base of `files` patterns. */
export interface LintInput {
  text: string;
  filePath: string;
  rules: Linter.RulesRecord;
  cwd: string;
  /** Also describe the top-level statements (for the next edit's region lint). */
  statements?: boolean;
}

export interface WorkerRequest {
  id: number;
  /** `lint`: the findings; `fix-all`: the text after every redact suggestion (fixAllText); `heap`: the worker's heap (after a GC when exposed). */
  kind: 'lint' | 'fix-all' | 'heap';
  input: LintInput;
}

export type WorkerReply =
  | { id: number; kind: 'lint'; outcome: LintOutcome }
  | { id: number; kind: 'fix-all'; text: string }
  /** Bytes used by this worker's V8 heap. */
  | { id: number; kind: 'heap'; used: number }
  /** Anything that escaped RuleLinter (it catches rule crashes itself). */
  | { id: number; kind: 'failure'; message: string };


/** Answers one request with `linter`; never throws (a failure is a reply). */
export function answer(linter: RuleLinter, request: WorkerRequest): WorkerReply {
  const { id, input } = request;
  try {
    if (request.kind === 'heap') {
      (globalThis as { gc?: () => void }).gc?.();
      return { id, kind: 'heap', used: process.memoryUsage().heapUsed };
    }
    if (request.kind === 'fix-all') {
      const text = fixAllText(input.text, (text) => {
        const outcome = linter.lint(text, input.filePath, input.rules, input.cwd);
        return outcome.kind === 'ok' ? outcome.messages : undefined;
      });
      return { id, kind: 'fix-all', text };
    }
    return { id, kind: 'lint', outcome: linter.lint(input.text, input.filePath, input.rules, input.cwd, { statements: input.statements === true }) };
  } catch (error) {
    return { id, kind: 'failure', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** The worker's loop: requests in, replies out, until the pool terminates it. */
export function runLintWorker(port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('runLintWorker runs in a worker thread');
  const linter = new RuleLinter({ plugin, builtinConfig: createBuiltinConfig() });
  port.on('message', (request: WorkerRequest) => port.postMessage(answer(linter, request)));
}
