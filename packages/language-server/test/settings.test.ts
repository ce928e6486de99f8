import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, SettingsCache, normalizeSettings } from '../src/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for a missing section without complaint', () => {
    assert.deepEqual(normalizeSettings(undefined), { settings: DEFAULT_SETTINGS, problems: [] });
    assert.deepEqual(normalizeSettings(null), { settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('accepts every valid value (VS Code shape, nested trace)', () => {
    const { settings, problems } = normalizeSettings({
      enable: false,
      run: 'onSave',
      severity: 'hint',
      redactModule: ' #lib/redact ',
      trace: { server: 'verbose' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(settings, { enable: false, run: 'onSave', severity: 'hint', redactModule: '#lib/redact', trace: { server: 'verbose' } });
  });

  it('accepts a flat "trace.server" key', () => {
    assert.deepEqual(normalizeSettings({ 'trace.server': 'messages' }).settings.trace, { server: 'messages' });
  });

  it('falls back per key for invalid values and names each problem', () => {
    const { settings, problems } = normalizeSettings({ enable: 'yes', run: 'always', severity: 'fatal', redactModule: 42, trace: { server: 1 } });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.deepEqual(
      problems.map((problem) => problem.kind),
      ['enable', 'run', 'severity', 'redactModule', 'trace.server'],
    );
    assert.equal(
      problems[2]?.message,
      'Invalid value "fatal" for onlineIdentifiers.severity (expected default | error | warning | information | hint); using "default".',
    );
  });

  it('reports unknown keys and a section that is not an object', () => {
    assert.deepEqual(normalizeSettings({ colour: 'red' }).problems, [
      { kind: 'unknown:colour', message: 'Unknown setting onlineIdentifiers.colour; it is ignored.' },
    ]);
    const { settings, problems } = normalizeSettings('on');
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(problems[0]?.kind, 'section');
  });
});

describe('SettingsCache', () => {
  it('fetches once per document until deleted or cleared', async () => {
    const fetched: string[] = [];
    const cache = new SettingsCache((uri) => {
      fetched.push(uri);
      return Promise.resolve({ ...DEFAULT_SETTINGS });
    });
    await cache.get('a');
    await cache.get('a');
    await cache.get('b');
    assert.deepEqual(fetched, ['a', 'b']);
    cache.delete('a');
    await cache.get('a');
    cache.clear();
    assert.equal(cache.size, 0);
    await cache.get('b');
    assert.deepEqual(fetched, ['a', 'b', 'a', 'b']);
  });

  it('does not keep a failed fetch', async () => {
    let calls = 0;
    const cache = new SettingsCache(() => (++calls === 1 ? Promise.reject(new Error('no client')) : Promise.resolve({ ...DEFAULT_SETTINGS })));
    await assert.rejects(cache.get('a'));
    await Promise.resolve();
    assert.deepEqual(await cache.get('a'), DEFAULT_SETTINGS);
    assert.equal(calls, 2);
  });
});
