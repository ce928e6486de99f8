// Per-document validation scheduling: debounce bursts of edits, cancel a run
// that a newer edit has superseded, and drop results computed for an old
// version. Time comes from an injected clock so tests drive it by hand.

export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Handed to each run; flips when a newer version is scheduled or the key is cancelled. */
export interface RunSignal {
  readonly cancelled: boolean;
  /** Calls `listener` once when the run is cancelled (at once if it already is), so work elsewhere (a worker) can stop. */
  onCancel(listener: () => void): void;
}

/** A RunSignal the owner flips with `cancel()`; listeners run once, in order, and a throwing one does not stop the rest. */
export class CancelSignal implements RunSignal {
  private flag = false;
  private listeners: (() => void)[] = [];

  get cancelled(): boolean {
    return this.flag;
  }

  onCancel(listener: () => void): void {
    if (this.flag) listener();
    else this.listeners.push(listener);
  }

  cancel(): void {
    if (this.flag) return;
    this.flag = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) {
      try {
        listener();
      } catch {
        // A listener's failure is its own; cancellation still reaches the others.
      }
    }
  }
}

export interface SchedulerOptions<R> {
  /** Quiet period after the last edit before a run starts. */
  delayMs: number;
  clock?: Clock;
  run: (key: string, version: number, signal: RunSignal) => Promise<R> | R;
  /** Called only with results for the latest scheduled version of the key. */
  deliver: (key: string, version: number, result: R) => void;
  /** A run that threw; the scheduler itself never throws at its caller. */
  onError?: (key: string, version: number, error: unknown) => void;
}

interface Entry {
  version: number;
  timer: unknown;
  signal: CancelSignal | undefined;
}

export class Scheduler<R> {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: Clock;

  constructor(private readonly options: SchedulerOptions<R>) {
    this.clock = options.clock ?? systemClock;
  }

  /** Schedules a run for `version`; `delayMs` overrides the debounce (0 for open/save). */
  schedule(key: string, version: number, delayMs = this.options.delayMs): void {
    this.cancel(key);
    const entry: Entry = { version, timer: undefined, signal: undefined };
    this.entries.set(key, entry);
    entry.timer = this.clock.setTimeout(() => {
      entry.timer = undefined;
      void this.start(key, entry);
    }, delayMs);
  }

  /** Forgets the key: pending timer cleared, a run in flight will not deliver. */
  cancel(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    if (entry.timer !== undefined) this.clock.clearTimeout(entry.timer);
    entry.signal?.cancel();
    this.entries.delete(key);
  }

  /** Whether `version` is the newest one scheduled for the key and not cancelled. */
  isCurrent(key: string, version: number): boolean {
    return this.entries.get(key)?.version === version;
  }

  /** Keys with a pending or running job (bounded by open documents). */
  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    for (const key of [...this.entries.keys()]) this.cancel(key);
  }

  private async start(key: string, entry: Entry): Promise<void> {
    const signal = new CancelSignal();
    entry.signal = signal;
    let result: R;
    try {
      result = await this.options.run(key, entry.version, signal);
    } catch (error) {
      if (!signal.cancelled) this.options.onError?.(key, entry.version, error);
      this.finish(key, entry);
      return;
    }
    if (!signal.cancelled && this.entries.get(key) === entry) this.options.deliver(key, entry.version, result);
    this.finish(key, entry);
  }

  private finish(key: string, entry: Entry): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
