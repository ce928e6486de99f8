import * as assert from 'node:assert/strict';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../../src/index');

// No file, however odd, crashes the rule or hangs it: cycles, recursion,
// deep nesting, syntax the analysis does not model. The rule's own guard is
// turned off here (ONLINE_IDENTIFIERS_DEBUG) so any exception fails the test.
const RULE = 'online-identifiers/no-unclassified-logging';

function lint(code: string, ts = false): Linter.LintMessage[] {
  const linter = new Linter();
  return linter.verify(code, [
    {
      plugins: { 'online-identifiers': plugin as never },
      languageOptions: ts ? { parser: tsParser as never, sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: 'module' },
      rules: { [RULE]: 'error' },
    },
  ]);
}

describe('no-unclassified-logging: odd files', () => {
  let previous: string | undefined;
  before(() => {
    previous = process.env.ONLINE_IDENTIFIERS_DEBUG;
    process.env.ONLINE_IDENTIFIERS_DEBUG = '1';
  });
  after(() => {
    if (previous === undefined) delete process.env.ONLINE_IDENTIFIERS_DEBUG;
    else process.env.ONLINE_IDENTIFIERS_DEBUG = previous;
  });

  const cases: [string, string, number][] = [
    ['variables that feed each other', 'let a = b; let b = a; a = req.ip; logger.info(b);', 1],
    ['a recursive local function', 'function f(x) { return x ? f(x) : x; }\napp.get("/", (req) => { logger.info(f(req.ip)); });', 1],
    ['mutual recursion', 'function f(x) { return g(x); } function g(y) { return f(y); }\napp.get("/", (req) => { logger.info(f(req.ip)); });', 0],
    ['a self-assigning object', 'const o = {}; o.self = o; o.ip = req.ip; logger.info(o.self);', 1],
    ['an empty file', '', 0],
    ['a logger without arguments', 'logger.info();', 0],
    ['a sink called through optional chaining', 'app.get("/", (req) => { logger?.info?.(req?.ip); });', 1],
    // Private names are names: `this.#ip` is judged by its words, like `this.ip`.
    ['private fields and static blocks', 'class A { #ip = 1; #n = 2; static { logger.info(this.#ip); } m() { logger.info(this.#n); } }', 1],
    ['new.target, import.meta, arguments', 'function f() { logger.info(new.target, import.meta.url, arguments[0]); }', 0],
    ['computed members everywhere', 'app.get("/", (req) => { logger[level](req[key][0]); });', 0],
    ['spread of calls and holes', 'app.get("/", (req) => { logger.info(...make(), [, req.ip, ,]); });', 1],
    ['getters and setters on a logged object', 'app.get("/", (req) => { logger.info({ get ip() { return req.ip; }, set x(v) {} }); });', 0],
    ['a tagged template', 'app.get("/", (req) => { logger.info(sql`select ${req.ip}`); });', 1],
    ['a sequence and an assignment as arguments', 'app.get("/", (req) => { let v; logger.info((0, req.ip), v = req.ip); });', 1],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => {
      const messages = lint(code);
      assert.deepEqual(messages.filter((m) => m.fatal), []);
      assert.equal(messages.filter((m) => m.ruleId === RULE).length, expected, JSON.stringify(messages));
    });
  }

  it('a concatenation 3,000 terms deep', () => {
    const code = `app.get('/', (req) => { logger.info(${Array.from({ length: 3000 }, () => 'x').join(' + ')} + req.ip); });`;
    const messages = lint(code);
    assert.deepEqual(messages.filter((m) => m.fatal), []);
  });

  it('a chain of 2,000 aliases', () => {
    const lines = ['app.get("/", (req) => {', '  const v0 = req.ip;'];
    for (let i = 1; i < 2000; i++) lines.push(`  const v${i} = v${i - 1};`);
    lines.push('  logger.info(v1999);', '});');
    const messages = lint(lines.join('\n'));
    assert.deepEqual(messages.filter((m) => m.fatal), []);
  });

  it('TypeScript-only syntax: enums, namespaces, import-equals, decorators, abstract classes', () => {
    const code = [
      "import x = require('pino');",
      'enum E { A = 1 }',
      'namespace N { export const ip = 1; }',
      'abstract class C { constructor(private readonly logger: any, @Inject() protected req: any) { logger.info(N.ip, E.A); } }',
      'declare function f(x: string): void;',
      'logger.info(f, x, <any>req.ip);',
    ].join('\n');
    const messages = lint(code, true);
    assert.deepEqual(messages.filter((m) => m.fatal), []);
  });
});
