// Code actions for findings: the rule's ESLint suggestions as quick-fixes,
// "disable for this line", "show documentation", and fix-all. Every edit
// names the document version it was computed for, so a client refuses it
// once the text has moved on.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Linter } from 'eslint';
import { textChange } from './text-change';

/** Kind of the fix-all source action (editors run it on save with `source.fixAll`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.online-identifiers`;
/** Client-side command that opens a rule's documentation; the argument is the URL. */
export const SHOW_DOCUMENTATION_COMMAND = 'onlineIdentifiers.showDocumentation';
/** The suggestion applied by fix-all and marked preferred. */
export const PREFERRED_SUGGESTION = 'suggestRedact';
/** What the disable comment says until the developer writes the real reason. */
export const DISABLE_REASON_PLACEHOLDER = 'TODO: say why this identifier may stay unclassified';
/** Fix-all re-lints after each pass; findings whose fixes overlap (they share the import) need one pass each. */
export const MAX_FIX_PASSES = 50;

/** A finding as the server keeps it for one document version. */
export interface Finding {
  message: Linter.LintMessage;
  diagnostic: Diagnostic;
}

type Fix = { range: [number, number]; text: string };

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The findings the client's context diagnostics refer to (ours only, matched by code, message and range). */
export function findingsForContext(findings: readonly Finding[], context: readonly Diagnostic[]): Finding[] {
  return findings.filter((finding) =>
    context.some(
      (diagnostic) =>
        diagnostic.code === finding.diagnostic.code &&
        diagnostic.message === finding.diagnostic.message &&
        sameRange(diagnostic.range, finding.diagnostic.range),
    ),
  );
}

export function versionedEdit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}

/** ESLint's offsets do not count a byte-order mark; the document's do. */
function bomShift(document: TextDocument): number {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
}

function fixToEdit(document: TextDocument, fix: Fix): TextEdit {
  const shift = bomShift(document);
  return {
    range: { start: document.positionAt(fix.range[0] + shift), end: document.positionAt(fix.range[1] + shift) },
    newText: fix.text,
  };
}

/** One quick-fix per ESLint suggestion, in the rule's order; the redact one is preferred. */
export function suggestionActions(document: TextDocument, finding: Finding): CodeAction[] {
  return (finding.message.suggestions ?? []).map((suggestion) => {
    const action: CodeAction = {
      title: suggestion.desc,
      kind: CodeActionKind.QuickFix,
      diagnostics: [finding.diagnostic],
      edit: versionedEdit(document, [fixToEdit(document, suggestion.fix)]),
    };
    if (suggestion.messageId === PREFERRED_SUGGESTION) action.isPreferred = true;
    return action;
  });
}

/** Inserts `// eslint-disable-next-line <rule> -- <reason>` above the finding, indented like its line. */
export function disableLineAction(document: TextDocument, finding: Finding): CodeAction | undefined {
  const ruleId = finding.message.ruleId;
  if (!ruleId) return undefined;
  const line = finding.diagnostic.range.start.line;
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(text.replace(/^\uFEFF/, ''))?.[0] ?? '';
  const eol = text.endsWith('\r\n') ? '\r\n' : '\n';
  return {
    title: `Disable ${ruleId} for this line`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [finding.diagnostic],
    edit: versionedEdit(document, [
      {
        range: { start: { line, character: line === 0 ? bomShift(document) : 0 }, end: { line, character: line === 0 ? bomShift(document) : 0 } },
        newText: `${indent}// eslint-disable-next-line ${ruleId} -- ${DISABLE_REASON_PLACEHOLDER}${eol}`,
      },
    ]),
  };
}

export function showDocumentationAction(ruleId: string, url: string): CodeAction {
  const title = `Show documentation for ${ruleId}`;
  return { title, kind: CodeActionKind.QuickFix, command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [url] } };
}

/**
 * The quick-fixes for the findings a request is about: every suggestion (in
 * the rule's order), then one "disable" per rule and line, then one
 * "show documentation" per rule.
 */
export function quickFixes(document: TextDocument, findings: readonly Finding[], docsUrl: (ruleId: string) => string | undefined): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) actions.push(...suggestionActions(document, finding));
  const disabled = new Set<string>();
  for (const finding of findings) {
    const key = `${finding.message.ruleId ?? ''}:${finding.diagnostic.range.start.line}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    const action = disableLineAction(document, finding);
    if (action) actions.push(action);
  }
  const documented = new Set<string>();
  for (const finding of findings) {
    const ruleId = finding.message.ruleId ?? '';
    const url = docsUrl(ruleId);
    if (!url || documented.has(ruleId)) continue;
    documented.add(ruleId);
    actions.push(showDocumentationAction(ruleId, url));
  }
  return actions;
}

/** The preferred suggestion's fix of each message (the first suggestion when none is marked). */
function preferredFixes(messages: readonly Linter.LintMessage[]): Fix[] {
  const fixes: Fix[] = [];
  for (const message of messages) {
    const suggestions = message.suggestions ?? [];
    const chosen = suggestions.find((suggestion) => suggestion.messageId === PREFERRED_SUGGESTION) ?? suggestions[0];
    if (chosen) fixes.push(chosen.fix);
  }
  return fixes;
}

/** Applies the fixes that do not overlap an earlier one (by start offset); returns the new text. */
export function applyNonOverlapping(text: string, fixes: readonly Fix[]): string {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let cursor = 0;
  for (const fix of sorted) {
    if (fix.range[0] < cursor) continue;
    output += text.slice(cursor, fix.range[0]) + fix.text;
    cursor = fix.range[1];
  }
  return output + text.slice(cursor);
}

/**
 * Applies the preferred fix to every finding: lint, apply what does not
 * overlap, lint again, until nothing is left to fix or the pass limit.
 * `lint` returns undefined when the text cannot be linted (then we stop).
 */
export function fixAllText(text: string, lint: (text: string) => Linter.LintMessage[] | undefined): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  let current = text.slice(bom.length);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass += 1) {
    const messages = lint(bom + current);
    if (!messages) break;
    const fixes = preferredFixes(messages);
    if (fixes.length === 0) break;
    const next = applyNonOverlapping(current, fixes);
    if (next === current) break;
    current = next;
  }
  return bom + current;
}

/** One edit covering only what changed between two texts (keeps the editor's cursor and folds elsewhere). */
export function minimalEdit(document: TextDocument, before: string, after: string): TextEdit | undefined {
  const change = textChange(before, after);
  if (!change) return undefined;
  // Never split a surrogate pair or a CRLF: widen to whole code units.
  let start = change.start;
  while (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || (before[start - 1] === '\r' && before[start] === '\n'))) start -= 1;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(change.oldEnd) },
    newText: after.slice(start, change.newEnd),
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function fixAllAction(document: TextDocument, newText: string): CodeAction | undefined {
  const edit = minimalEdit(document, document.getText(), newText);
  if (!edit) return undefined;
  return {
    title: 'Redact every online identifier in this file',
    kind: FIX_ALL_KIND,
    edit: versionedEdit(document, [edit]),
  };
}

/** Whether the client asked (through `context.only`) for actions of `kind`. */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}
