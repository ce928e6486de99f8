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
 * A one-line counter on a terminal; nothing at all when the stream is not a
 * TTY (CI logs, pipes), so output stays byte-for-byte stable there.
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
      stream.write(`\r\u001b[Konline-identifiers: scanning ${done}/${total} files`);
    },
    finish() {
      if (drawn) stream.write('\r\u001b[K');
    },
  };
}
