import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KINDS } from '../src/catalog';
import * as sinks from '../src/catalog/sinks';
import * as sources from '../src/catalog/sources';

// The rule doc's framework table and the source catalog must not drift
// apart: every framework the catalog models has a row, every row is a
// framework of the catalog, and every member or helper a row names is in
// the catalog's data.
const doc = fs.readFileSync(path.join(__dirname, '..', 'docs', 'rules', 'no-unclassified-logging.md'), 'utf8');

interface Row {
  readonly framework: string;
  readonly kinds: string;
  readonly through: string;
}

function frameworkRows(markdown: string): Row[] {
  const start = markdown.indexOf('\n## Frameworks\n');
  assert.ok(start >= 0, 'the doc has a "## Frameworks" section');
  const end = markdown.indexOf('\n## ', start + 1);
  const lines = markdown.slice(start, end).split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| ---'));
  return lines.slice(1).map((line) => {
    const cells = line.slice(2, -2).split(' | ');
    assert.equal(cells.length, 3, `three cells in ${line}`);
    return { framework: cells[0]!, kinds: cells[1]!, through: cells[2]! };
  });
}

/** Every word in the catalog's data, lower-cased: member path steps, header names, helper and method names, modules. */
function catalogWords(): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const word of value.split(/[.()*\s/@]+/)) if (word) words.add(word.toLowerCase());
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  Object.values(sources).forEach(visit);
  return words;
}

/**
 * Names a row may use that the code under analysis chooses, not the
 * catalog: the parameter and variable names of the examples, and syntax.
 */
const CHOSEN_NAMES = new Set([
  'req', 'request', 'ctx', 'c', 'event', 'context', 'socket', 'info', 'server', 'io', 'wss', 'ws', 'jwt', 'reply',
  'formdata', 'export', 'default', 'new', 'on', 'json', 'stringify', 'strategy', 'connection', 'astro', 'user',
]);

/** The names a backticked snippet mentions: identifiers, quoted strings (header and event names), decorators. */
function namesIn(snippet: string): string[] {
  const names: string[] = [];
  for (const match of snippet.matchAll(/'([^']+)'|([A-Za-z_$][\w$-]*)/g)) names.push((match[1] ?? match[2]!).toLowerCase());
  return names;
}

describe('docs/rules/no-unclassified-logging.md framework table', () => {
  const rows = frameworkRows(doc);
  const words = catalogWords();

  it('has one row per framework of the catalog, in the same order', () => {
    assert.deepEqual(
      rows.map((row) => row.framework),
      [...sources.FRAMEWORKS],
    );
  });

  /** The names a row mentions that are neither in the catalog nor chosen by the code. */
  function missingNames(row: Row): string[] {
    const snippets = [...row.through.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    assert.ok(snippets.length > 0, `${row.framework} names at least one member or helper`);
    return snippets.flatMap((snippet) =>
      namesIn(snippet)
        .filter((name) => !words.has(name) && !CHOSEN_NAMES.has(name))
        .map((name) => `${name} (in \`${snippet}\`)`),
    );
  }

  for (const row of rows) {
    it(`${row.framework}: every member and helper it names is in the catalog`, () => {
      assert.deepEqual(missingNames(row), []);
    });

    it(`${row.framework}: its kinds are the policy's kinds`, () => {
      const labels = new Set(Object.values(KINDS).map((info) => info.label));
      const listed = row.kinds.split(', ');
      const free = listed.filter((label) => !labels.has(label));
      // Two rows describe containers in words: everything a whole request or a GraphQL context holds.
      assert.ok(free.length === 0 || (listed.length === 1 && /^(whole request and everything in it|whatever the context holds)$/.test(listed[0]!)), `not kinds: ${free.join(', ')}`);
    });
  }

  it('fails on drift: a member the catalog lacks is reported', () => {
    const drifted = frameworkRows(doc.replace('`c.req.header()`', '`c.req.headerz()`'));
    const hono = drifted.find((row) => row.framework === 'Hono')!;
    assert.deepEqual(missingNames(hono), ['headerz (in `c.req.headerz()`)']);
  });
});

// The logger-package table and the sink catalog: one row per package the
// catalog recognises loggers from, in catalog order, and every export or
// call a row names is one the catalog models for that package.
describe('docs/rules/no-unclassified-logging.md logger-package table', () => {
  const start = doc.indexOf('\n## Logger packages\n');
  const end = doc.indexOf('\n## ', start + 1);
  const rows = doc
    .slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      assert.equal(cells.length, 2, `two cells in ${line}`);
      return { module: cells[0]!.replace(/`/g, ''), loggers: cells[1]! };
    });
  const entries = [...sinks.LOGGER_FACTORIES, ...sinks.LOGGER_MODULE_OBJECTS];

  it('has the section', () => assert.ok(start >= 0 && rows.length > 0));

  it('has one row per package of the catalog, in catalog order', () => {
    assert.deepEqual(
      rows.map((row) => row.module),
      [...new Set(entries.map((entry) => entry.module))],
    );
  });

  it('names only exports and calls the catalog models for that package', () => {
    for (const row of rows) {
      const known = new Set<string>(['new']);
      for (const entry of entries.filter((candidate) => candidate.module === row.module)) {
        known.add(entry.export.toLowerCase());
        const call = 'call' in entry ? (entry as { call?: string }).call : undefined;
        if (call) known.add(call.toLowerCase());
        for (const part of entry.module.split(/[/@-]/)) if (part) known.add(part.toLowerCase());
      }
      const names = [...row.loggers.matchAll(/`([^`]+)`/g)].flatMap((match) => namesIn(match[1]!));
      assert.deepEqual(
        names.filter((name) => !known.has(name)),
        [],
        `${row.module}: every name in the row is in the catalog`,
      );
    }
  });

  it('says, for each package, whether the module object itself is a logger', () => {
    for (const row of rows) {
      const itself = sinks.LOGGER_MODULE_OBJECTS.some((entry) => entry.module === row.module);
      assert.equal(/itself/.test(row.loggers), itself, `${row.module}: "itself" exactly when LOGGER_MODULE_OBJECTS lists it`);
    }
  });
});
