import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import plugin = require('../../src/index');

// Issue 8 §4: the logger setups our own runtime's README recommends are
// treated sinks. Every JavaScript block of that README lints clean.
const README = path.join(__dirname, '../../../redact/README.md');

describe("the runtime README's examples lint clean under no-unclassified-logging", () => {
  const text = fs.readFileSync(README, 'utf8');
  const blocks = [...text.matchAll(/```(?:js|javascript)\n([\s\S]*?)```/g)].map((match) => match[1]!);

  it('has examples to lint', () => {
    assert.ok(blocks.length >= 3, `found ${blocks.length} blocks`);
  });

  for (const [index, code] of blocks.entries()) {
    const first = code.split('\n').find((line) => line.trim() !== '') ?? '';
    it(`block ${index + 1}: ${first.slice(0, 70)}`, () => {
      const linter = new Linter();
      const messages = linter.verify(code, [
        {
          plugins: { 'online-identifiers': plugin as never },
          languageOptions: { ecmaVersion: 'latest', sourceType: /^\s*(import|export)\b/m.test(code) ? 'module' : 'commonjs' },
          rules: { 'online-identifiers/no-unclassified-logging': 'error' },
        },
      ]);
      assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.message}`), []);
    });
  }
});
