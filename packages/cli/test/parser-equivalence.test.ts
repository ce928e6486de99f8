import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter, type AST } from 'eslint';
import * as espree from 'espree';
import * as evk from 'eslint-visitor-keys';
import * as tsParser from '@typescript-eslint/parser';
import { visitorKeys as tsVisitorKeys } from '@typescript-eslint/visitor-keys';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from '../src/config';
import * as parser from '../src/parser';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;
const MAX_BYTES = 60 * 1024;
const JS_COUNT = 700;
const TS_COUNT = 400;

/** Every JS/TS file under node_modules up to MAX_BYTES, sorted, without following links. */
function nodeModulesFiles(directory: string, into: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      // Dot directories hold tools' scratch files, which come and go.
      if (!entry.name.startsWith('.')) nodeModulesFiles(full, into);
    } else if (entry.isFile() && EXTENSIONS.test(entry.name) && fs.statSync(full).size <= MAX_BYTES) {
      into.push(full);
    }
  }
  return into;
}

/** `count` files spread evenly over `files` (every package, not the first few alphabetically). */
function spread(files: string[], count: number): string[] {
  const stride = Math.max(1, files.length / count);
  const picked: string[] = [];
  for (let slot = 0; slot < count && Math.floor(slot * stride) < files.length; slot++) picked.push(files[Math.floor(slot * stride)]!);
  return picked;
}

type Located = { type: string; value?: unknown; range?: [number, number]; loc?: AST.SourceLocation | null };
const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value as string));
const where = (item: Located) =>
  `${item.type}${item.value === undefined || item.value === null ? '' : ` ${show(item.value)}`} ${item.range?.join('-')} ${item.loc?.start.line}:${item.loc?.start.column}-${item.loc?.end.line}:${item.loc?.end.column}`;

/** One line per token, comment and node (depth first, by visitor keys): what ESLint's SourceCode is built from. */
function describe_(ast: AST.Program, keys: Record<string, readonly string[] | undefined>): string[] {
  const lines = [...ast.tokens.map((token) => `token ${where(token)}`), ...ast.comments.map((comment) => `comment ${where(comment)}`)];
  const visit = (node: Located & Record<string, unknown>) => {
    lines.push(where(node));
    for (const key of keys[node.type] ?? evk.getKeys(node)) {
      const child = node[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item !== null && typeof item === 'object' && typeof (item as Located).type === 'string') visit(item as Located & Record<string, unknown>);
      }
    }
  };
  visit(ast as unknown as Located & Record<string, unknown>);
  return lines;
}

// Core rules that read scope analysis (variables, references) or tokens
// (their fixes are built from tokens): any difference there shows in them.
const CORE_RULES: Linter.RulesRecord = {
  'no-undef': 'error',
  'no-unused-vars': ['error', { args: 'all', caughtErrors: 'all' }],
  'no-shadow': ['error', { builtinGlobals: false, hoist: 'all' }],
  'no-use-before-define': 'error',
  'no-redeclare': 'error',
  'prefer-const': 'error',
  'block-scoped-var': 'error',
  curly: 'error',
  'dot-notation': 'error',
  'prefer-template': 'error',
  'object-shorthand': 'error',
  'prefer-arrow-callback': 'error',
  'no-else-return': 'error',
  'arrow-body-style': 'error',
  yoda: 'error',
  eqeqeq: 'error',
};

describe('online-identifiers/parser: same results as espree and typescript-estree on real files', function () {
  // About 25 s here (2 noisy cores); the bound only catches a hang.
  this.timeout(180000);

  const all = nodeModulesFiles(path.join(ROOT, 'node_modules'));
  const typescript = all.filter((file) => /\.[cm]?tsx?$/.test(file));
  const javascript = all.filter((file) => !/\.[cm]?tsx?$/.test(file));
  const files = [...spread(javascript, JS_COUNT), ...spread(typescript, TS_COUNT)];
  const allPluginRules: Linter.RulesRecord = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`online-identifiers/${name}`, 'error']));
  const globals = { require: 'readonly', module: 'writable', exports: 'writable', process: 'readonly', console: 'readonly' } as const;
  const extra: Linter.Config[] = [{ languageOptions: { globals }, rules: { ...CORE_RULES, ...allPluginRules } }];
  const reference = [...createBuiltinConfig({ parser: 'reference' }), ...extra];
  // The core rules read SourceCode's token store: the fast parser builds the
  // tokens up front here (the built-in config leaves them to its lazyTokens
  // service, which only this plugin's rules ask; lazy-tokens.test.ts).
  const fast = [...createBuiltinConfig({ parser: 'fast' }), ...extra, { languageOptions: { parserOptions: { lazyTokens: false } } }];

  after(() => parser.setFallbackListener(undefined));

  it('compares 1,000+ files: JS, JSX, TS and .d.ts, from installed packages', function () {
    assert.ok(files.length >= 1000, `only ${files.length} files`);
    assert.ok(files.some((file) => file.endsWith('.d.ts')) && files.some((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts')));
    assert.ok(Object.keys(allPluginRules).length >= 5, 'the plugin rules were not found');
    for (const rule of Object.keys(CORE_RULES)) assert.ok(builtinRules.has(rule), `ESLint has no rule ${rule}`);
  });

  it('gives the same tokens, comments and nodes (type, range, loc) on every file', function () {
    const differing: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8').replace(/^#!/u, '//');
      const ts = /\.[cm]?tsx?$/.test(file);
      const options = {
        ecmaVersion: 2026,
        sourceType: file.endsWith('.cjs') && !ts ? 'commonjs' : 'module',
        ecmaFeatures: { jsx: !file.endsWith('.cjs') },
        filePath: file,
        range: true,
        loc: true,
        tokens: true,
        comment: true,
      } as const;
      let expected: Linter.ESLintParseResult;
      try {
        expected = ts ? (tsParser.parseForESLint(text, options) as unknown as Linter.ESLintParseResult) : { ast: espree.parse(text, options) as unknown as AST.Program };
      } catch {
        continue; // not valid as a module: the lint comparison covers it (as a fatal message)
      }
      const actual = parser.parseForESLint(text, options);
      const keys = (ts ? tsVisitorKeys : evk.KEYS) as Record<string, readonly string[] | undefined>;
      const expectedShape = describe_(expected.ast, keys);
      const actualShape = describe_(actual.ast, keys);
      const at = expectedShape.findIndex((line, index) => line !== actualShape[index]);
      if (at !== -1 || expectedShape.length !== actualShape.length) {
        differing.push(`${path.relative(ROOT, file)}: ${expectedShape[at] ?? '(end)'} became ${actualShape[at] ?? '(end)'}`);
      }
    }
    assert.deepEqual(differing.slice(0, 5), [], `${differing.length} of ${files.length} files differ`);
  });

  it('gives the same messages, positions, fixes and suggestions on every file', function () {
    const linter = new Linter({ configType: 'flat', cwd: ROOT });
    const fallbacks: string[] = [];
    let messages = 0;
    let suggestions = 0;
    let fatal = 0;
    const differing: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      // Files in node_modules are ignored by default: lint them under a neutral name.
      const filename = path.join(ROOT, 'corpus', path.relative(path.join(ROOT, 'node_modules'), file));
      const expected = linter.verify(text, reference, { filename });
      parser.setFallbackListener((event) => fallbacks.push(`${file}: ${event.reason}`));
      const actual = linter.verify(text, fast, { filename });
      try {
        assert.deepEqual(actual, expected);
      } catch (error) {
        differing.push(`${path.relative(ROOT, file)}\n${error instanceof Error ? error.message.slice(0, 1500) : String(error)}`);
      }
      messages += expected.length;
      fatal += expected.filter((message) => message.fatal).length;
      suggestions += expected.reduce((sum, message) => sum + (message.suggestions?.length ?? 0), 0);
    }
    assert.deepEqual(differing.slice(0, 3), [], `${differing.length} of ${files.length} files differ`);
    // The comparison is only worth something if the rules had things to say ...
    assert.ok(messages > 5000, `only ${messages} messages compared`);
    assert.ok(suggestions > 0, 'no suggestions compared');
    // ... and if the fast path, not the fallback, produced them.
    assert.ok(fallbacks.length <= fatal + files.length / 100, `${fallbacks.length} fallbacks:\n${fallbacks.slice(0, 10).join('\n')}`);
  });

  it('read the ASTs by raw transfer wherever oxc supports it (Node 22+), and kept to it on every file', function () {
    // raw-transfer.test.ts runs this file under Node 22+ with OI_EXPECT_RAW_TRANSFER=1.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const supported = (require('oxc-parser') as { rawTransferSupported(): boolean }).rawTransferSupported();
    if (process.env.OI_EXPECT_RAW_TRANSFER === '1') assert.equal(supported, true, `oxc-parser does not support raw transfer on Node ${process.version}`);
    assert.equal(parser.usesRawTransfer(), supported);
  });
});
