import assert from 'node:assert/strict';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from '../src/config';
import * as parser from '../src/parser';
import { lazyTokens } from '../src/parser/lazy-tokens';
import * as logging from '../../eslint-plugin/test/rules/no-unclassified-logging.cases';
import * as frameworks from '../../eslint-plugin/test/rules/no-unclassified-logging.frameworks.cases';
import * as realCode from '../../eslint-plugin/test/rules/no-unclassified-logging.real-code.cases';
import * as telemetry from '../../eslint-plugin/test/rules/no-unclassified-telemetry.cases';
import * as metrics from '../../eslint-plugin/test/rules/no-identifiers-in-metrics.cases';
import * as accessLog from '../../eslint-plugin/test/rules/no-identifying-access-log.cases';
import * as retention from '../../eslint-plugin/test/rules/log-retention.cases';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Case {
  readonly name: string;
  readonly code: string;
  readonly ts?: boolean;
  readonly sourceType?: 'module' | 'commonjs';
  readonly options?: readonly unknown[];
}

/** Every invalid case of every rule's tests, under its rule: the findings whose suggestions read tokens. */
const CASES: readonly [string, readonly Case[]][] = [
  ['no-unclassified-logging', [...logging.INVALID, ...logging.OPTION_INVALID, ...frameworks.FRAMEWORK_INVALID, ...realCode.FLOWS, ...realCode.SINKS, ...realCode.CONFIGURED, ...realCode.LABELS, ...realCode.NOISE]],
  [
    'no-unclassified-logging',
    [
      // Parentheses around the value move inside the wrapping call (read from tokens).
      { name: 'parenthesized argument', code: "import pino from 'pino';\nconst logger = pino();\nexport const f = (req) => logger.info(((req.ip)));\n" },
      { name: 'parenthesized property value', code: "export const f = (req, log) => log.info({ ip: (req.ip), at: 1 });\n" },
      { name: 'parenthesized sequence', code: "export const f = (req, logger) => logger.warn((0, req.ip));\n" },
    ],
  ],
  [
    'no-unclassified-telemetry',
    [
      ...telemetry.INVALID,
      ...telemetry.OPTION_INVALID,
      ...telemetry.OPTION_FINDINGS,
      // Removing a list item takes the comma after it, or before it when it is last (read from tokens).
      { name: 'removal with a trailing comma and a comment', code: "import * as Sentry from '@sentry/browser';\nSentry.setUser({\n  ip_address: '{{auto}}', // auto\n  id: 'anon',\n});\n" },
      { name: 'removal of the last item', code: "import * as Sentry from '@sentry/browser';\nSentry.setUser({ id: 'anon', ip_address: '{{auto}}' , });\n" },
    ],
  ],
  ['no-identifiers-in-metrics', [...metrics.INVALID, ...metrics.OPTION_INVALID]],
  ['no-identifying-access-log', [...accessLog.CONFIG_INVALID, ...accessLog.TOKEN_INVALID]],
  ['log-retention', [...retention.INVALID, ...retention.OPTION_INVALID]],
];

function lint(rule: string, spec: Case, fast: boolean): Linter.LintMessage[] {
  const sourceType = spec.sourceType ?? 'module';
  const languageOptions: Linter.Config['languageOptions'] = fast
    ? { parser, ecmaVersion: 'latest', sourceType, parserOptions: { lazyTokens: true } }
    : spec.ts
      ? { parser: tsParser, ecmaVersion: 'latest', sourceType }
      : { ecmaVersion: 'latest', sourceType };
  return new Linter({ cwd: ROOT }).verify(
    spec.code,
    [
      {
        files: ['**/*'],
        plugins: { 'online-identifiers': plugin as never },
        languageOptions,
        rules: { [`online-identifiers/${rule}`]: ['error', ...(spec.options ?? [])] as Linter.RuleEntry },
      },
    ],
    { filename: path.join(ROOT, spec.ts ? 'case.ts' : 'case.js') },
  );
}

type TokenLike = { type: string; value: string; range: [number, number]; loc: unknown };
const plain = (tokens: readonly TokenLike[]) => JSON.parse(JSON.stringify(tokens.map(({ type, value, range, loc }) => ({ type, value, range, loc })))) as unknown;

describe('online-identifiers/parser lazyTokens: no tokens for ESLint, the same tokens for the fixes that ask', function () {
  let events: parser.FallbackEvent[] = [];
  beforeEach(() => {
    events = [];
    parser.setFallbackListener((event) => events.push(event));
  });
  after(() => parser.setFallbackListener(undefined));

  for (const [file, code] of [
    ['lazy.js', "// lead\nconst a = (b) /* x */ , c = `t${d}` + /re/g.source;\nlog.info({ ip: req.ip, }); x = <A b='c'>text</A>;\n"],
    ['lazy.ts', 'const a: Map<string, number> = new Map(); /* c */ function f<T>(x: T): T { return (x as T); }\n'],
  ] as const) {
    it(`leaves ast.tokens empty and gives the eager tokens from parserServices.lazyTokens(), once built (${file})`, function () {
      const options = { ecmaVersion: 2026, sourceType: 'module', ecmaFeatures: { jsx: true }, filePath: path.join(ROOT, file) } as const;
      const eager = parser.parseForESLint(code, options);
      const lazy = parser.parseForESLint(code, { ...options, lazyTokens: true });
      assert.deepEqual(lazy.ast.tokens, []);
      assert.ok((eager.ast.tokens ?? []).length > 20);
      assert.deepEqual(plain(lazy.ast.comments as never), plain(eager.ast.comments as never));
      const service = (lazy.services as { lazyTokens: () => TokenLike[] }).lazyTokens;
      const built = service();
      assert.deepEqual(plain(built), plain(eager.ast.tokens as never));
      assert.equal(service(), built, 'built once');
      assert.equal((eager.services as Record<string, unknown> | undefined)?.lazyTokens, undefined, 'no service without the option');
      assert.deepEqual(events, []);
    });
  }

  it("falls back to the reference parser's tokens when the fast tokens cannot be built, and reports it once", function () {
    const code = 'let x = (1);\n';
    const options = { ecmaVersion: 2026, sourceType: 'module' as const, filePath: path.join(ROOT, 'odd.js'), lazyTokens: true };
    const tokens = lazyTokens(() => {
      throw new Error('unexpected character at offset 4');
    }, code, options, false);
    const reference = parser.parseForESLint(code, { ...options, lazyTokens: false });
    assert.deepEqual(plain(tokens as never), plain(reference.ast.tokens as never));
    assert.deepEqual(events, [{ filePath: options.filePath, reason: 'tokens: unexpected character at offset 4', typescript: false, recovered: true }]);
  });

  it('the built-in config asks for lazy tokens only with the fast parser', function () {
    const optionsOf = (which: 'fast' | 'reference') =>
      createBuiltinConfig({ parser: which })
        .filter((entry) => entry.languageOptions)
        .map((entry) => (entry.languageOptions?.parserOptions as { lazyTokens?: boolean } | undefined)?.lazyTokens);
    assert.deepEqual(optionsOf('fast'), [true, true, true]);
    assert.deepEqual(optionsOf('reference'), [undefined, undefined, undefined]);
  });

  // The rules' suggestions are the only readers of tokens: every invalid
  // case of every rule gives the same messages, positions and suggestion
  // outputs with lazy tokens as with ESLint's own parsers.
  for (const [rule, cases] of CASES) {
    it(`${rule}: every invalid case gives the same messages and suggestions as espree / typescript-estree (${cases.length} cases)`, function () {
      let suggestions = 0;
      for (const spec of cases) {
        const expected = lint(rule, spec, false);
        assert.deepEqual(lint(rule, spec, true), expected, spec.name);
        assert.ok(expected.every((message) => !message.fatal), `${spec.name}: ${expected[0]?.message}`);
        suggestions += expected.reduce((sum, message) => sum + (message.suggestions?.length ?? 0), 0);
      }
      assert.ok(suggestions >= cases.length / 2, `only ${suggestions} suggestions compared`);
      assert.deepEqual(events, []);
    });
  }
});
