// Which role a thread of the server has, decided before anything heavy is
// loaded: the bin's entry (server.ts) asks it first, and loads the linter
// only in a lint worker or in the process that serves.
import { isMainThread, workerData } from 'node:worker_threads';

/** `workerData.role` of a lint worker. */
export const LINT_WORKER_ROLE = 'online-identifiers/lint-worker';

/** Whether this thread was started as a lint worker (lint-pool.ts starts them with `workerData.role`). */
export function isLintWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && (workerData as { role?: unknown }).role === LINT_WORKER_ROLE;
}
