/** The part of a stream the progress line needs; tests pass a fake. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line so the report starts on a clean line. */
  finish(): void;
}

/** Quiet for this long, so short scans never flicker a counter. */
export const PROGRESS_DELAY_MS = 250;
/** At most one redraw per interval; redrawing per file costs more than it shows. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * A one-line progress report on a terminal: files done, files per second and
 * the time left at that rate, e.g.
 * `online-identifiers: scanning 1200/10000 files, 85 files/s, about 1 min 44 s left`.
 * Nothing at all when the stream is not a TTY (CI logs, pipes), so output
 * stays byte-for-byte stable there. `now` returns milliseconds.
 */
export function createProgress(stream: ProgressStream, now: () => number = Date.now): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} };
  const started = now();
  let lastDraw = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - started < PROGRESS_DELAY_MS || time - lastDraw < PROGRESS_INTERVAL_MS) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r\u001b[Konline-identifiers: ${progressText(done, total, time - started)}`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}

/** The rate is shown once this much time has passed: earlier estimates swing wildly. */
export const RATE_AFTER_MS = 1000;

/**
 * The words of the progress line for `done` of `total` files after
 * `elapsedMs`; the rate and the time left appear once a file is done and
 * `RATE_AFTER_MS` have passed.
 */
export function progressText(done: number, total: number, elapsedMs: number): string {
  const counter = `scanning ${done}/${total} files`;
  if (done <= 0 || elapsedMs < RATE_AFTER_MS) return counter;
  const perSecond = (done * 1000) / elapsedMs;
  const rate = perSecond >= 10 ? Math.round(perSecond).toString() : perSecond.toFixed(1);
  const leftSeconds = Math.ceil(Math.max(0, total - done) / perSecond);
  return `${counter}, ${rate} files/s, about ${duration(leftSeconds)} left`;
}

/** `45 s`, `1 min 44 s`, `2 h 05 min`: whole seconds, as a person reads them. */
function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}
