import * as assert from 'node:assert/strict';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { isLintable, lintFileName, RuleLinter } from '../src/linter';

const withOptions = { meta: { schema: [{ type: 'object', properties: { redactModule: { type: 'string' } } }] } };
const withoutOptions = { meta: { schema: [] } };

describe('linter helpers', () => {
  it('recognises documents by language id and by extension', () => {
    assert.equal(isLintable('javascript', '/p/a'), true);
    assert.equal(isLintable('typescriptreact', '/p/a'), true);
    assert.equal(isLintable(undefined, '/p/a.cjs'), true);
    assert.equal(isLintable('plaintext', '/p/a.mts'), true);
    assert.equal(isLintable('markdown', '/p/README.md'), false);
    assert.equal(isLintable(undefined, '/p/a.json'), false);
  });

  it('gives ESLint a file name whose extension matches the language', () => {
    assert.equal(lintFileName('typescript', '/p/a.ts'), '/p/a.ts');
    assert.equal(lintFileName('typescript', '/p/Untitled-1'), '/p/Untitled-1.ts');
    assert.equal(lintFileName('javascriptreact', '/p/script'), '/p/script.jsx');
  });

  it('adds redactModule only to rules that accept it and do not set it already', () => {
    const linter = new RuleLinter({ plugin: { rules: { a: withOptions, b: withOptions, c: withoutOptions, d: withOptions } }, builtinConfig: [] });
    assert.deepEqual(
      linter.withRedactModule(
        {
          'online-identifiers/a': 'error',
          'online-identifiers/b': ['warn', { redactModule: 'mine', other: 1 }],
          'online-identifiers/c': 'error',
          'online-identifiers/d': 'off',
        },
        '#lib/redact',
      ),
      {
        'online-identifiers/a': ['error', { redactModule: '#lib/redact' }],
        'online-identifiers/b': ['warn', { redactModule: 'mine', other: 1 }],
        'online-identifiers/c': 'error',
        'online-identifiers/d': 'off',
      },
    );
    const rules = { 'online-identifiers/a': 'error' as const };
    assert.equal(linter.withRedactModule(rules, ''), rules);
  });

  it('reports config errors apart from rule crashes', () => {
    const linter = new RuleLinter({
      plugin: { rules: { a: { meta: { schema: [] }, create: () => ({}) } as never } },
      builtinConfig: [{ files: ['**/*.js'], plugins: { 'online-identifiers': { rules: { a: { meta: { schema: [] }, create: () => ({}) } } } as never } }],
    });
    const outcome = linter.lint('x;', '/p/a.js', { 'online-identifiers/a': ['error', { unexpected: true }] }, '/p');
    assert.equal(outcome.kind, 'config-error');
    assert.deepEqual(linter.lint('x;', '/p/a.json', {}, '/p'), { kind: 'not-covered' });
  });

  it("runs only the plugin's rules, even those a file's /* eslint */ comment turns on; the fixes still read tokens", () => {
    // The editor's parser builds tokens only for the plugin's fixes (lazyTokens): a core rule that
    // reads ESLint's token store would find it empty, so it must not run at all.
    const linter = new RuleLinter({ plugin: plugin as never, builtinConfig: createBuiltinConfig() });
    const text = [
      '/* eslint semi: ["error", "always"], no-console: "error", comma-dangle: ["error", "always"] */',
      'export const handler = (req) => {',
      '  console.log((req.ip))',
      '}',
      '',
    ].join('\n');
    const outcome = linter.lint(text, '/p/a.js', { 'online-identifiers/no-unclassified-logging': 'error' }, '/p');
    assert.equal(outcome.kind, 'ok', JSON.stringify(outcome));
    if (outcome.kind !== 'ok') return;
    assert.deepEqual(
      outcome.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
      ['3:16 online-identifiers/no-unclassified-logging'],
    );
    // The parentheses around the value move inside the wrapping call: read from the tokens.
    const fix = outcome.messages[0]?.suggestions?.[0]?.fix;
    assert.ok(fix);
    assert.equal(
      text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]),
      text
        .replace('*/\n', "*/\nimport { redact } from '@online-identifiers/redact';\n")
        .replace('console.log((req.ip))', 'console.log(redact.ip((req.ip)))'),
    );
  });
});
