import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import plugin = require('../src/index');
import * as catalog from '../src/catalog';
import * as inventory from '../src/inventory';

const root = path.join(__dirname, '..');
const DOCS_URL = 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/';

interface Schema {
  description?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}

/** Every property of a JSON schema, at any depth, with its path. */
function properties(schema: Schema, at = ''): [string, Schema][] {
  const own = Object.entries(schema.properties ?? {}).map(([key, value]): [string, Schema] => [`${at}.${key}`, value]);
  const nested = own.flatMap(([key, value]) => properties(value, key));
  const items = schema.items ? properties(schema.items, `${at}[]`) : [];
  return [...own, ...nested, ...items];
}

describe('plugin metadata', () => {
  it('names itself after its package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
    assert.deepEqual(plugin.meta, { name: pkg.name, version: pkg.version });
  });

  for (const [id, rule] of Object.entries(plugin.rules)) {
    describe(`rule ${id}`, () => {
      it('has a doc, a test, and its file name is its id', () => {
        assert.ok(fs.existsSync(path.join(root, 'docs', 'rules', `${id}.md`)), 'docs/rules/<id>.md');
        assert.ok(fs.existsSync(path.join(root, 'test', 'rules', `${id}.test.ts`)), 'test/rules/<id>.test.ts');
        assert.ok(fs.existsSync(path.join(root, 'src', 'rules', `${id}.ts`)), 'src/rules/<id>.ts');
      });

      it('carries the contract docs URL and an imperative description', () => {
        assert.equal(rule.meta.docs?.url, `${DOCS_URL}${id}.md`);
        assert.match(rule.meta.docs?.description ?? '', /^(Disallow|Require|Enforce) /);
      });

      it('is in recommended and strict under the online-identifiers prefix', () => {
        const key = `online-identifiers/${id}`;
        for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
          assert.equal(config.plugins?.['online-identifiers'], plugin);
          assert.ok(config.rules?.[key], `${config.name ?? '?'} enables ${key}`);
        }
        assert.equal(plugin.configs.recommended.rules?.[key], 'error');
      });

      it('describes every option in its schema', () => {
        const schemas = (Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema]) as Schema[];
        for (const schema of schemas) {
          for (const [where, property] of properties(schema)) {
            assert.ok(property.description, `${where} has a description`);
          }
        }
      });

      it('spreads the suggestion messages and declares suggestions', () => {
        assert.equal(rule.meta.hasSuggestions, true);
        for (const id of ['suggestRedact', 'suggestPseudonymize', 'suggestClassify']) {
          assert.ok(id in rule.meta.messages, id);
        }
      });
    });
  }

  it('strict turns on type-aware checks; recommended does not', () => {
    assert.deepEqual(plugin.configs.strict.rules?.['online-identifiers/no-unclassified-logging'], ['error', { typeAware: true }]);
  });
});

describe('catalog subpath', () => {
  it('labels every kind as the contract says', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(catalog.KINDS).map(([kind, info]) => [kind, info.label])),
      {
        ip: 'IP address',
        cookie: 'cookie',
        session: 'session id',
        token: 'authentication token',
        user: 'user identifier',
        storage: 'browser storage value',
        device: 'device metadata',
        request: 'whole request',
      },
    );
    for (const info of Object.values(catalog.KINDS)) assert.ok(info.why.length > 20);
  });

  it('reads the kind back from a message', () => {
    assert.equal(catalog.kindOfMessage('IP address from req.ip reaches logger.info without classification'), 'ip');
    assert.equal(catalog.kindOfMessage('Cookie from req.cookies reaches console.log without classification'), 'cookie');
    assert.equal(catalog.kindOfMessage('Whole request from req reaches logger.info without classification'), 'request');
    assert.equal(catalog.kindOfMessage('Something else'), undefined);
  });

  it('is exported as ./catalog', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    assert.deepEqual(pkg.exports['./catalog'], { types: './dist/catalog/index.d.ts', default: './dist/catalog/index.js' });
  });
});

describe('inventory subpath', () => {
  it('is exported as ./inventory', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    assert.deepEqual(pkg.exports['./inventory'], { types: './dist/inventory/index.d.ts', default: './dist/inventory/index.js' });
  });

  it('keeps its rule out of the plugin: rule ids are a public contract', () => {
    assert.ok(!Object.values(plugin.rules).includes(inventory.treatmentsRule as never));
    for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
      assert.ok(!Object.keys(config.rules ?? {}).some((id) => id.endsWith('/treatments')), config.name);
    }
  });
});

describe('generated docs', () => {
  it('README rules table and rule doc headers are up to date (eslint-doc-generator --check)', function () {
    // The generator reads the built plugin (dist/), which `npm test` builds first.
    this.timeout(60000);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const args = pkg.scripts['docs:check']!.split(' ').slice(1);
    const bin = require.resolve('eslint-doc-generator/dist/bin/eslint-doc-generator.js');
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `run \`npm run docs\` to regenerate:\n${result.stdout}\n${result.stderr}`);
  });
});
