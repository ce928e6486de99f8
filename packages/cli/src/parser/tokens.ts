import type { ConversionFacts } from './convert';
import { ForwardLocator, type SourceLocation } from './locations';

/** A token as espree and typescript-estree give it to ESLint. */
export interface Token {
  type: string;
  value: string;
  range: [number, number];
  loc: SourceLocation;
  regex?: { pattern: string; flags: string };
}

/** A comment as oxc gives it (UTF-16 offsets). */
export interface RawComment {
  type: 'Line' | 'Block';
  value: string;
  start: number;
  end: number;
}

/** Thrown when the text and the AST disagree: the caller falls back to the reference parser. */
export class TokenizeError extends Error {
  override readonly name = 'TokenizeError';
}

// Words that are keywords wherever they are not written as a name.
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends finally for function if ' +
    'import in instanceof new return super switch this throw try typeof var void while with'
  ).split(' '),
);
// espree: acorn reads these as names, espree calls them keywords (ES2015+), even as property names.
const ESPREE_NAME_KEYWORDS = new Set(['yield', 'let', 'static']);
// typescript-estree: TypeScript's future reserved words, keywords unless written as a name.
const TS_EXTRA_KEYWORDS = new Set(['enum', 'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield']);

// Longest first, so the first match is the longest punctuator.
const PUNCTUATORS = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>',
];
const SINGLE_PUNCTUATORS = new Set('{}()[];,<>+-*/%&|^!~?:=.@');

const ID_START = /[\p{ID_Start}$_]/u;
const ID_CONTINUE = /[\p{ID_Continue}$\u200c\u200d]/u;
const WHITESPACE = /[\s\ufeff]/;

function isIdentifierPart(code: number, text: string, index: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 36 || code === 95;
  }
  return ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(index)!));
}

function isIdentifierStart(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 36 || code === 95 || code === 92;
  return ID_START.test(String.fromCodePoint(text.codePointAt(index)!));
}

/**
 * The token list ESLint's SourceCode needs, which oxc-parser does not give
 * on Node 20 (only through raw transfer, Node 22+). One pass over the text:
 * comments come from oxc, and whatever the text alone cannot decide comes
 * from the AST (ConversionFacts). Types and values follow espree
 * (`typescript` false) or typescript-estree (`typescript` true).
 * @throws TokenizeError when a character fits no token: the caller falls back.
 */
export function tokenize(text: string, comments: readonly RawComment[], facts: ConversionFacts, locator: ForwardLocator, typescript: boolean): Token[] {
  const tokens: Token[] = [];
  const { hints, identifiers } = facts;
  const push = (type: string, start: number, end: number, value = text.slice(start, end)): Token => {
    const token: Token = { type, value, range: [start, end], loc: { start: locator.at(start), end: locator.at(end) } };
    tokens.push(token);
    return token;
  };
  let commentIndex = 0;
  let pos = 0;
  const length = text.length;
  while (pos < length) {
    // JSX text may start with blanks or `//`: it wins over both.
    let hint = hints.get(pos);
    if (hint === undefined || hint.type !== 'JSXText') {
      const code = text.charCodeAt(pos);
      if (code === 32 || code === 10 || code === 9 || code === 13 || (code > 127 || code === 11 || code === 12 ? WHITESPACE.test(text[pos]) : false)) {
        pos++;
        continue;
      }
      while (commentIndex < comments.length && comments[commentIndex].end <= pos) commentIndex++;
      const comment = comments[commentIndex];
      if (comment !== undefined && comment.start === pos) {
        pos = comment.end;
        continue;
      }
      hint = hints.get(pos);
    }
    if (hint !== undefined) {
      const token = push(hint.type, pos, hint.end, hint.value);
      if (hint.regex) token.regex = { pattern: hint.regex.pattern, flags: hint.regex.flags };
      pos = hint.end;
      continue;
    }
    const code = text.charCodeAt(pos);
    if (isIdentifierStart(code, text, pos) || code === 35 /* # */) {
      const start = pos;
      pos++;
      while (pos < length) {
        const next = text.charCodeAt(pos);
        if (next === 92 /* \ */) pos += text[pos + 2] === '{' ? text.indexOf('}', pos) - pos + 1 : 6;
        else if (isIdentifierPart(next, text, pos)) pos += next >= 0xd800 && next <= 0xdbff ? 2 : 1;
        else break;
      }
      if (code === 35) {
        if (pos === start + 1) throw new TokenizeError(`unexpected '#' at offset ${start}`);
        push('PrivateIdentifier', start, pos, text.slice(start + 1, pos));
      } else {
        push(wordType(text.slice(start, pos), identifiers.has(start), facts.jsxMemberIdentifiers.has(start), typescript), start, pos);
      }
      continue;
    }
    if (code === 34 || code === 39) {
      // A string the AST did not mention (it always does): read it, so nothing shifts.
      const end = stringEnd(text, pos);
      push('String', pos, end);
      pos = end;
      continue;
    }
    if (code === 62 /* > */ && facts.loneGreaterThan.has(pos)) {
      push('Punctuator', pos, pos + 1);
      pos++;
      continue;
    }
    const punctuator = punctuatorAt(text, pos);
    if (punctuator === undefined) throw new TokenizeError(`unexpected character ${JSON.stringify(text[pos])} at offset ${pos}`);
    push('Punctuator', pos, pos + punctuator.length, punctuator);
    pos += punctuator.length;
  }
  return tokens;
}

function wordType(word: string, isName: boolean, jsxMember: boolean, typescript: boolean): string {
  if (typescript) {
    if (isName) return jsxMember ? 'JSXIdentifier' : 'Identifier';
    if (word === 'null') return 'Null';
    if (word === 'true' || word === 'false') return 'Boolean';
    return RESERVED.has(word) || TS_EXTRA_KEYWORDS.has(word) ? 'Keyword' : 'Identifier';
  }
  if (ESPREE_NAME_KEYWORDS.has(word)) return 'Keyword';
  if (isName) return 'Identifier';
  if (word === 'null') return 'Null';
  if (word === 'true' || word === 'false') return 'Boolean';
  return RESERVED.has(word) ? 'Keyword' : 'Identifier';
}

function punctuatorAt(text: string, pos: number): string | undefined {
  for (const candidate of PUNCTUATORS) {
    if (text.startsWith(candidate, pos)) {
      // `a?.5:b` is a conditional, not optional chaining.
      if (candidate === '?.' && /\d/.test(text[pos + 2] ?? '')) continue;
      return candidate;
    }
  }
  const single = text[pos];
  return SINGLE_PUNCTUATORS.has(single) ? single : undefined;
}

function stringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === quote) return index + 1;
  }
  throw new TokenizeError(`unterminated string at offset ${start}`);
}
