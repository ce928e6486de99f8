/** A line and a 0-based column, as ESTree's `loc` gives them (lines are 1-based). */
export interface Position {
  line: number;
  column: number;
}

export interface SourceLocation {
  start: Position;
  end: Position;
}

/**
 * Offsets of line starts in `text`, counting the line terminators ESLint
 * and espree count (`\r\n`, `\n`, `\r`, U+2028, U+2029). Offsets are UTF-16
 * code units, as `range` is.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 0x2028 || code === 0x2029) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** The position of UTF-16 offset `offset`, by binary search over `starts` (from lineStarts). */
export function positionAt(starts: readonly number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low] };
}

/**
 * Positions for offsets that mostly come in increasing order (tokens,
 * comments): walks forward from the last answer instead of searching, and
 * searches only when asked for an earlier offset.
 */
export class ForwardLocator {
  private line = 0;

  constructor(private readonly starts: readonly number[]) {}

  /** The position of UTF-16 offset `offset`. */
  at(offset: number): Position {
    const starts = this.starts;
    if (offset < starts[this.line]) return positionAt(starts, offset);
    while (this.line + 1 < starts.length && starts[this.line + 1] <= offset) this.line++;
    return { line: this.line + 1, column: offset - starts[this.line] };
  }
}
