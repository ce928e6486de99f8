// The tokens of a file parsed with `lazyTokens` (see ParserOptions): built
// when a rule first asks parserServices.lazyTokens(), not for every file.
import type { ParserOptions } from './index';
import { noteFallback, parseWithReference } from './fallback';
import type { Token } from './tokens';

/**
 * The tokens of a file parsed with `lazyTokens`, built on demand: the fast
 * path's own, or, when a character fits no token (where the eager path
 * would have sent the whole file to the reference parser), the reference
 * parser's tokens for the same text, with the fallback reported once.
 * @param build the fast path's tokenizer over the parsed file (may throw TokenizeError)
 * @param code the file's text; options and typescript as parseForESLint got them
 * @returns the tokens, in espree's / typescript-estree's shapes
 * @throws only what the reference parser throws on text oxc accepted (not seen on the equivalence corpus)
 */
export function lazyTokens(build: () => Token[], code: string, options: ParserOptions, typescript: boolean): Token[] {
  try {
    return build();
  } catch (error) {
    const reason = `tokens: ${error instanceof Error ? error.message : String(error)}`;
    noteFallback({ filePath: options.filePath, reason, typescript, recovered: true });
    const reference = parseWithReference(code, { ...options, lazyTokens: false, tokens: true, range: true, loc: true, comment: true }, typescript);
    return (reference.ast.tokens ?? []);
  }
}

/** `compute`, run on the first call only; later calls return its first answer. */
export function memoize<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}