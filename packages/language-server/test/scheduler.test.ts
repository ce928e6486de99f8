import * as assert from 'node:assert/strict';
import { CancelSignal, Scheduler, type Clock, type RunSignal } from '../src/scheduler';

/** A clock that only moves when the test says so. */
class FakeClock implements Clock {
  now = 0;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private nextId = 1;

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
  }
}

/** Lets pending promise callbacks run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('Scheduler', () => {
  let clock: FakeClock;
  let runs: { key: string; version: number; signal: RunSignal }[];
  let delivered: { key: string; version: number; result: string }[];

  function create(run?: (key: string, version: number, signal: RunSignal) => Promise<string> | string): Scheduler<string> {
    return new Scheduler<string>({
      delayMs: 300,
      clock,
      run: (key, version, signal) => {
        runs.push({ key, version, signal });
        return run ? run(key, version, signal) : `${key}@${version}`;
      },
      deliver: (key, version, result) => delivered.push({ key, version, result }),
    });
  }

  beforeEach(() => {
    clock = new FakeClock();
    runs = [];
    delivered = [];
  });

  it('runs once after the quiet period, not before', async () => {
    const scheduler = create();
    scheduler.schedule('a', 1);
    clock.advance(299);
    await flush();
    assert.equal(runs.length, 0);
    clock.advance(1);
    await flush();
    assert.deepEqual(delivered, [{ key: 'a', version: 1, result: 'a@1' }]);
  });

  it('debounces a burst of edits into one run of the last version', async () => {
    const scheduler = create();
    for (let version = 1; version <= 5; version++) {
      scheduler.schedule('a', version);
      clock.advance(100);
    }
    await flush();
    assert.equal(runs.length, 0);
    clock.advance(300);
    await flush();
    assert.deepEqual(
      runs.map((run) => run.version),
      [5],
    );
    assert.deepEqual(delivered, [{ key: 'a', version: 5, result: 'a@5' }]);
    assert.equal(clock.pending, 0);
    assert.equal(scheduler.size, 0);
  });

  it('keeps documents independent', async () => {
    const scheduler = create();
    scheduler.schedule('a', 1);
    clock.advance(150);
    scheduler.schedule('b', 7);
    clock.advance(150);
    await flush();
    assert.deepEqual(delivered, [{ key: 'a', version: 1, result: 'a@1' }]);
    clock.advance(150);
    await flush();
    assert.deepEqual(
      delivered.map((entry) => entry.key),
      ['a', 'b'],
    );
  });

  it('cancels a run in flight when a newer version arrives and drops its result', async () => {
    const first = deferred<string>();
    const scheduler = create((_key, version) => (version === 1 ? first.promise : `v${version}`));
    scheduler.schedule('a', 1);
    clock.advance(300);
    await flush();
    assert.equal(runs.length, 1);
    scheduler.schedule('a', 2);
    assert.equal(runs[0]?.signal.cancelled, true);
    first.resolve('stale');
    await flush();
    assert.deepEqual(delivered, []);
    clock.advance(300);
    await flush();
    assert.deepEqual(delivered, [{ key: 'a', version: 2, result: 'v2' }]);
  });

  it('delivers nothing after cancel (document closed)', async () => {
    const running = deferred<string>();
    const scheduler = create(() => running.promise);
    scheduler.schedule('a', 1);
    clock.advance(300);
    scheduler.cancel('a');
    running.resolve('late');
    await flush();
    scheduler.schedule('b', 1);
    scheduler.cancel('b');
    clock.advance(1000);
    await flush();
    assert.deepEqual(delivered, []);
    assert.equal(scheduler.size, 0);
  });

  it('accepts a delay override (0 for open and save)', async () => {
    const scheduler = create();
    scheduler.schedule('a', 1, 0);
    clock.advance(0);
    await flush();
    assert.deepEqual(delivered, [{ key: 'a', version: 1, result: 'a@1' }]);
  });

  it('reports a run that throws and keeps working', async () => {
    const errors: unknown[] = [];
    const scheduler = new Scheduler<string>({
      delayMs: 10,
      clock,
      run: (_key, version) => {
        if (version === 1) throw new Error('boom');
        return 'fine';
      },
      deliver: (key, version, result) => delivered.push({ key, version, result }),
      onError: (_key, _version, error) => errors.push(error),
    });
    scheduler.schedule('a', 1);
    clock.advance(10);
    await flush();
    assert.equal(errors.length, 1);
    scheduler.schedule('a', 2);
    clock.advance(10);
    await flush();
    assert.deepEqual(delivered, [{ key: 'a', version: 2, result: 'fine' }]);
  });

  it('dispose clears every pending timer', () => {
    const scheduler = create();
    scheduler.schedule('a', 1);
    scheduler.schedule('b', 1);
    scheduler.dispose();
    assert.equal(clock.pending, 0);
    assert.equal(scheduler.size, 0);
  });
});

describe('CancelSignal', function () {
  it('calls each listener once on cancel, and at once when already cancelled', function () {
    const signal = new CancelSignal();
    const calls: string[] = [];
    signal.onCancel(() => calls.push('first'));
    signal.onCancel(() => {
      throw new Error('a failing listener does not stop the others');
    });
    signal.onCancel(() => calls.push('third'));
    assert.equal(signal.cancelled, false);
    signal.cancel();
    signal.cancel();
    assert.equal(signal.cancelled, true);
    signal.onCancel(() => calls.push('late'));
    assert.deepEqual(calls, ['first', 'third', 'late']);
  });
});
