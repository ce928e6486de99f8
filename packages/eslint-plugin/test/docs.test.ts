import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../src/index');

// The rule doc's examples are code: every ✗ block is reported, every ✓ block is not.
const docsDir = path.join(__dirname, '..', 'docs', 'rules');

interface Example {
  readonly section: string;
  readonly lang: string;
  readonly bad: string;
  readonly good: string;
}

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const body = markdown.slice(markdown.indexOf('## Examples'), markdown.indexOf('\n## ', markdown.indexOf('## Examples') + 1));
  let section = '';
  const fence = /^### (.+)$|^```(js|ts)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(body); match; match = fence.exec(body)) {
    if (match[1]) {
      section = match[1];
      continue;
    }
    const code = match[3]!;
    const split = code.indexOf('// ✓ good');
    assert.ok(code.startsWith('// ✗ bad') && split > 0, `${section}: a ✗ part, then a ✓ part`);
    found.push({ section, lang: match[2]!, bad: code.slice(0, split), good: code.slice(split) });
  }
  return found;
}

function lint(code: string, lang: string): Linter.LintMessage[] {
  return new Linter().verify(code, [
    {
      ...plugin.configs.recommended,
      languageOptions: lang === 'ts' ? { parser: tsParser as never, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: 'module' },
    } as Linter.Config,
  ]);
}

for (const file of fs.readdirSync(docsDir).filter((name) => name.endsWith('.md'))) {
  describe(`docs/rules/${file} examples`, () => {
    const list = examples(fs.readFileSync(path.join(docsDir, file), 'utf8'));
    it('has examples', () => assert.ok(list.length >= 5));
    for (const example of list) {
      it(`${example.section}: ✗ is reported`, () => {
        const messages = lint(example.bad, example.lang);
        assert.deepEqual(messages.filter((m) => m.fatal), []);
        assert.ok(messages.length > 0, 'at least one finding');
      });
      it(`${example.section}: ✓ is not`, () => {
        assert.deepEqual(lint(example.good, example.lang), []);
      });
    }
  });
}
