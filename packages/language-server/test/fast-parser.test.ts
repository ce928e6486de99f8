import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import * as visitorKeys from 'eslint-visitor-keys';
import type * as ESTree from 'estree';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { FAST_PARSER_FILES, FAST_TYPESCRIPT_FILES, fastJavaScriptParser, fastTypeScriptParser, setFallbackListener } from '../src/fast-parser';

/** Every scope with its variables and every reference with what it resolves to. */
function describeScopes(manager: eslintScope.ScopeManager): string {
  return manager.scopes
    .map((scope) => {
      const variables = scope.variables.map(
        (variable) => `${variable.name}:${variable.defs.length}:${variable.references.length}`,
      );
      const references = scope.references.map(
        (reference) =>
          `${reference.identifier.range?.join('-')}>${reference.resolved?.name ?? '?'}${reference.isWrite() ? 'w' : ''}`,
      );
      return `${scope.type}@${scope.block.range?.join('-')} [${variables.join(',')}] {${references.join(',')}} through ${scope.through.length}`;
    })
    .join('\n');
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

function jsFiles(directory: string, into: string[] = []): string[] {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) jsFiles(full, into);
    else if (/\.(c|m)?jsx?$/.test(entry.name)) into.push(full);
  }
  return into;
}

// Core rules that read nothing but scope analysis: if any variable, reference
// or scope differed between the two parsers, one of these would say so.
const SCOPE_RULES: Linter.RulesRecord = {
  'no-undef': 'error',
  'no-unused-vars': ['error', { args: 'all', caughtErrors: 'all' }],
  'no-shadow': ['error', { builtinGlobals: false, hoist: 'all' }],
  'no-use-before-define': 'error',
  'no-redeclare': 'error',
  'prefer-const': 'error',
  'no-global-assign': 'error',
  'block-scoped-var': 'error',
};

function lintBothWays(text: string, filename: string, extra: Linter.Config[]) {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  // The reference: espree, as ESLint has it (the built-in config's default is the fast parser).
  const builtin = createBuiltinConfig({ parser: 'reference' });
  const defaults = linter.verify(text, [...builtin, ...extra], { filename });
  const fast = linter.verify(
    text,
    [...builtin, { files: FAST_PARSER_FILES, languageOptions: { parser: fastJavaScriptParser } }, ...extra],
    { filename },
  );
  return { defaults, fast };
}

describe('language server: the fast parser (online-identifiers/parser) for JavaScript', function () {
  this.timeout(120000);

  // Real code with every kind of scope: ESLint's own sources, espree, the
  // examples the README scans, and the editor test fixtures.
  const files = [
    ...jsFiles(path.join(ROOT, 'node_modules', 'eslint', 'lib')),
    ...jsFiles(path.join(ROOT, 'node_modules', 'espree', 'dist')),
    ...jsFiles(path.join(ROOT, 'examples')),
    ...jsFiles(path.join(ROOT, 'test', 'e2e', 'fixtures')),
  ];

  it('gives the same scope-based messages as ESLint on hundreds of real files', function () {
    assert.ok(files.length > 300, `only ${files.length} files found`);
    let compared = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const globals = { languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly' } } };
      // Linted under a neutral name: files in node_modules are ignored by default.
      const filename = path.join(ROOT, 'corpus', path.relative(ROOT, file).replace(/node_modules/g, 'modules'));
      const { defaults, fast } = lintBothWays(text, filename, [{ ...globals, rules: SCOPE_RULES }]);
      assert.deepEqual(fast, defaults, file);
      assert.ok(
        defaults.every((message) => message.ruleId !== null),
        `${file}: ${defaults.find((message) => message.ruleId === null)?.message}`,
      );
      compared += defaults.length;
    }
    // The comparison is only worth something if the rules had things to say.
    assert.ok(compared > 50, `only ${compared} messages compared`);
  });

  it('builds the same scopes, variables and references as ESLint does, file by file', function () {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const sourceType = file.endsWith('.cjs') ? 'commonjs' : 'module';
      const options = {
        ecmaVersion: 2026,
        sourceType,
        ecmaFeatures: { jsx: true },
        range: true,
        loc: true,
        tokens: true,
        comment: true,
      } as const;
      let ast: ESTree.Program;
      try {
        ast = espree.parse(text, options) as ESTree.Program;
      } catch {
        continue; // a script, not a module: the lint comparison above covers it
      }
      // Exactly what ESLint does (languages/js analyzeScope) ...
      const expected = eslintScope.analyze(ast, {
        ignoreEval: true,
        ecmaVersion: 2026,
        sourceType,
        childVisitorKeys: visitorKeys.KEYS as Record<string, string[]>,
        fallback: (node: ESTree.Node) => [...visitorKeys.getKeys(node)],
        jsx: true,
      });
      // ... against what the fast parser hands ESLint.
      const result = fastJavaScriptParser.parseForESLint(text, { ...options, filePath: file }) as unknown as {
        scopeManager: eslintScope.ScopeManager;
      };
      assert.equal(describeScopes(result.scopeManager), describeScopes(expected), file);
    }
  });

  it("gives the same findings and suggestions with this project's rules", function () {
    const recommended = plugin.configs.recommended as Linter.Config;
    const code = [
      "import pino from 'pino';",
      'const logger = pino();',
      'export function handler(req, res) {',
      '  const { ip, headers: { cookie } } = req;',
      '  const who = <span title={req.ip} />;',
      '  let agent = req.get("user-agent");',
      '  for (const id of req.ips) logger.info({ id, agent });',
      '  logger.warn(`from ${ip} with ${cookie}`, who);',
      '}',
    ].join('\n');
    const { defaults, fast } = lintBothWays(code, path.join(ROOT, 'example.jsx'), [recommended]);
    assert.ok(defaults.length >= 3, JSON.stringify(defaults));
    assert.deepEqual(fast, defaults);
  });

  it('reports a syntax error the way espree does', function () {
    const { defaults, fast } = lintBothWays('const = 1;', path.join(ROOT, 'broken.js'), []);
    assert.equal(defaults[0]?.fatal, true);
    assert.deepEqual(fast, defaults);
  });

  it('keeps CommonJS and script semantics (top-level return, implied globals)', function () {
    const code = "'use strict';\nconst fs = require('fs');\nif (!fs) return;\nmodule.exports = fs;\nundeclared = 1;";
    const { defaults, fast } = lintBothWays(code, path.join(ROOT, 'script.cjs'), [{ rules: SCOPE_RULES }]);
    assert.deepEqual(fast, defaults);
    assert.ok(defaults.some((message) => message.ruleId === 'no-undef'));
  });

  it('parses TypeScript and TSX as @typescript-eslint/parser does, with the same findings', function () {
    const recommended = plugin.configs.recommended as Linter.Config;
    const code = [
      "import type { Request } from 'express';",
      "import pino from 'pino';",
      'const logger = pino();',
      'export function handler(this: void, req: Request): void {',
      '  const who = <span title={req.ip as string} />;',
      '  logger.info({ agent: req.get("user-agent")! }, who);',
      '}',
    ].join('\n');
    const filename = path.join(ROOT, 'example.tsx');
    const linter = new Linter({ configType: 'flat', cwd: ROOT });
    const reference = linter.verify(code, [...createBuiltinConfig({ parser: 'reference' }), recommended], { filename });
    const fast = linter.verify(
      code,
      [...createBuiltinConfig({ parser: 'reference' }), { files: FAST_TYPESCRIPT_FILES, languageOptions: { parser: fastTypeScriptParser } }, recommended],
      { filename },
    );
    assert.ok(reference.length >= 1 && reference.every((message) => !message.fatal), JSON.stringify(reference));
    assert.deepEqual(fast, reference);
  });

  it('falls back to espree for text oxc rejects, and says so once', function () {
    const events: string[] = [];
    setFallbackListener((event) => events.push(event.reason));
    try {
      lintBothWays('const = 1;', path.join(ROOT, 'broken-once.js'), []);
      lintBothWays('let let = 1;', path.join(ROOT, 'broken-twice.js'), []);
    } finally {
      setFallbackListener(undefined);
    }
    assert.equal(events.length, 1, events.join('\n'));
    assert.match(events[0]!, /^oxc: /);
  });
});
