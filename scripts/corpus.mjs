// `npm run corpus`: the plugin's recommended rules (through the CLI's
// built-in config) over every JS/TS file under node_modules. Prints files,
// findings and rule crashes; exits 1 if any rule crashed (the target is zero).
// Usage: node scripts/corpus.mjs [--limit N] [--show N]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { nodeModulesFiles, ROOT } from './lib/corpus-files.mjs';

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

const { values } = parseArgs({ options: { limit: { type: 'string' }, show: { type: 'string', default: '5' } } });
const MAX_BYTES = cli.MAX_FILE_BYTES;
const out = (line = '') => process.stdout.write(`${line}\n`);

const moduleConfig = cli.createBuiltinConfig();
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

let files = nodeModulesFiles();
if (values.limit) files = files.slice(0, Number(values.limit));
const linter = new Linter();
const counts = { files: 0, skipped: 0, parseErrors: 0, findings: 0, crashes: 0 };
const byKind = new Map();
const byRule = new Map();
const crashes = [];
const parseFailures = [];
const samples = new Map(); // kind -> first few findings, to eyeball for false positives
const started = Date.now();

for (const [index, filePath] of files.entries()) {
  const filename = path.relative(path.join(ROOT, 'node_modules'), filePath);
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
  try {
    let messages = linter.verify(text, moduleConfig, { filename, ruleFilter: ours });
    if (messages.some(isParseError) && /\.jsx?$/.test(filename)) {
      const retry = linter.verify(text, scriptConfig, { filename, ruleFilter: ours });
      if (!retry.some(isParseError)) messages = retry;
    }
    for (const message of messages) {
      if (message.fatal && !isParseError(message)) continue;
      if (message.fatal) {
        counts.parseErrors++;
        parseFailures.push(`${filename}:${message.line}:${message.column} ${message.message}`);
      } else if (message.ruleId?.startsWith('online-identifiers/')) {
        counts.findings++;
        const kind = kindOfMessage(message.message) ?? 'other';
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
        const sample = samples.get(kind) ?? [];
        if (sample.length < Number(values.show)) sample.push(`${filename}:${message.line}:${message.column} ${message.message}`);
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
out(`parse errors: ${counts.parseErrors} (files no parser configuration here can read; not crashes)`);
for (const line of parseFailures.slice(0, Number(values.show))) out(`  ${line}`);
out(`findings: ${counts.findings}`);
for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) out(`  ${(KINDS[kind]?.label ?? kind).padEnd(24)} ${count}`);
for (const [ruleId, count] of byRule) out(`  by rule ${ruleId}: ${count}`);
out(`first ${values.show} findings per kind (node_modules/...):`);
for (const [, sample] of samples) for (const line of sample) out(`  ${line}`);
out(`rule crashes: ${counts.crashes}`);
for (const crash of crashes.slice(0, Number(values.show))) {
  out();
  out(`crash in ${crash.filePath}`);
  out(crash.stack.split('\n').slice(0, 14).join('\n'));
}
process.exitCode = counts.crashes > 0 ? 1 : 0;
