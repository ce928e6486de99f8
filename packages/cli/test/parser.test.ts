import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Linter, type AST } from 'eslint';
import * as espree from 'espree';
import { createBuiltinConfig } from '../src/config';
import * as parser from '../src/parser';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function lint(text: string, file: string, which: 'fast' | 'reference'): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  return linter.verify(text, createBuiltinConfig({ parser: which }), { filename: path.join(ROOT, file) });
}

describe('online-identifiers/parser', function () {
  let events: parser.FallbackEvent[] = [];
  beforeEach(() => {
    events = [];
    parser.setFallbackListener((event) => events.push(event));
  });
  after(() => parser.setFallbackListener(undefined));

  it('gives the tokens, comments and locations espree gives (UTF-16 offsets, templates, regex, JSX)', function () {
    const code = "// é\nconst ü = `a${b}c` + /x\\/y/gu.source; /* 😀 */\nx = <A.b c='d' e={f}>\n  text {g} &amp;</A.b>;\ny = a / b / c;\n";
    const options = { ecmaVersion: 2026, sourceType: 'module', ecmaFeatures: { jsx: true }, range: true, loc: true, tokens: true, comment: true } as const;
    const expected = espree.parse(code, options) as unknown as AST.Program;
    const { ast } = parser.parseForESLint(code, { ...options, filePath: path.join(ROOT, 'sample.js') });
    const shape = (list: readonly { type: string; value: string; range?: [number, number]; loc?: unknown }[] | undefined) =>
      // Plain data: espree's locations are class instances.
      JSON.parse(JSON.stringify((list ?? []).map(({ type, value, range, loc }) => ({ type, value, range, loc })))) as unknown;
    assert.deepEqual(shape(ast.tokens), shape(expected.tokens));
    assert.deepEqual(shape(ast.comments), shape(expected.comments));
    assert.deepEqual(events, []);
  });

  it('decodes character references in JSX text and attribute values, as espree and typescript-estree do', function () {
    const code = 'x = <a b="&lt;&#65;&bogus;"> &amp; &#x41; &nbsp;&zz; </a>;';
    for (const filePath of ['a.jsx', 'a.tsx']) {
      const { ast } = parser.parseForESLint(code, { ecmaVersion: 2026, sourceType: 'module', ecmaFeatures: { jsx: true }, filePath });
      const element = JSON.parse(JSON.stringify(ast.body[0])) as {
        expression: { right: { children: { value: string }[]; openingElement: { attributes: { value: { value: string } }[] } } };
      };
      assert.equal(element.expression.right.children[0]!.value, ' & A \u00a0&zz; ');
      assert.equal(element.expression.right.openingElement.attributes[0]!.value.value, '<A&bogus;');
    }
  });

  it('falls back to espree on a JavaScript syntax error: the same fatal message, reported once', function () {
    const reference = lint('const = 1;\n', 'broken.js', 'reference');
    const fast = lint('const = 1;\n', 'broken.js', 'fast');
    assert.deepEqual(fast, reference);
    assert.deepEqual(fast, [
      { ruleId: null, fatal: true, severity: 2, message: 'Parsing error: Unexpected token =', line: 1, column: 7 },
    ]);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.filePath, path.join(ROOT, 'broken.js'));
    assert.equal(events[0]!.typescript, false);
    assert.equal(events[0]!.recovered, false);
    assert.match(events[0]!.reason, /^oxc: /);

    // Logged once: the next fallback is not reported again.
    lint('let = ;\n', 'broken-again.js', 'fast');
    assert.equal(events.length, 1);
  });

  it('falls back to @typescript-eslint/parser on a TypeScript syntax error', function () {
    const code = 'let x: = 1;\n';
    const fast = lint(code, 'broken.ts', 'fast');
    assert.deepEqual(fast, lint(code, 'broken.ts', 'reference'));
    assert.equal(fast[0]?.fatal, true);
    assert.deepEqual(
      events.map(({ typescript, filePath }) => ({ typescript, filePath })),
      [{ typescript: true, filePath: path.join(ROOT, 'broken.ts') }],
    );
  });

  it('reads .ts, .tsx and .d.ts as TypeScript and everything else as JavaScript, by extension', function () {
    const typeOf = (file: string, code: string) =>
      (parser.parseForESLint(code, { sourceType: 'module', filePath: file, ecmaFeatures: { jsx: true } }).ast.body[0] as { type: string }).type;
    assert.equal(typeOf('a.ts', 'type A = string;'), 'TSTypeAliasDeclaration');
    assert.equal(typeOf('a.d.ts', 'declare const a: string;'), 'VariableDeclaration');
    assert.equal(typeOf('a.tsx', 'const a = <b />;'), 'VariableDeclaration');
    assert.equal(typeOf('a.js', 'const a = <b />;'), 'VariableDeclaration');
    assert.deepEqual(events, []);
    // TypeScript in a .js file is not JavaScript: espree's answer.
    assert.throws(() => parser.parseForESLint('type A = string;', { ecmaVersion: 2026, sourceType: 'module', filePath: 'a.js' }), /Unexpected token A/);
  });

  it('reports a recovered fallback on stderr by default, once, never on stdout; syntax errors stay silent', function () {
    const script = [
      "const parser = require('online-identifiers/parser');",
      // A syntax error both parsers reject: the file's fatal message says it all.
      "try { parser.parseForESLint('const = 1;', { filePath: 'a.js' }); } catch {}",
      // Files the reference parser read where oxc did not (none in the corpus: simulated).
      `const { noteFallback } = require(${JSON.stringify(path.join(ROOT, 'packages', 'cli', 'dist', 'parser', 'fallback.js'))});`,
      "noteFallback({ filePath: 'b.js', reason: 'oxc: test', typescript: false, recovered: true });",
      "noteFallback({ filePath: 'c.ts', reason: 'oxc: test', typescript: true, recovered: true });",
    ].join('\n');
    const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(child.stdout, '');
    assert.equal(child.stderr, 'online-identifiers/parser: b.js parsed with espree instead (oxc: test); further fallbacks are not reported\n');
  });

  it('is what users put in their config: languageOptions.parser = require("online-identifiers/parser")', function () {
    const published = require('online-identifiers/parser') as Linter.Parser;
    assert.equal(typeof (published as { parseForESLint?: unknown }).parseForESLint, 'function');
    assert.deepEqual((published as { meta?: unknown }).meta, { name: 'online-identifiers/parser', version: '0.1.0' });
  });
});
