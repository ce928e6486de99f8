// `npm run corpus`: the plugin's recommended rules (through the CLI's
// built-in config) over every JS/TS file under node_modules, and over real
// applications given with --apps (the files the scan itself would pick there,
// git-aware). Prints files, findings, rule crashes, and the files with the
// highest ratio of rule time to parse time. Exits 1 if any rule crashed or
// any file's rule time exceeds --max-ratio (5) times its parse time.
// Usage: node scripts/corpus.mjs [--apps DIR,DIR...] [--limit N] [--show N]
//          [--top N] [--max-ratio R] [--parser fast|reference]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { appFiles, nodeModulesFiles, ROOT } from './lib/corpus-files.mjs';
import { lastTimes, measureRatios, ratioReport } from './lib/rule-time.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
let cli;
try {
  cli = require(path.join(ROOT, 'packages/cli/dist/index.js'));
} catch (error) {
  process.stderr.write(`corpus: build first (npx tsc -b packages/cli): ${error.message}\n`);
  process.exit(2);
}
const { KINDS, kindOfMessage } = require('eslint-plugin-online-identifiers/catalog');

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    show: { type: 'string', default: '5' },
    apps: { type: 'string', multiple: true, default: [] },
    top: { type: 'string', default: '20' },
    'max-ratio': { type: 'string', default: '5' },
    parser: { type: 'string' },
  },
});
const maxRatio = Number(values['max-ratio']);
if (!(maxRatio > 0)) {
  process.stderr.write(`corpus: --max-ratio must be a positive number, not '${values['max-ratio']}'\n`);
  process.exit(2);
}
const apps = values.apps.flatMap((list) => list.split(',')).filter((app) => app !== '').map((app) => path.resolve(app));
for (const app of apps) {
  if (!fs.statSync(app, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`corpus: --apps: no such directory: ${app}\n`);
    process.exit(2);
  }
}
const MAX_BYTES = cli.MAX_FILE_BYTES;
const out = (line = '') => process.stdout.write(`${line}\n`);

// The scan lints committed node_modules code (node-red keeps its source there); so does the corpus.
const moduleConfig = [{ ignores: ['!**/node_modules/'] }, ...cli.createBuiltinConfig(values.parser ? { parser: values.parser } : {})];
// As the CLI does: a .js file that is not a valid module is retried as a script.
const scriptConfig = moduleConfig.map((entry) =>
  entry.name === 'online-identifiers/builtin/javascript'
    ? { ...entry, languageOptions: { ...entry.languageOptions, sourceType: 'commonjs' } }
    : entry,
);
const ruleIds = Object.keys(moduleConfig.find((entry) => entry.rules)?.rules ?? {});
const ours = ({ ruleId }) => ruleId.startsWith('online-identifiers/');
// ESLint 10 flags old /* eslint-env */ comments as fatal but lints on; not a parse error.
const isParseError = (message) => message.fatal && !message.message.startsWith('/* eslint-env */');

// Each file with the name ESLint sees (relative, so no default ignore applies) and the corpus it belongs to.
let files = nodeModulesFiles().map((filePath) => ({ filePath, filename: path.relative(path.join(ROOT, 'node_modules'), filePath), corpus: 'node_modules' }));
if (values.limit) files = files.slice(0, Number(values.limit));
for (const app of apps) {
  for (const filePath of appFiles(app, cli)) files.push({ filePath, filename: path.relative(app, filePath), corpus: path.basename(app) });
}
const linter = new Linter();
const counts = { files: 0, skipped: 0, parseErrors: 0, findings: 0, crashes: 0 };
const filesPerCorpus = new Map();
const timings = []; // { name, text, config, ruleMs, parseMs } for the rule/parse ratio
const byKind = new Map();
const byRule = new Map();
const crashes = [];
const parseFailures = [];
const samples = new Map(); // kind -> first few findings, to eyeball for false positives
const started = Date.now();

for (const [index, { filePath, filename, corpus }] of files.entries()) {
  let text;
  try {
    if (fs.statSync(filePath).size > MAX_BYTES) {
      counts.skipped++;
      continue;
    }
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    counts.skipped++;
    continue;
  }
  counts.files++;
  filesPerCorpus.set(corpus, (filesPerCorpus.get(corpus) ?? 0) + 1);
  const name = corpus === 'node_modules' ? filename : `${corpus}/${filename}`;
  try {
    // Stats (parse and per-rule times) are only collected by verifyAndFix; fix: false changes nothing else.
    const verify = (config) => linter.verifyAndFix(text, config, { filename, fix: false, stats: true, ruleFilter: ours }).messages;
    let config = moduleConfig;
    let messages = verify(config);
    if (messages.some(isParseError) && /\.jsx?$/.test(filename)) {
      const retry = verify(scriptConfig);
      if (!retry.some(isParseError)) {
        messages = retry;
        config = scriptConfig;
      }
    }
    if (!messages.some(isParseError)) timings.push({ name, filePath, filename, config, lines: text.split('\n').length, ...lastTimes(linter) });
    for (const message of messages) {
      if (message.fatal && !isParseError(message)) continue;
      if (message.fatal) {
        counts.parseErrors++;
        parseFailures.push(`${name}:${message.line}:${message.column} ${message.message}`);
      } else if (message.ruleId?.startsWith('online-identifiers/')) {
        counts.findings++;
        const kind = kindOfMessage(message.message) ?? 'other';
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
        const sample = samples.get(kind) ?? [];
        if (sample.length < Number(values.show)) sample.push(`${name}:${message.line}:${message.column} ${message.message}`);
        samples.set(kind, sample);
      }
    }
  } catch (error) {
    // Linter.verify throws when a rule throws: that is a crash.
    counts.crashes++;
    crashes.push({ filePath, stack: error?.stack ?? String(error) });
  }
  if (process.stderr.isTTY && index % 200 === 0) process.stderr.write(`\rcorpus: ${index}/${files.length}`);
}
if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');

const seconds = ((Date.now() - started) / 1000).toFixed(1);
out(`rules: ${ruleIds.join(', ') || '(none: the plugin has no recommended rules yet)'}`);
out(`files: ${counts.files} linted (${counts.skipped} skipped: over ${MAX_BYTES / 1024 / 1024} MB or unreadable) in ${seconds} s`);
for (const [corpus, count] of filesPerCorpus) out(`  ${corpus.padEnd(24)} ${count}`);
out(`parse errors: ${counts.parseErrors} (files no parser configuration here can read; not crashes)`);
for (const line of parseFailures.slice(0, Number(values.show))) out(`  ${line}`);
out(`findings: ${counts.findings}`);
for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) out(`  ${(KINDS[kind]?.label ?? kind).padEnd(24)} ${count}`);
for (const [ruleId, count] of byRule) out(`  by rule ${ruleId}: ${count}`);
out(`first ${values.show} findings per kind (node_modules/... or <app>/...):`);
for (const [, sample] of samples) for (const line of sample) out(`  ${line}`);
out(`rule crashes: ${counts.crashes}`);
for (const crash of crashes.slice(0, Number(values.show))) {
  out();
  out(`crash in ${crash.filePath}`);
  out(crash.stack.split('\n').slice(0, 14).join('\n'));
}

// Rule time against parse time, per file: the analysis must stay linear in the file.
const ratios = measureRatios(linter, timings, { maxRatio, ruleFilter: ours });
out();
for (const line of ratioReport(ratios, { top: Number(values.top), maxRatio })) out(line);
process.exitCode = counts.crashes > 0 || ratios.over.length > 0 ? 1 : 0;
