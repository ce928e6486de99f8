// Phase 1 of two-phase diagnostics: after an edit inside one top-level
// statement of a long document, lint a focused text instead of the whole
// file. The focused text keeps the edited statement, the context (imports,
// variables, ...) and, transitively, the declarations kept code names and
// the statements that name the edited one. It has the document's line
// breaks, and every kept character stays on its line and column, so the
// lint's lines and columns are the document's own. Of a left-out statement
// only its line breaks remain, a stub (`function name(){}`) when kept code
// names what it declares, and a `;` padded with spaces to the length of its
// last line (kept code may follow on that line). Lines the left-out code
// ended are emptied rather than blanked: whitespace costs lint time (about a
// third of a region lint of the benchmark's file). Offsets, which do move,
// are mapped back through `RegionPlan.omitted`. Diagnostics inside the edited
// statement come from that lint; the others are the last full lint's, moved
// by the edit. The full lint (phase 2) follows and stays the source of truth.
// Everything here is pure: texts and messages in and out, in ESLint's
// offsets and 1-based lines and columns.
import type { Linter } from 'eslint';
import { textChange, type TextChange } from './text-change';
import type { TopLevelStatement } from './top-level-statements';

export { textChange, type TextChange };

/**
 * Documents shorter than this (in lines) are always linted whole: at 300
 * lines a full lint takes about 15 ms (p50) and 35 ms (p95) on the
 * benchmark's 2-core machine, already inside the 50 ms target; at 1,000
 * about 55 / 115 ms.
 */
export const REGION_LINT_MIN_LINES = 300;

/** A focused text that keeps more than this share of the document is not worth a lint of its own before the full one. */
export const REGION_LINT_MAX_KEPT = 0.5;

/** Rounds of "who names what the edited statement declares" before giving up (a chain that long is most of the file). */
const MAX_REVERSE_ROUNDS = 8;

/** The last full lint of a document, as a region lint builds on it. */
export interface RegionBase {
  /** The document text that was linted (with its byte-order mark, if any). */
  text: string;
  statements: readonly TopLevelStatement[];
}

/** Why an edit gets a full lint only. */
export type RegionFallback =
  /** The text is what was linted last. */
  | 'unchanged'
  /** The edit is not strictly inside one top-level statement (it spans several, or touches the space between them). */
  | 'outside-statement'
  /** The edit is inside an import, a variable or other context: what it changes reaches every statement. */
  | 'context-statement'
  /** The edited statement's dependencies are most of the file. */
  | 'mostly-kept';

/** A region lint to run: the focused text and what is needed to read its result. */
export interface RegionPlan {
  kind: 'region';
  /** What to lint instead of the document: the same line breaks, every kept character on its line and column (byte-order mark included). */
  focused: string;
  /** The edit since the base, in ESLint's offsets (no byte-order mark). */
  change: TextChange;
  /** The edited statement's `[start, end)` in the old text and in the new text. */
  oldStatement: [number, number];
  newStatement: [number, number];
  /** The left-out statements, in order: `[start, end)` in the new text and in the focused text (shorter: see leaveOut). */
  omitted: { document: [number, number]; focused: [number, number] }[];
  /** The top-level statements of the old text (the base's). */
  statements: readonly TopLevelStatement[];
  /** Line start offsets of the old and the new text (ESLint's line breaks). */
  oldLines: number[];
  newLines: number[];
}

const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;
const SPACES = ' '.repeat(256);
const IDENTIFIER = /[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*/gu;
const IDENTIFIER_PART = '[\\p{ID_Continue}$\\u200C\\u200D]';
/** A comment that configures ESLint (a disable, a global) inside a statement: left-out code must not lose it. */
const DIRECTIVE_HINT = /eslint|\bglobals?\b/;

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offsets where lines start, as ESLint's SourceCode counts lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(text); match; match = LINE_BREAK.exec(text)) starts.push(match.index + match[0].length);
  return starts;
}

/** 1-based line and column (ESLint's) to an offset. */
function offsetOf(lines: readonly number[], line: number, column: number): number {
  return (lines[Math.min(Math.max(line, 1), lines.length) - 1] ?? 0) + Math.max(column, 1) - 1;
}

/** An offset to ESLint's 1-based line and column. */
function positionOf(lines: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lines[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - (lines[low] ?? 0) + 1 };
}

/** Index of the statement that strictly contains `[start, end)` (the edit touches neither its first nor its last character), or -1. */
function statementAround(statements: readonly TopLevelStatement[], start: number, end: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = statements[middle]?.range ?? [0, 0];
    if (start <= from) high = middle - 1;
    else if (start >= to) low = middle + 1;
    else return end < to ? middle : -1;
  }
  return -1;
}

/** Index of the statement whose range holds `offset`, or -1. */
function statementAt(statements: readonly TopLevelStatement[], offset: number): number {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [from, to] = statements[middle]?.range ?? [0, 0];
    if (offset < from) high = middle - 1;
    else if (offset >= to) low = middle + 1;
    else return middle;
  }
  return -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[$\\]/g, '\\$&');
}

/**
 * What a left-out statement becomes: its line breaks, `stub` on the first
 * line, nothing else on the lines that end inside it (nothing follows them
 * on their line, so dropping them moves no column that is kept), and on its
 * last line spaces and a `;`, as long as the original (kept code may follow
 * on that line). Undefined when the stub needs a line of its own that the
 * statement does not have (it is kept whole then).
 */
function leaveOut(slice: string, stub: string): string | undefined {
  const lines: string[] = [];
  const breaks: string[] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (let match = LINE_BREAK.exec(slice); match; match = LINE_BREAK.exec(slice)) {
    lines.push('');
    breaks.push(match[0]);
    lineStart = match.index + match[0].length;
  }
  const last = slice.length - lineStart;
  if (lines.length > 0) {
    lines[0] = stub;
  } else if (stub.length < last) {
    return `${stub}${spaces(last - stub.length - 1)};`;
  } else if (stub) {
    return undefined;
  }
  let result = '';
  lines.forEach((line, index) => (result += line + (breaks[index] ?? '')));
  return `${result}${spaces(last - 1)};`;
}

function spaces(count: number): string {
  return count <= SPACES.length ? SPACES.slice(0, count) : ' '.repeat(count);
}

/**
 * Plans a region lint of `text` against the last full lint `base`: finds
 * the one top-level statement the edit lies strictly inside, chooses what
 * the focused text keeps (see the module comment) and builds it. Returns a
 * fallback reason when a full lint is the right answer instead. Pure; never
 * throws for texts and statements that belong together.
 */
export function planRegionLint(base: RegionBase, text: string): RegionPlan | { kind: 'fallback'; reason: RegionFallback } {
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom !== (base.text.charCodeAt(0) === 0xfeff)) return { kind: 'fallback', reason: 'outside-statement' };
  const before = stripBom(base.text);
  const source = stripBom(text);
  const change = textChange(before, source);
  if (!change) return { kind: 'fallback', reason: 'unchanged' };
  const { statements } = base;
  const edited = statementAround(statements, change.start, change.oldEnd);
  if (edited < 0) return { kind: 'fallback', reason: 'outside-statement' };
  if (statements[edited]?.role === 'context') return { kind: 'fallback', reason: 'context-statement' };

  const delta = change.newEnd - change.oldEnd;
  const ranges = statements.map(({ range: [start, end] }, index): [number, number] =>
    index < edited ? [start, end] : index === edited ? [start, end + delta] : [start + delta, end + delta],
  );
  const declaredBy = new Map<string, number[]>();
  statements.forEach((statement, index) => {
    for (const name of statement.names) declaredBy.set(name, [...(declaredBy.get(name) ?? []), index]);
  });
  const kept = statements.map((statement) => statement.role === 'context');
  kept[edited] = true;

  // Statements naming what the edited one declares (its callers, the route that registers it), and theirs in turn.
  const roots = [edited];
  let wanted = statements[edited]?.names ?? [];
  for (let round = 0; wanted.length > 0; round += 1) {
    if (round === MAX_REVERSE_ROUNDS) return { kind: 'fallback', reason: 'mostly-kept' };
    const mention = new RegExp(`(?<!${IDENTIFIER_PART})(?:${wanted.map(escapeRegExp).join('|')})(?!${IDENTIFIER_PART})`, 'gu');
    const next: string[] = [];
    for (const match of source.matchAll(mention)) {
      if (match.index >= change.start && match.index < change.newEnd) continue; // in the edit, hence in the edited statement
      const index = statementAt(statements, match.index < change.start ? match.index : match.index - delta);
      if (index < 0 || kept[index]) continue;
      kept[index] = true;
      roots.push(index);
      next.push(...(statements[index]?.names ?? []));
    }
    wanted = next;
  }

  // What kept code names: declarations and variables, transitively through their own text.
  const expanded = new Set<number>();
  const queue = [...roots];
  for (let index = queue.pop(); index !== undefined; index = queue.pop()) {
    if (expanded.has(index)) continue;
    expanded.add(index);
    kept[index] = true;
    const [start, end] = ranges[index] ?? [0, 0];
    for (const [name] of source.slice(start, end).matchAll(IDENTIFIER)) {
      for (const declarer of declaredBy.get(name) ?? []) if (!expanded.has(declarer)) queue.push(declarer);
    }
  }

  // Left out: the rest, unless a comment in it may configure ESLint. A left-out declaration that kept
  // code names (an export list, a call in a kept statement) keeps its binding as a stub; stubs cost
  // lint time (each is a function to analyse), so the others go without.
  const declaredByKept = new Set<string>();
  const namedByKept = new Set<string>();
  statements.forEach((statement, index) => {
    if (!kept[index]) return;
    for (const name of statement.names) declaredByKept.add(name);
    const [start, end] = ranges[index] ?? [0, 0];
    for (const [name] of source.slice(start, end).matchAll(IDENTIFIER)) namedByKept.add(name);
  });
  const omitted: RegionPlan['omitted'] = [];
  const parts: string[] = [bom ? '\uFEFF' : ''];
  let cursor = 0;
  let focusedLength = 0;
  let keptLength = source.length;
  statements.forEach((statement, index) => {
    if (kept[index]) return;
    const [start, end] = ranges[index] ?? [0, 0];
    const slice = source.slice(start, end);
    if (DIRECTIVE_HINT.test(slice)) return;
    const stubbed = statement.names.filter((name) => namedByKept.has(name) && !declaredByKept.has(name));
    const left = leaveOut(slice, stubbed.map((name) => `function ${name}(){}`).join(''));
    if (left === undefined) return;
    for (const name of stubbed) declaredByKept.add(name);
    parts.push(source.slice(cursor, start), left);
    focusedLength += start - cursor;
    omitted.push({ document: [start, end], focused: [focusedLength, focusedLength + left.length] });
    focusedLength += left.length;
    cursor = end;
    keptLength -= end - start;
  });
  if (keptLength > source.length * REGION_LINT_MAX_KEPT) return { kind: 'fallback', reason: 'mostly-kept' };
  parts.push(source.slice(cursor));

  const [oldStart, oldEnd] = statements[edited]?.range ?? [0, 0];
  return {
    kind: 'region',
    focused: parts.join(''),
    change,
    oldStatement: [oldStart, oldEnd],
    newStatement: [oldStart, oldEnd + delta],
    omitted,
    statements,
    oldLines: lineStarts(before),
    newLines: lineStarts(source),
  };
}

type Fixable = Pick<Linter.LintMessage, 'fix' | 'suggestions'>;
/** A fix or suggestion edit: `[start, end)` offsets and the replacement. */
type TextEdit = { range: [number, number]; text: string };

/** The message with `fix` and suggestions kept only when `keep(range)` allows them, their ranges moved by `move`. */
function filterFixes<T extends Fixable>(message: T, keep: (range: [number, number]) => boolean, move: (offset: number) => number): T {
  const result = { ...message };
  const moved = (fix: TextEdit): TextEdit => ({ range: [move(fix.range[0]), move(fix.range[1])], text: fix.text });
  if (message.fix) {
    if (keep(message.fix.range)) result.fix = moved(message.fix);
    else delete result.fix;
  }
  if (message.suggestions) {
    result.suggestions = message.suggestions.filter((suggestion) => keep(suggestion.fix.range)).map((suggestion) => ({ ...suggestion, fix: moved(suggestion.fix) }));
  }
  return result;
}

/** The last left-out statement that starts at or before focused offset `offset`, or undefined. */
function omittedBefore(omitted: RegionPlan['omitted'], offset: number): RegionPlan['omitted'][number] | undefined {
  let low = 0;
  let high = omitted.length - 1;
  let found: RegionPlan['omitted'][number] | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = omitted[middle];
    if (span && span.focused[0] <= offset) {
      found = span;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** A focused-text offset outside every left-out statement, as a document offset. */
function documentOffset(omitted: RegionPlan['omitted'], offset: number): number {
  const before = omittedBefore(omitted, offset);
  return before ? offset + before.document[1] - before.focused[1] : offset;
}

/**
 * The region lint's messages that start inside the edited statement. Lines
 * and columns need no change (the focused text keeps the document's); fix
 * ranges move from focused offsets to document offsets. A fix or suggestion
 * whose edit reaches outside the edited statement (an added import: its text
 * would carry the focused text between, and the import's name is chosen
 * against the whole file) is dropped, so its quick-fix waits for the full
 * lint.
 */
export function regionMessages(plan: RegionPlan, messages: readonly Linter.LintMessage[]): Linter.LintMessage[] {
  const [start, end] = plan.newStatement;
  return messages
    .filter((message) => {
      const offset = offsetOf(plan.newLines, message.line, message.column);
      return offset >= start && offset < end;
    })
    .map((message) => {
      const moved = filterFixes(message, () => true, (offset) => documentOffset(plan.omitted, offset));
      return filterFixes(moved, ([from, to]) => from >= start && to <= end, (offset) => offset);
    });
}

/**
 * The last full lint's messages outside the edited statement, moved to
 * where the edit put their text (line, column, end, and the ranges of their
 * fixes and suggestions). A message that overlaps the edited statement is
 * dropped (the region lint answers for it), as is a fix or suggestion whose
 * edit reaches outside the message's own top-level statement (an added
 * import spans the edit, or its name was chosen against the old text).
 */
export function shiftedMessages(plan: RegionPlan, messages: readonly Linter.LintMessage[]): Linter.LintMessage[] {
  const { change, oldLines, newLines, statements } = plan;
  const [statementStart, statementEnd] = plan.oldStatement;
  const delta = change.newEnd - change.oldEnd;
  const move = (offset: number): number => (offset >= change.oldEnd ? offset + delta : offset);
  const result: Linter.LintMessage[] = [];
  for (const message of messages) {
    const start = offsetOf(oldLines, message.line, message.column);
    const end = message.endLine === undefined || message.endColumn === undefined ? start : offsetOf(oldLines, message.endLine, message.endColumn);
    if (start < statementEnd && Math.max(end, start + 1) > statementStart) continue;
    const [ownStart, ownEnd] = statements[statementAt(statements, start)]?.range ?? [0, -1];
    const shifted = filterFixes(message, ([from, to]) => from >= ownStart && to <= ownEnd, move);
    if (start >= change.oldEnd) {
      const moved = positionOf(newLines, start + delta);
      shifted.line = moved.line;
      shifted.column = moved.column;
      if (message.endLine !== undefined && message.endColumn !== undefined) {
        const movedEnd = positionOf(newLines, end + delta);
        shifted.endLine = movedEnd.line;
        shifted.endColumn = movedEnd.column;
      }
    }
    result.push(shifted);
  }
  return result;
}

/** Phase 1's messages for the whole document: the region lint's for the edited statement and the moved ones elsewhere, in ESLint's order (line, then column). */
export function mergeRegionMessages(plan: RegionPlan, region: readonly Linter.LintMessage[], previous: readonly Linter.LintMessage[]): Linter.LintMessage[] {
  return [...shiftedMessages(plan, previous), ...regionMessages(plan, region)].sort((a, b) => a.line - b.line || a.column - b.column);
}
