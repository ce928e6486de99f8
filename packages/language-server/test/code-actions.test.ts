import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Linter } from 'eslint';
import { applyNonOverlapping, fixAllText, minimalEdit, wants } from '../src/code-actions';

describe('code-actions helpers', () => {
  it('applyNonOverlapping applies fixes in order and skips overlapping ones', () => {
    const text = 'abcdefghij';
    assert.equal(
      applyNonOverlapping(text, [
        { range: [6, 8], text: 'GH' },
        { range: [0, 2], text: 'AB' },
        { range: [1, 3], text: 'xx' },
      ]),
      'ABcdefGHij',
    );
  });

  it('fixAllText re-lints until no fix is left, taking the preferred suggestion', () => {
    // A fake linter: every "ip" not yet wrapped is a finding; each fix also touches
    // offset 0 (like adding an import), so only one applies per pass.
    const passes: string[] = [];
    const lint = (text: string): Linter.LintMessage[] => {
      passes.push(text);
      const messages: Linter.LintMessage[] = [];
      for (const match of text.matchAll(/(?<!\()ip(?!\))/g)) {
        const start = match.index;
        const suggestion = (messageId: string, wrapper: string): Linter.LintSuggestion => ({
          desc: messageId,
          messageId,
          // Marks the file once with '#' (the "import"), then wraps this ip.
          fix: { range: [0, start + 2], text: `${text.startsWith('#') ? '' : '#'}${text.slice(0, start)}${wrapper}(ip)` },
        });
        messages.push({
          ruleId: 'online-identifiers/x',
          message: 'IP address',
          severity: 2,
          line: 1,
          column: start + 1,
          suggestions: [suggestion('suggestPseudonymize', 'p'), suggestion('suggestRedact', 'r')],
        } as Linter.LintMessage);
      }
      return messages;
    };
    assert.equal(fixAllText('ip ip ip', lint), '#r(ip) r(ip) r(ip)');
    assert.equal(passes.length, 4);
  });

  it('fixAllText stops when the text cannot be linted', () => {
    assert.equal(
      fixAllText('broken', () => undefined),
      'broken',
    );
  });

  it('minimalEdit covers only the changed middle', () => {
    const before = 'line one\nline two\nline three\n';
    const after = 'line one\nline 2\nline three\n';
    const document = TextDocument.create('file:///a.js', 'javascript', 1, before);
    assert.deepEqual(minimalEdit(document, before, after), {
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 8 } },
      newText: '2',
    });
    assert.equal(minimalEdit(document, before, before), undefined);
  });

  it('wants honours context.only prefixes', () => {
    assert.equal(wants(undefined, 'quickfix'), true);
    assert.equal(wants(['source.fixAll'], 'source.fixAll.online-identifiers'), true);
    assert.equal(wants(['source'], 'source.fixAll.online-identifiers'), true);
    assert.equal(wants(['quickfix'], 'source.fixAll.online-identifiers'), false);
    assert.equal(wants(['source.fixAll.other'], 'source.fixAll.online-identifiers'), false);
  });
});
