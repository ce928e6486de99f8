// Where lints run. ESLint is synchronous: a big file can hold a thread for
// a second or more, and on the protocol thread that would freeze hover,
// code actions and every other document. The pool runs lints on worker
// threads (at most two: one slow document never blocks the others, plus a
// third for quick jobs, the region lints of phase 1, when both are busy),
// keeps only the newest queued job per document, and ends a worker whose run
// was superseded after it passed the budget, so the next version starts at once.
// Tests that inject their own plugin lint inline (plugins cannot cross
// threads), as does any job whose rule options cannot be cloned.
import { Worker } from 'node:worker_threads';
import { LINT_WORKER_ROLE, answer, type LintInput, type WorkerReply, type WorkerRequest } from './lint-worker';
import type { LintOutcome, RuleLinter } from './linter';
import type { RunSignal } from './scheduler';

export type { LintInput };

/** How a lint is queued. */
export interface LintOptions {
  /** A short job (a region lint) that must not wait behind full lints: it may use a worker kept for quick jobs. */
  quick?: boolean;
}

/** Runs lints and fix-all somewhere; `key` is the document (one queued job per key). */
export interface LintRunner {
  /** The outcome, or undefined when `signal` cancelled the job before it finished. Rejects only if the worker itself failed. */
  lint(key: string, input: LintInput, signal?: RunSignal, options?: LintOptions): Promise<LintOutcome | undefined>;
  /** The text after fix-all (code-actions.ts fixAllText), linted where lints run. */
  fixAll(key: string, input: LintInput): Promise<string>;
  /** Worker threads alive (0 inline). */
  readonly workers: number;
  /** Heap bytes used by each live worker (after a GC when the process runs with --expose-gc); empty inline. */
  workerHeaps(): Promise<number[]>;
  dispose(): Promise<void>;
}

/** Lints on the calling thread: in-process tests with an injected plugin, and the fallback. */
export class InlineRunner implements LintRunner {
  constructor(private readonly linter: RuleLinter) {}

  lint(_key: string, input: LintInput, signal?: RunSignal): Promise<LintOutcome | undefined> {
    if (signal?.cancelled) return Promise.resolve(undefined);
    return Promise.resolve(this.linter.lint(input.text, input.filePath, input.rules, input.cwd, { statements: input.statements === true }));
  }

  fixAll(_key: string, input: LintInput): Promise<string> {
    const reply = answer(this.linter, { id: 0, kind: 'fix-all', input });
    return reply.kind === 'fix-all' ? Promise.resolve(reply.text) : Promise.reject(new Error(reply.kind === 'failure' ? reply.message : 'no fix-all'));
  }

  get workers(): number {
    return 0;
  }

  workerHeaps(): Promise<number[]> {
    return Promise.resolve([]);
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

export interface WorkerPoolOptions {
  /** The file the workers run: the server's entry (server.js), which turns into a lint worker when workerData says so. */
  script: string;
  /** Inline linter for jobs that cannot be sent to a worker (rule options that do not clone). */
  inline: RuleLinter;
  /** At most this many workers for ordinary jobs, started on demand; quick jobs may start one more. */
  maxWorkers?: number;
  /** A superseded run that has taken longer than this (ms) is stopped by ending its worker. */
  budgetMs?: number;
  /** A run longer than this (ms) starts a spare worker if none is idle. */
  spareAfterMs?: number;
  /** A worker idle this long (ms) is ended, down to one kept warm (each holds ESLint, the parsers and the plugin: ~100 MB). */
  idleMs?: number;
  /** Where the workers' console output and the pool's own notes go (never stdout: it is the protocol). */
  log: (level: 'log' | 'error', text: string) => void;
}

/** Default budget: past it, a superseded lint is not worth finishing. */
export const DEFAULT_LINT_BUDGET_MS = 1000;
export const DEFAULT_MAX_WORKERS = 2;
/** Most lints of hand-written files finish sooner; a longer one is a big file that may keep its worker busy. */
export const DEFAULT_SPARE_AFTER_MS = 250;
/** Extra workers go after a minute without work: typing keeps them, a pause gives their memory back. */
export const DEFAULT_IDLE_MS = 60_000;
/** Workers that cannot start (a broken install, a missing bundle file) stop being tried after this many. */
const MAX_FAILURES = 3;

interface Job {
  id: number;
  key: string;
  quick: boolean;
  request: WorkerRequest;
  signal: RunSignal | undefined;
  resolve: (reply: WorkerReply | undefined) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  startedAt: number;
  /** Set once the worker is being ended: it takes no more jobs. */
  ending: boolean;
  /** Whether its last job was quick: quick jobs prefer such a worker (its heap holds no full lint's garbage to collect). */
  lastQuick: boolean;
  /** Heap questions (workerHeaps) by request id; answered undefined if the worker goes away. */
  heapWaiters: Map<number, (used: number | undefined) => void>;
  /** Ends the worker if it is still idle then (see `idleMs`). */
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Worker threads running RuleLinter (lint-worker.ts). Jobs go to an idle
 * worker, else start a new one up to `maxWorkers`, else wait in a queue where
 * a newer job for the same key replaces the older (which resolves undefined).
 * At most `maxWorkers` ordinary jobs run at once; a quick job (a region lint)
 * takes any idle worker and may start one more, so it never waits behind two
 * full lints (one of them often superseded and finishing its budget). Quick
 * jobs prefer the worker that ran the last quick one (the first quick job
 * warms that spare): a worker just done with a full lint tends to pause for
 * a collection, which would double a region lint's time.
 * A worker that dies fails its job (the scheduler logs it once) and is
 * replaced on demand.
 */
export class WorkerPool implements LintRunner {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** Workers that died in a row without answering; past MAX_FAILURES jobs run inline. */
  private failures = 0;
  private readonly maxWorkers: number;
  private readonly budgetMs: number;
  private readonly spareAfterMs: number;
  private readonly idleMs: number;

  constructor(private readonly options: WorkerPoolOptions) {
    this.maxWorkers = Math.max(1, options.maxWorkers ?? DEFAULT_MAX_WORKERS);
    this.budgetMs = options.budgetMs ?? DEFAULT_LINT_BUDGET_MS;
    this.spareAfterMs = options.spareAfterMs ?? DEFAULT_SPARE_AFTER_MS;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** Starts the first worker now, so the first document does not wait for ESLint to load. */
  warm(): void {
    if (this.slots.length === 0 && !this.disposed) this.spawn();
  }

  get workers(): number {
    return this.slots.length;
  }

  async lint(key: string, input: LintInput, signal?: RunSignal, options: LintOptions = {}): Promise<LintOutcome | undefined> {
    const reply = await this.submit(key, { id: 0, kind: 'lint', input }, signal, options.quick === true);
    if (reply === undefined) return undefined;
    if (reply.kind === 'lint') return reply.outcome;
    throw new Error(reply.kind === 'failure' ? reply.message : `unexpected ${reply.kind} reply`);
  }

  async fixAll(key: string, input: LintInput): Promise<string> {
    const reply = await this.submit(`${key}#fix-all`, { id: 0, kind: 'fix-all', input });
    if (reply?.kind === 'fix-all') return reply.text;
    if (reply?.kind === 'failure') throw new Error(reply.message);
    return input.text;
  }

  /** Asks each live worker for its heap, beside the job queue (a busy worker answers after its current job). */
  async workerHeaps(): Promise<number[]> {
    const input: LintInput = { text: '', filePath: '', rules: {}, cwd: '' };
    const asked = this.slots
      .filter((slot) => !slot.ending)
      .map(
        (slot) =>
          new Promise<number | undefined>((resolve) => {
            const id = this.nextId++;
            slot.heapWaiters.set(id, resolve);
            slot.worker.postMessage({ id, kind: 'heap', input } satisfies WorkerRequest);
          }),
      );
    return (await Promise.all(asked)).filter((used): used is number => used !== undefined);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.resolve(undefined);
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.ending = true;
        clearTimeout(slot.idleTimer);
        slot.job?.resolve(undefined);
        return slot.worker.terminate();
      }),
    );
  }

  private submit(key: string, request: WorkerRequest, signal?: RunSignal, quick = false): Promise<WorkerReply | undefined> {
    if (this.disposed || signal?.cancelled) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      const job: Job = { id, key, quick, request: { ...request, id }, signal, resolve, reject };
      const queued = this.queue.findIndex((other) => other.key === key);
      if (queued >= 0) this.queue.splice(queued, 1)[0]?.resolve(undefined);
      signal?.onCancel(() => this.cancelled(job));
      this.queue.push(job);
      this.pump();
    });
  }

  /** A cancelled job leaves the queue; a running one ends its worker once past the budget. */
  private cancelled(job: Job): void {
    const index = this.queue.indexOf(job);
    if (index >= 0) {
      this.queue.splice(index, 1);
      job.resolve(undefined);
      return;
    }
    const slot = this.slots.find((candidate) => candidate.job === job);
    if (!slot) return;
    const left = this.budgetMs - (Date.now() - slot.startedAt);
    if (left <= 0) {
      this.end(slot);
      return;
    }
    setTimeout(() => {
      if (slot.job === job) this.end(slot);
    }, left).unref();
  }

  /** Ends a worker mid-run: its job resolves undefined, queued work moves on. */
  private end(slot: Slot): void {
    if (slot.ending) return;
    slot.ending = true;
    const job = slot.job;
    slot.job = undefined;
    this.remove(slot);
    job?.resolve(undefined);
    void slot.worker.terminate();
    this.pump();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  private pump(): void {
    if (this.failures >= MAX_FAILURES) {
      for (const job of this.queue.splice(0)) job.resolve(answer(this.options.inline, job.request));
      return;
    }
    // Ordinary jobs run on at most maxWorkers workers at once; a quick job takes any idle worker, or starts one more.
    for (let index = 0; index < this.queue.length && !this.disposed; ) {
      const job = this.queue[index];
      if (!job) return;
      const running = this.slots.filter((candidate) => candidate.job && !candidate.job.quick).length;
      const limit = job.quick ? this.maxWorkers + 1 : this.maxWorkers;
      const idle = job.quick || running < this.maxWorkers ? this.slots.filter((candidate) => !candidate.job && !candidate.ending) : [];
      let slot = idle.find((candidate) => candidate.lastQuick === job.quick) ?? idle[0];
      if (!slot && this.slots.length < limit && (job.quick || running < this.maxWorkers)) slot = this.spawn();
      if (!slot) {
        index += 1;
        continue;
      }
      this.queue.splice(index, 1);
      this.dispatch(slot, job);
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    try {
      slot.worker.postMessage(job.request);
    } catch {
      // Rule options a project config built with functions do not clone: lint this one here.
      job.resolve(answer(this.options.inline, job.request));
      return;
    }
    // The first quick job on a worker that runs full lints warms a spare, the quick jobs' own from then on.
    if (job.quick && !slot.lastQuick && !this.slots.some((candidate) => candidate.lastQuick) && this.slots.length < this.maxWorkers) {
      this.spawn().lastQuick = true;
    }
    clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.job = job;
    slot.lastQuick = job.quick;
    slot.startedAt = Date.now();
    // A long run gets a spare worker loading beside it (loading ESLint takes a while), so the next document need not wait.
    setTimeout(() => {
      const idle = this.slots.some((candidate) => !candidate.job && !candidate.ending);
      if (slot.job === job && !idle && this.slots.length < this.maxWorkers && !this.disposed) this.spawn();
    }, this.spareAfterMs).unref();
  }

  /** Ends an idle worker after `idleMs`, unless it is the last one (kept warm) or it has work again by then. */
  private retireWhenIdle(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = undefined;
      const live = this.slots.filter((candidate) => !candidate.ending);
      if (slot.job || slot.ending || this.disposed || live.length <= 1) return;
      slot.ending = true;
      this.remove(slot);
      void slot.worker.terminate();
    }, this.idleMs);
    slot.idleTimer.unref();
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script, {
      workerData: { role: LINT_WORKER_ROLE },
      // Captured, so nothing a rule or parser prints can reach the protocol stream.
      stdout: true,
      stderr: true,
    });
    const slot: Slot = { worker, job: undefined, startedAt: 0, ending: false, lastQuick: false, heapWaiters: new Map(), idleTimer: undefined };
    this.slots.push(slot);
    worker.unref();
    worker.stdout.on('data', (chunk: Buffer) => this.options.log('log', chunk.toString().trimEnd()));
    worker.stderr.on('data', (chunk: Buffer) => this.options.log('error', chunk.toString().trimEnd()));
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'heap') {
        slot.heapWaiters.get(reply.id)?.(reply.used);
        slot.heapWaiters.delete(reply.id);
        return;
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      this.failures = 0;
      job.resolve(reply);
      this.pump();
      if (!slot.job) this.retireWhenIdle(slot);
    });
    const fail = (reason: string): void => {
      if (slot.ending) return;
      slot.ending = true;
      this.remove(slot);
      const job = slot.job;
      slot.job = undefined;
      this.failures += 1;
      if (this.failures === MAX_FAILURES) this.options.log('error', `${reason}; linting on the main thread from now on.`);
      job?.reject(new Error(reason));
      this.pump();
    };
    worker.on('error', (error) => fail(`The lint worker failed: ${error.stack ?? error.message}`));
    worker.on('exit', (code) => {
      for (const waiter of slot.heapWaiters.values()) waiter(undefined);
      slot.heapWaiters.clear();
      fail(`The lint worker exited with code ${code}`);
    });
    // A spare started ahead of need goes again if no work comes to it.
    this.retireWhenIdle(slot);
    return slot;
  }
}
