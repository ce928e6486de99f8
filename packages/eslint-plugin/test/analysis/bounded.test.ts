import assert from 'node:assert/strict';
import { Linter, type Rule } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import plugin from '../../src';
import { Resolver } from '../../src/analysis/resolve';
import { resolveSettings } from '../../src/analysis/settings';
import { DEFAULT_ANALYSIS_BUDGET, Tracer } from '../../src/analysis';

// Programs generated to blow up a naive tracer. Each must lint; the only
// clock is mocha's generous timeout (a guard against a hang, like the
// runtime's 120 s one), never a timing assertion. What is asserted instead
// is deterministic: the analysis steps, which must grow linearly with the
// size of the program, and the findings.

const GUARD_MS = 120_000;

/** Lints with the real rule; returns its messages. */
function lint(code: string, options: Record<string, unknown> = {}): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.js'],
        plugins: { 'online-identifiers': plugin as never },
        languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
        rules: { 'online-identifiers/no-unclassified-logging': ['error', options] },
      },
    ],
    { filename: 'generated.js' },
  );
}

/** Traces every argument of every `console.*` call with one tracer, as the rule does; returns the steps it took. */
function stepsFor(code: string, budget = DEFAULT_ANALYSIS_BUDGET): { steps: number; exhausted: boolean; carriers: number } {
  let result = { steps: 0, exhausted: false, carriers: 0 };
  const probe: Rule.RuleModule = {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const sourceCode = context.sourceCode as unknown as Readonly<TSESLint.SourceCode>;
      const tracer = new Tracer(sourceCode, resolveSettings({}), new Resolver(sourceCode), undefined, { budget });
      let carriers = 0;
      return {
        CallExpression(node) {
          const call = node as unknown as TSESTree.CallExpression;
          if (call.callee.type !== 'MemberExpression' || call.callee.object.type !== 'Identifier' || call.callee.object.name !== 'console') return;
          for (const argument of call.arguments) if (tracer.trace(argument).carried.length > 0) carriers++;
        },
        'Program:exit'() {
          result = { steps: tracer.stepsTaken, exhausted: tracer.exhaustion !== undefined, carriers };
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.js'], plugins: { probe: { rules: { steps: probe } } }, languageOptions: { ecmaVersion: 'latest', sourceType: 'module' }, rules: { 'probe/steps': 'error' } }],
    { filename: 'generated.js' },
  );
  assert.deepEqual(messages.filter((message) => message.fatal), []);
  return result;
}

/** Steps for sizes n and 2n grow by at most `factor` (2 plus slack for constant costs): linear, not worse. */
function assertLinear(generate: (n: number) => string, n: number): void {
  if (process.env.BOUNDED_STEPS) {
    for (const size of [n / 4, n / 2, n, 2 * n]) process.stderr.write(`${size}: ${stepsFor(generate(size), Number.MAX_SAFE_INTEGER).steps}\n`);
  }
  const small = stepsFor(generate(n), Number.MAX_SAFE_INTEGER);
  const large = stepsFor(generate(2 * n), Number.MAX_SAFE_INTEGER);
  assert.ok(small.steps > 0, 'the generated program exercises the tracer');
  assert.ok(large.steps <= small.steps * 2.5, `steps grew from ${small.steps} (n=${n}) to ${large.steps} (n=${2 * n}): not linear`);
}

const GENERATORS: Record<string, (n: number) => string> = {
  // let a0 = req.ip; a1 = a0; a2 = a1; … console.log(aN)
  'a long reassignment chain': (n) => {
    const lines = ['export function h(req) {', '  let a0 = req.ip;'];
    for (let i = 1; i <= n; i++) lines.push(`  let a${i} = a${i - 1};`);
    lines.push(`  console.log(a${n});`, '}');
    return lines.join('\n');
  },
  // The shape of node-red's editor nodes.js: one variable reassigned in hundreds of closures from a lookup, and logged in each.
  'a variable reassigned in hundreds of closures (node-red nodes.js)': (n) => {
    const lines = [
      'var RED = {};',
      'RED.nodes = (function () {',
      '  var node;',
      '  var allNodes = (function () {',
      '    var nodes = {};',
      '    return {',
      '      getNode: function (id) { return nodes[id]; },',
      '      addNode: function (n) { nodes[n.id] = n; node = n; },',
      '      eachNode: function (cb) { for (var id in nodes) { node = nodes[id]; cb(node); } },',
      '    };',
      '  })();',
      '  function getNode(id) { return allNodes.getNode(id); }',
    ];
    for (let i = 0; i < n; i++) {
      lines.push(
        `  function f${i}(id, other) {`,
        `    node = getNode(id) || other;`,
        `    if (node && node.z) { node = allNodes.getNode(node.z); }`,
        `    var copy = node; node = copy || f${(i + 1) % n}(node.id, node);`,
        `    console.log("f${i}", node.id, node.type);`,
        `    return node;`,
        `  }`,
      );
    }
    lines.push('  return { getNode: getNode };', '})();');
    return lines.join('\n');
  },
  // f0 calls f1 calls … calls f0, each passing its argument on and logging it.
  'mutually recursive functions': (n) => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) {
      lines.push(`function f${i}(x, y) { console.log(x, y); return f${(i + 1) % n}(y, x) || g${i}(x); }`);
      lines.push(`function g${i}(v) { return f${(i + 3) % n}(v, v); }`);
    }
    lines.push(`export function h(req) { return f0(req.ip, req.cookies); }`);
    return lines.join('\n');
  },
  // Nested closures, each capturing and re-binding the outer value.
  'deep nesting': (n) => {
    let body = `console.log(v${n}, v1);`;
    for (let i = n; i >= 1; i--) body = `((x${i}) => { const v${i} = v${i - 1} + x${i}; ${body} })(v${i - 1});`;
    return `export function h(req) { const v0 = req.ip; ${body} }`;
  },
  // One object literal with thousands of properties, some of them identifiers, logged whole and by key.
  'huge object literals': (n) => {
    const props: string[] = [];
    for (let i = 0; i < n; i++) props.push(i % 10 === 0 ? `k${i}: req.ip` : `k${i}: ${i}`);
    const reads: string[] = [];
    for (let i = 0; i < n; i += 50) reads.push(`console.log(meta.k${i});`);
    return `export function h(req) { const meta = { ${props.join(', ')} }; console.log(meta); ${reads.join(' ')} }`;
  },
  // The same value reaches thousands of sinks, through a shared alias and a helper.
  'thousands of sinks on one value': (n) => {
    const lines = ['export function h(req) {', '  const ip = req.ip;', '  const label = (v) => `ip=${v}`;'];
    for (let i = 0; i < n; i++) lines.push(`  console.log(label(ip), ip, { ip, n: ${i} });`);
    lines.push('}');
    return lines.join('\n');
  },
};

describe('bounded analysis (generated worst cases; 120 s guard against hangs, no timing assertions)', function () {
  this.timeout(GUARD_MS);

  // Sizes: the parser itself runs out of stack past about 150 nested functions, so nesting stays below that.
  const SIZES: Record<string, number> = { 'deep nesting': 60 };

  for (const [name, generate] of Object.entries(GENERATORS)) {
    const n = SIZES[name] ?? 200;
    it(`${name}: lints, and its steps grow linearly with its size`, () => {
      const messages = lint(generate(2 * n));
      assert.deepEqual(messages.filter((message) => message.fatal), []);
      assertLinear(generate, n);
    });
  }

  it('finds the identifiers in the worst cases that carry them within reach', () => {
    const kinds = (code: string) => [...new Set(lint(code).map((message) => message.message.split(' from ')[0]))].sort();
    assert.deepEqual(kinds(GENERATORS['thousands of sinks on one value']!(300)), ['IP address']);
    assert.deepEqual(kinds(GENERATORS['huge object literals']!(300)), ['IP address']);
    assert.deepEqual(kinds(GENERATORS['mutually recursive functions']!(50)), ['Cookie', 'IP address']);
    // One finding per sink call: the three arguments carry the same identifier from the same source.
    assert.equal(lint(GENERATORS['thousands of sinks on one value']!(300)).length, 300);
  });

  it('the node-red shape lints to completion with no finding (node.id of an editor node names no person)', () => {
    assert.deepEqual(lint(GENERATORS['a variable reassigned in hundreds of closures (node-red nodes.js)']!(300)), []);
  });

  it('stops following values when the budget is spent, reports what it found so far, and never fails the lint', () => {
    const code = GENERATORS['thousands of sinks on one value']!(2000);
    const full = stepsFor(code, Number.MAX_SAFE_INTEGER);
    const cut = stepsFor(code, 1000);
    assert.equal(cut.exhausted, true);
    assert.equal(cut.steps, 1000);
    assert.ok(cut.carriers > 0 && cut.carriers < full.carriers, `found ${cut.carriers} of ${full.carriers} before the budget ran out`);
    assert.equal(full.exhausted, false);
    // Deterministic: the same budget gives the same answer.
    assert.deepEqual(stepsFor(code, 1000), cut);
    // Through the rule: the option is honoured and the lint completes.
    const limited = lint(code, { analysisBudget: 1000 });
    assert.ok(limited.length > 0 && limited.length < lint(code).length);
    assert.ok(limited.every((message) => !message.fatal));
  });

  it('says which file ran out and where under ONLINE_IDENTIFIERS_DEBUG', () => {
    const code = GENERATORS['thousands of sinks on one value']!(500);
    const written: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const previous = process.env.ONLINE_IDENTIFIERS_DEBUG;
    process.env.ONLINE_IDENTIFIERS_DEBUG = '1';
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      lint(code, { analysisBudget: 1000 });
    } finally {
      process.stderr.write = write;
      if (previous === undefined) delete process.env.ONLINE_IDENTIFIERS_DEBUG;
      else process.env.ONLINE_IDENTIFIERS_DEBUG = previous;
    }
    assert.equal(written.length, 1);
    assert.match(written[0]!, /^online-identifiers: analysis budget of 1000 steps used up in .*generated\.js at \d+:\d+; /);
  });

  it('rejects a budget below 1000 steps with ESLint\'s option error', () => {
    assert.throws(() => lint('console.log(1)', { analysisBudget: 10 }), /Value 10 should be >= 1000/);
  });
});
