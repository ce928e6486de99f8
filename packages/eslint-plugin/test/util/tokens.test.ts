import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceCode, type AST } from 'eslint';
import * as espree from 'espree';
import * as evk from 'eslint-visitor-keys';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { LazyTokenStore, tokenSource, type CursorOptions } from '../../src/util/tokens';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const PARSE = { ecmaVersion: 2026, sourceType: 'module', ecmaFeatures: { jsx: true }, range: true, loc: true, tokens: true, comment: true } as const;

type Ranged = { type: string; range: [number, number] };

/** Every node of `ast`, depth first. */
function nodesOf(ast: AST.Program): Ranged[] {
  const out: Ranged[] = [];
  const visit = (node: Ranged & Record<string, unknown>) => {
    out.push(node);
    for (const key of evk.KEYS[node.type] ?? evk.getKeys(node)) {
      const child = node[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as Ranged).type === 'string') visit(item as Ranged & Record<string, unknown>);
      }
    }
  };
  visit(ast as unknown as Ranged & Record<string, unknown>);
  return out;
}

const isPunctuator = (token: { type: string }) => token.type === 'Punctuator';
/** The cursor options the fixes (and eslint-utils' isParenthesized) pass, and their combinations. */
const OPTIONS: readonly CursorOptions[] = [undefined, 1, 2, isPunctuator, { includeComments: true }, { includeComments: true, skip: 1 }, { filter: isPunctuator, skip: 1 }, { includeComments: true, filter: (token) => token.type !== 'Line' }];
const at = (token: { range: [number, number] } | null) => (token ? token.range.join('-') : 'null');

const SAMPLES = [
  "// lead\nconst a = (b) /* x */ , c = `t${d}` + /re/g.source; // tail\n",
  'log.info({ ip: (req.ip), /* why */ user, }, ((x)), [1, , 2,]);\n',
  "x = <A b='c' {...d}>text {e} <B /></A>;\n/* end */",
  '',
  '/* only a comment */',
];

describe('tokenSource: the fixes ask lazily built tokens what they would ask SourceCode', function () {
  const files = [
    ...SAMPLES.map((text, index) => ({ name: `sample ${index}`, text })),
    // Real files: every node of each, every option.
    ...['node_modules/eslint/lib/linter/linter.js', 'node_modules/espree/dist/espree.cjs', 'node_modules/mocha/lib/runner.js'].map((file) => ({
      name: file,
      text: fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^#!/u, '//'),
    })),
  ];

  for (const { name, text } of files) {
    it(`answers getTokenBefore/After and getFirstToken/LastToken as ESLint's token store does (${name})`, function () {
      const ast = espree.parse(text, PARSE) as unknown as AST.Program;
      const eager = new SourceCode(text, ast);
      let builds = 0;
      const lazy = new LazyTokenStore(() => {
        builds++;
        return ast.tokens as unknown as TSESTree.Token[];
      }, ast.comments as unknown as TSESTree.Token[]);
      let compared = 0;
      for (const node of nodesOf(ast)) {
        for (const options of OPTIONS) {
          for (const method of ['getTokenBefore', 'getTokenAfter', 'getFirstToken', 'getLastToken'] as const) {
            const expected = (eager[method] as (node: Ranged, options?: unknown) => { range: [number, number] } | null)(node, options);
            const actual = lazy[method](node, options);
            if (at(actual) !== at(expected)) assert.fail(`${method}(${node.type} ${node.range.join('-')}, ${JSON.stringify(options) ?? String(options)}): ${at(actual)}, ESLint ${at(expected)}`);
            compared++;
          }
        }
      }
      assert.ok(compared >= OPTIONS.length * 4, 'nodes were compared');
      assert.equal(builds, 1, 'the tokens are built once, on the first question');
    });
  }

  it("is SourceCode itself when the parser built ast.tokens, and a store over parserServices.lazyTokens() when it did not", function () {
    const text = 'f((a), b);';
    const ast = espree.parse(text, PARSE) as unknown as AST.Program;
    const eager = new SourceCode(text, ast) as unknown as TSESLint.SourceCode;
    assert.equal(tokenSource(eager), eager);

    let builds = 0;
    const tokens = ast.tokens;
    const lazyAst = { ...ast, tokens: [] } as unknown as AST.Program;
    const lazy = new SourceCode({ text, ast: lazyAst, parserServices: { lazyTokens: () => (builds++, tokens) }, scopeManager: null, visitorKeys: evk.KEYS as never }) as unknown as TSESLint.SourceCode;
    const source = tokenSource(lazy);
    assert.notEqual(source, lazy);
    assert.equal(tokenSource(lazy), source, 'one store per file');
    assert.equal(builds, 0, 'nothing built before a question');
    const argument = (ast.body[0] as unknown as { expression: { arguments: Ranged[] } }).expression.arguments[0]!;
    assert.equal(source.getTokenBefore(argument)?.value, '(');
    assert.equal(source.getTokenAfter(argument)?.value, ')');
    assert.equal(lazy.getTokenBefore(argument as never), null, "ESLint's own store is empty");
    assert.equal(builds, 1);
  });
});
