// Where two versions of a text differ, as one span: what fix-all's minimal
// edit replaces, and what a region lint (region-lint.ts) finds the edit by.

/** The one span where two texts differ, in offsets (UTF-16 code units). */
export interface TextChange {
  start: number;
  /** End of the replaced span in the old text. */
  oldEnd: number;
  /** End of its replacement in the new text. */
  newEnd: number;
}

/**
 * The span where `before` and `after` differ: their common prefix and
 * (after it) their common suffix excluded. Undefined when they are equal.
 * Linear in the texts' length; never throws.
 */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start += 1;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd -= 1;
    newEnd -= 1;
  }
  return { start, oldEnd, newEnd };
}
