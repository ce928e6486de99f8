import assert from 'node:assert/strict';
import { countFindings, describeCount } from '../src/findings-count';

describe('vscode-extension findings count', () => {
  it('counts only this extension\'s diagnostics, per file', () => {
    const count = countFindings([
      ['file:///a.js', [{ source: 'online-identifiers' }, { source: 'eslint' }, { source: 'online-identifiers' }]],
      ['file:///b.ts', [{ source: 'ts' }, {}]],
      ['file:///c.tsx', [{ source: 'online-identifiers' }]],
    ]);
    assert.deepEqual(count, { findings: 3, files: 2 });
  });

  it('is zero for no diagnostics', () => {
    assert.deepEqual(countFindings([]), { findings: 0, files: 0 });
  });

  it('describes the count for the status bar', () => {
    assert.deepEqual(describeCount({ findings: 0, files: 0 }), {
      text: '$(shield) 0',
      tooltip: 'Online Identifiers: no findings',
    });
    assert.deepEqual(describeCount({ findings: 1, files: 1 }), {
      text: '$(shield) 1',
      tooltip: 'Online Identifiers: 1 finding in 1 file. Click to open the Problems panel.',
    });
    assert.deepEqual(describeCount({ findings: 5, files: 2 }).tooltip, 'Online Identifiers: 5 findings in 2 files. Click to open the Problems panel.');
  });
});
