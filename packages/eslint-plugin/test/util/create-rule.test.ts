import assert from 'node:assert/strict';
import { Linter } from 'eslint';
import { createRule } from '../../src/util/create-rule';

type Options = [{ sinks?: string[]; nested?: { depth?: number; flag?: boolean } }];

describe('createRule: options with defaults, merged once per distinct options', function () {
  const seen: Options[0][] = [];
  const rule = createRule<Options, 'seen'>({
    name: 'probe',
    meta: {
      type: 'problem',
      docs: { description: 'records its options' },
      messages: { seen: 'seen' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: { sinks: { type: 'array', items: { type: 'string' } }, nested: { type: 'object', properties: { depth: { type: 'number' }, flag: { type: 'boolean' } } } },
        },
      ],
      defaultOptions: [{ sinks: [], nested: { depth: 3, flag: false } }],
    },
    create(_context, [options]) {
      seen.push(options);
      return {};
    },
  });
  const lint = (options?: Options[0]) =>
    new Linter().verify('x;', [{ plugins: { p: { rules: { probe: rule as never } } }, rules: { 'p/probe': options ? ['error', options] : 'error' } }]);

  it('gives every file linted with the same options one frozen object, with the defaults deep-merged', function () {
    seen.length = 0;
    lint({ nested: { depth: 5 } });
    lint({ nested: { depth: 5 } });
    lint();
    lint({ sinks: ['audit.record'] });
    assert.equal(seen.length, 4);
    assert.equal(seen[0], seen[1], 'the same options: the same object');
    assert.deepEqual(seen[0], { sinks: [], nested: { depth: 5, flag: false } });
    assert.deepEqual(seen[2], { sinks: [], nested: { depth: 3, flag: false } });
    assert.deepEqual(seen[3], { sinks: ['audit.record'], nested: { depth: 3, flag: false } });
    assert.ok(Object.isFrozen(seen[0]) && Object.isFrozen(seen[0]!.nested) && Object.isFrozen(seen[3]!.sinks));
    assert.throws(() => {
      (seen[3]!.sinks as string[]).push('x');
    }, TypeError);
  });

  it('keeps RuleCreator’s docs URL, name and meta', function () {
    assert.equal(rule.meta.docs?.url, 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/probe.md');
    assert.equal(rule.name, 'probe');
  });
});
