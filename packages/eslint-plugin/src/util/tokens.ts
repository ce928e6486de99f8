// Tokens for the quick-fixes, whether the parser built them up front or
// lazily. ESLint's SourceCode answers token questions from `ast.tokens`; a
// parser that leaves that array empty and offers the tokens through
// `parserServices.lazyTokens()` instead (online-identifiers/parser with
// `parserOptions.lazyTokens`, used where only this plugin's rules run) saves
// building them for every file that has no finding. The fixes ask through
// `tokenSource`, which answers the same questions the same way either way.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Token = TSESTree.Token;
type Ranged = { readonly range: TSESTree.Range };
type Filter = (token: Token) => boolean;

/** ESLint's cursor options: a skip count, a filter, or both with `includeComments` (the token store's documented forms). */
export type CursorOptions = number | Filter | { readonly includeComments?: boolean; readonly filter?: Filter; readonly skip?: number } | undefined;

/** The parser service that builds the file's tokens on first call (an array equal to what `ast.tokens` would have held). */
export const LAZY_TOKENS_SERVICE = 'lazyTokens';

/** The token questions the fixes ask, with SourceCode's names, arguments and answers. */
export interface TokenSource {
  getTokenBefore(node: Ranged, options?: CursorOptions): Token | null;
  getTokenAfter(node: Ranged, options?: CursorOptions): Token | null;
  getFirstToken(node: Ranged, options?: CursorOptions): Token | null;
  getLastToken(node: Ranged, options?: CursorOptions): Token | null;
}

type SourceCode = Readonly<TSESLint.SourceCode>;

const stores = new WeakMap<SourceCode, TokenSource>();

/**
 * Where to ask token questions about the file `sourceCode` holds: the
 * SourceCode itself when its parser built `ast.tokens`, otherwise a store
 * over the tokens `parserServices.lazyTokens()` builds (once per file, on
 * the first question) and the comments in `ast.comments`.
 *
 * @param sourceCode the rule context's SourceCode
 * @returns an object answering getTokenBefore/After and getFirstToken/LastToken as ESLint's token store does
 * @throws whatever the parser's lazyTokens() throws (online-identifiers/parser does not: it falls back to its reference parser's tokens)
 */
export function tokenSource(sourceCode: SourceCode): TokenSource {
  const services = sourceCode.parserServices as Record<string, unknown> | undefined;
  const lazy = services?.[LAZY_TOKENS_SERVICE];
  if (typeof lazy !== 'function') return sourceCode;
  let store = stores.get(sourceCode);
  if (!store) {
    store = new LazyTokenStore(() => (lazy as () => Token[])(), sourceCode.ast.comments);
    stores.set(sourceCode, store);
  }
  return store;
}

/**
 * ESLint's token store semantics (lib/languages/js/source-code/token-store)
 * over arrays sorted by position: the filter applies first, then the skip
 * count; comments only with `includeComments`. Nodes and tokens never
 * overlap a token partly, so searching by start or by end finds the same place.
 */
export class LazyTokenStore implements TokenSource {
  private tokenList: Token[] | undefined;
  private withComments: Token[] | undefined;

  constructor(
    private readonly build: () => Token[],
    private readonly comments: readonly Token[],
  ) {}

  getTokenBefore(node: Ranged, options?: CursorOptions): Token | null {
    return this.find(options, (list) => lastEndingBy(list, node.range[0]), -1);
  }

  getTokenAfter(node: Ranged, options?: CursorOptions): Token | null {
    return this.find(options, (list) => firstStartingFrom(list, node.range[1]), 1);
  }

  getFirstToken(node: Ranged, options?: CursorOptions): Token | null {
    return this.find(options, (list) => firstStartingFrom(list, node.range[0]), 1, (token) => token.range[1] <= node.range[1]);
  }

  getLastToken(node: Ranged, options?: CursorOptions): Token | null {
    return this.find(options, (list) => lastEndingBy(list, node.range[1]), -1, (token) => token.range[0] >= node.range[0]);
  }

  /** Walks from `start` by `step` while `inside` holds: the filter's matches, the `skip`-th one returned. */
  private find(options: CursorOptions, start: (list: readonly Token[]) => number, step: 1 | -1, inside?: Filter): Token | null {
    const { list, filter, skip } = this.cursor(options);
    for (let index = start(list), skipped = 0; index >= 0 && index < list.length; index += step) {
      const token = list[index];
      if (inside && !inside(token)) break;
      if (filter && !filter(token)) continue;
      if (skipped++ === skip) return token;
    }
    return null;
  }

  private cursor(options: CursorOptions): { list: readonly Token[]; filter: Filter | undefined; skip: number } {
    const tokens = (this.tokenList ??= this.build());
    if (typeof options === 'number') return { list: tokens, filter: undefined, skip: options };
    if (typeof options === 'function') return { list: tokens, filter: options, skip: 0 };
    const list = options?.includeComments ? (this.withComments ??= merge(tokens, this.comments)) : tokens;
    return { list, filter: options?.filter, skip: options?.skip ?? 0 };
  }
}

/** Tokens and comments in one list, by position. */
function merge(tokens: readonly Token[], comments: readonly Token[]): Token[] {
  const out: Token[] = [];
  let t = 0;
  let c = 0;
  while (t < tokens.length || c < comments.length) {
    if (c >= comments.length || (t < tokens.length && tokens[t].range[0] < comments[c].range[0])) out.push(tokens[t++]);
    else out.push(comments[c++]);
  }
  return out;
}

/** The index of the first item that starts at or after `offset` (list.length when none does). */
function firstStartingFrom(list: readonly Token[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].range[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The index of the last item that ends at or before `offset` (-1 when none does). */
function lastEndingBy(list: readonly Token[], offset: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].range[1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
