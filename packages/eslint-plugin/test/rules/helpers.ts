import { Linter, type RuleTester } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { KINDS, type Kind } from '../../src/catalog';
import plugin = require('../../src/index');

/** One expected finding: the reported text (its `nth` occurrence in the code), kind, origin and sink. */
export interface Expect {
  readonly at: string;
  readonly nth?: number;
  readonly kind: Kind;
  readonly origin: string;
  readonly sink: string;
  /** Reached through an unkeyed hash. */
  readonly hash?: boolean;
  /** The target is a shorthand property value (`{ ip }`): the fix spells the property out. */
  readonly shorthand?: boolean;
  /** The exact message, for rules whose messages go on past the logging form (default: `messageFor`). */
  readonly message?: string;
  /** The finding offers no suggestion (e.g. a declared label name: there is no value to wrap). */
  readonly noSuggestions?: boolean;
}

export interface InvalidSpec {
  readonly name: string;
  readonly code: string;
  readonly findings: readonly Expect[];
  readonly ts?: boolean;
  readonly options?: readonly unknown[];
  /** The suggestions import from this module (the rule's `redactModule` option). */
  readonly module?: string;
  /** The file is CommonJS without a leading require (e.g. it assigns `exports.x`): fixes add a require. */
  readonly commonjs?: boolean;
  /** ESLint's sourceType for the case (default module); `commonjs` makes the fixes add a require. */
  readonly sourceType?: 'module' | 'commonjs';
  /** The same origin reaches the sink twice: the fix classifies one, and the other is reported next. */
  readonly repeats?: boolean;
}

export interface ValidSpec {
  readonly name: string;
  readonly code: string;
  readonly ts?: boolean;
  readonly options?: readonly unknown[];
}

export const RUNTIME = '@online-identifiers/redact';

export function languageOptions(ts: boolean | undefined, sourceType: 'module' | 'commonjs' = 'module'): Record<string, unknown> {
  return ts ? { parser: tsParser, ecmaVersion: 'latest', sourceType } : { ecmaVersion: 'latest', sourceType };
}

/** Message text as the contract spells it. */
export function messageFor(expect: Expect): string {
  const label = KINDS[expect.kind].label;
  const head = `${label.charAt(0).toUpperCase()}${label.slice(1)} from ${expect.origin} reaches ${expect.sink}`;
  return expect.hash
    ? `${head} through an unkeyed hash, which is not classification: an unkeyed hash of an IP address can be reversed by brute force (the whole IPv4 space is hashed in minutes); use pseudonymize() (a keyed HMAC) or redact.ip()`
    : `${head} without classification`;
}

/** The `nth` occurrence of `text` in the code or, without `nth`, the first one inside the sink call. */
export function offsetOf(code: string, text: string, nth: number | undefined, sink?: string): number {
  const anchor = nth === undefined && sink !== undefined ? code.indexOf(`${sink}(`) : -1;
  let index = anchor >= 0 ? anchor - 1 : -1;
  nth ??= 0;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`test setup: ${JSON.stringify(text)} (#${nth}) not in ${JSON.stringify(code)}`);
  }
  return index;
}

export function position(code: string, offset: number): { line: number; column: number } {
  const before = code.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * The expected output of one suggestion, from the contract alone: the target
 * wrapped, and the import added after the file's leading imports (or its
 * leading requires, in CommonJS), or first.
 */
export function suggestionOutput(code: string, expect: Expect, exportName: string, module = RUNTIME, commonjsFile = false): string {
  const start = offsetOf(code, expect.at, expect.nth, expect.sink);
  const end = start + expect.at.length;
  const call =
    exportName === 'redact'
      ? `redact.${expect.kind}(${expect.at})`
      : exportName === 'pseudonymize'
        ? `pseudonymize(${expect.at})`
        : `classify(${expect.at}, '${expect.kind}')`;
  const replacement = expect.shorthand ? `${expect.at}: ${call}` : call;
  const wrapped = code.slice(0, start) + replacement + code.slice(end);
  const lines = wrapped.split('\n');
  let lastImport = -1;
  let commonjs = commonjsFile;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^import .* (?:from '[^']+'|= require\('[^']+'\));$/.test(line) || /^['"]use (?:strict|server|client)['"];$/.test(line) || (i === 0 && line.startsWith('#!'))) lastImport = i;
    else if (/^const .* = require\('[^']+'\)[^;]*;$/.test(line)) {
      lastImport = i;
      commonjs = true;
    } else break;
  }
  const statement = commonjs
    ? `const { ${exportName} } = require('${module}');`
    : `import { ${exportName} } from '${module}';`;
  if (lastImport < 0) return `${statement}\n${wrapped}`;
  lines.splice(lastImport + 1, 0, statement);
  return lines.join('\n');
}

/** A RuleTester invalid case with exact message, location and every suggestion's output. */
export function toInvalid(spec: InvalidSpec): RuleTester.InvalidTestCase {
  const errors = spec.findings
    .map((expect) => {
      const start = offsetOf(spec.code, expect.at, expect.nth, expect.sink);
      const from = position(spec.code, start);
      const to = position(spec.code, start + expect.at.length);
      const suggestions = expect.noSuggestions ? [] : [
        { messageId: 'suggestRedact', exportName: 'redact' },
        ...(expect.kind === 'request' ? [] : [{ messageId: 'suggestPseudonymize', exportName: 'pseudonymize' }]),
        { messageId: 'suggestClassify', exportName: 'classify' },
      ].map(({ messageId, exportName }) => ({
        messageId,
        data: { kind: expect.kind },
        output: suggestionOutput(spec.code, expect, exportName, spec.module, spec.commonjs || spec.sourceType === 'commonjs'),
      }));
      return {
        offset: start,
        error: {
          message: expect.message ?? messageFor(expect),
          line: from.line,
          column: from.column,
          endLine: to.line,
          endColumn: to.column,
          suggestions,
        },
      };
    })
    .sort((a, b) => a.offset - b.offset)
    .map(({ error }) => error);
  return invalidCase(spec, errors);
}

/** A RuleTester invalid case from a spec's name, code, options and language, with the given expected errors. */
export function invalidCase(
  spec: Pick<InvalidSpec, 'name' | 'code' | 'options' | 'ts' | 'sourceType'>,
  errors: readonly unknown[],
): RuleTester.InvalidTestCase {
  return {
    name: spec.name,
    code: spec.code,
    ...(spec.options ? { options: [...spec.options] } : {}),
    languageOptions: languageOptions(spec.ts, spec.sourceType),
    errors,
  } as RuleTester.InvalidTestCase;
}

export function toValid(spec: Pick<ValidSpec, 'name' | 'code' | 'ts' | 'options'>): RuleTester.ValidTestCase {
  return {
    name: spec.name,
    code: spec.code,
    ...(spec.options ? { options: [...spec.options] } : {}),
    languageOptions: languageOptions(spec.ts),
  } as RuleTester.ValidTestCase;
}

/**
 * Lints `code` with one rule of the plugin, under a case's parser, source type
 * and options (for the suggestion property tests).
 */
export function lintWithRule(
  ruleId: string,
  spec: { readonly ts?: boolean; readonly sourceType?: 'module' | 'commonjs'; readonly options?: readonly unknown[] },
  code: string,
): Linter.LintMessage[] {
  return new Linter().verify(code, [
    {
      plugins: { 'online-identifiers': plugin as never },
      languageOptions: languageOptions(spec.ts, spec.sourceType) as Linter.Config['languageOptions'],
      rules: { [ruleId]: ['error', ...(spec.options ?? [])] as Linter.RuleEntry },
    },
  ]);
}
