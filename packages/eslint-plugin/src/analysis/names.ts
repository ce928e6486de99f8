import type { Kind } from '../catalog';
import { NAME_HEAD_PRESERVING, NAME_NOT_AFTER, NAME_NOT_BEFORE, NAME_PHRASES, type NamePhrase } from '../catalog';

/**
 * Splits a name into lower-case words on camelCase, PascalCase, acronyms,
 * snake_case, kebab-case, dots and spaces: `clientIP` → client ip,
 * `X-Forwarded-For` → x forwarded for, `IPv4Address` → ipv4 address.
 */
export function splitWords(name: string): readonly string[] {
  // Names repeat across a file and a run: split each once (callers must not change the array).
  const known = wordCache.get(name);
  if (known) return known;
  const normalized = name.replace(/IPv([46])/g, 'Ipv$1');
  const words = (normalized.match(/[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+/g) ?? []).map((word) => word.toLowerCase());
  if (wordCache.size >= MAX_CACHED_NAMES) wordCache.clear();
  wordCache.set(name, words);
  return words;
}

const wordCache = new Map<string, readonly string[]>();
const MAX_CACHED_NAMES = 50_000;

export interface NameMatcher {
  /** The kind a name denotes, if any of its whole-word phrases names an identifier. */
  match(name: string): Kind | undefined;
  /**
   * Does the name mention an identifier only to say it is something else
   * (`allowIpAddressList`, `cookieName`, `tokenExpiry`)? Then it speaks
   * against the value being one, over any name the value is passed under.
   */
  disclaims(name: string): boolean;
}

interface MatcherOptions {
  readonly extra?: readonly { readonly name: string; readonly kind: Kind }[];
  readonly ignore?: readonly string[];
}

/** Builds a matcher from the catalog's phrases plus user-supplied names; ignored names and words never match. */
export function createNameMatcher(options: MatcherOptions = {}): NameMatcher {
  const phrases: NamePhrase[] = [...NAME_PHRASES];
  for (const { name, kind } of options.extra ?? []) {
    const words = splitWords(name);
    if (words.length > 0) phrases.unshift({ words, kind });
  }
  // Longer phrases first, so `session id` wins over a shorter overlap.
  phrases.sort((a, b) => b.words.length - a.words.length);
  const ignoredNames = new Set((options.ignore ?? []).map((name) => name.toLowerCase()));
  const ignoredPhrases = (options.ignore ?? []).map(splitWords).filter((words) => words.length > 0);
  const notAfter = new Set(NAME_NOT_AFTER);
  const notBefore = new Set(NAME_NOT_BEFORE);
  const headPreserving = new Set(NAME_HEAD_PRESERVING);
  const cache = new Map<string, Kind | 'disclaimed' | undefined>();

  /** The kind, or `disclaimed` when a phrase occurs but every occurrence is ruled out by its context. */
  function compute(name: string): Kind | 'disclaimed' | undefined {
    if (ignoredNames.has(name.toLowerCase())) return undefined;
    const words = splitWords(name);
    if (ignoredPhrases.some((phrase) => containsPhrase(words, phrase))) return undefined;
    let disclaimed = false;
    for (const phrase of phrases) {
      const n = phrase.words.length;
      for (let i = 0; i + n <= words.length; i++) {
        if (!phrase.words.every((word, j) => words[i + j] === word)) continue;
        disclaimed = true;
        const before = words[i - 1];
        const after = words[i + n];
        if (before !== undefined && (notAfter.has(before) || phrase.notAfter?.includes(before))) continue;
        if (after !== undefined && notBefore.has(after)) continue;
        // The head of a compound is its last word: what follows the phrase may only spell it out.
        if (!words.slice(i + n).every((word) => headPreserving.has(word) || /^\d+$/.test(word))) continue;
        return phrase.kind;
      }
    }
    return disclaimed ? 'disclaimed' : undefined;
  }

  function lookup(name: string): Kind | 'disclaimed' | undefined {
    if (cache.has(name)) return cache.get(name);
    const kind = compute(name);
    cache.set(name, kind);
    return kind;
  }

  return {
    match(name: string): Kind | undefined {
      const kind = lookup(name);
      return kind === 'disclaimed' ? undefined : kind;
    },
    disclaims(name: string): boolean {
      return lookup(name) === 'disclaimed';
    },
  };
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}
