import * as assert from 'node:assert/strict';
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
});
