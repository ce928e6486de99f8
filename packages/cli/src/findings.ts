import { createHash } from 'node:crypto';
import type { ESLint, Linter } from 'eslint';
import { DESTINATION_LABELS, destinationOfMessage, kindOfMessage, type DestinationFamily, type Kind } from 'eslint-plugin-online-identifiers/catalog';
import { relative } from './paths';

/**
 * What the machine formats (SARIF, JSON, inventory, baseline) say about one
 * finding beyond ESLint's message: the identifier's kind, where it goes, and
 * a fingerprint that survives edits elsewhere in the file.
 */
export interface FindingFacts {
  /** The kind the message names (`ip`, `cookie`, …); undefined for findings about no single kind (e.g. log retention). */
  readonly kind: Kind | undefined;
  /** The destination in words: `log`, `access log`, `metric`, `log retention`, or the third party's name (`Sentry`, else `third party`). */
  readonly destination: string | undefined;
  /** The destination's family from the catalog (`log`, `access-log`, `metric`, `telemetry`, `retention`). */
  readonly destinationFamily: DestinationFamily | undefined;
  /** The third party the message names, for `telemetry` findings. */
  readonly vendor: string | undefined;
}

/** Kind and destination of one finding, read from its rule id and message (the message shapes are the plugin's contract). */
export function factsOf(message: Pick<Linter.LintMessage, 'ruleId' | 'message'>): FindingFacts {
  const found = message.ruleId ? destinationOfMessage(message.ruleId, message.message) : undefined;
  return {
    kind: kindOfMessage(message.message),
    destination: found ? (found.vendor ?? DESTINATION_LABELS[found.family]) : undefined,
    destinationFamily: found?.family,
    vendor: found?.vendor,
  };
}

/** A finding is a message of a rule; parse errors and internal errors are not. */
export function isFinding(message: Linter.LintMessage): boolean {
  return message.fatal !== true && message.ruleId !== null;
}

/** The key `partialFingerprints` carries ours under (a versioned name, as SARIF §3.27.17 asks). */
export const FINGERPRINT_KEY = 'onlineIdentifiers/v1';

/**
 * Fingerprints of every finding in one file, reported or suppressed.
 *
 * A fingerprint is the SHA-256 (first 32 hex digits) of the file's path
 * relative to `cwd`, the rule id, the message with whitespace collapsed, and
 * the finding's rank among the file's findings with that same rule and
 * message (in source order). Line and column are left out, so a finding keeps
 * its fingerprint when code above it moves; the message names kind, origin
 * and sink, so a different leak gets a different one.
 *
 * @param result one ESLint result; messages and suppressedMessages are both read, so a suppression does not shift the ranks
 * @param cwd the directory paths are made relative to
 * @returns fingerprint per message object (the same objects as in `result`)
 */
export function fingerprintsOf(result: ESLint.LintResult, cwd: string): Map<Linter.LintMessage, string> {
  const file = relative(cwd, result.filePath);
  const findings = [...result.messages, ...result.suppressedMessages].filter(isFinding).sort(bySourceOrder);
  const seen = new Map<string, number>();
  const fingerprints = new Map<Linter.LintMessage, string>();
  for (const message of findings) {
    const identity = `${message.ruleId ?? ''}\0${message.message.replace(/\s+/g, ' ').trim()}`;
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    const hash = createHash('sha256').update(`${file}\0${identity}\0${rank}`).digest('hex');
    fingerprints.set(message, hash.slice(0, 32));
  }
  return fingerprints;
}

function bySourceOrder(a: Linter.LintMessage, b: Linter.LintMessage): number {
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '') || a.message.localeCompare(b.message);
}
