// Lint overhead of our recommended config, measured against a parse-only
// baseline and against eslint-plugin-security's recommended config, on the
// same corpus in the same process (ratios, not absolute times: the machine is
// noisy). Prints PASS/MISS lines for the targets in issue 3; never fails on
// them. Usage: node [--expose-gc] scripts/bench-lint.mjs [--rounds N] [--files N]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { corpusFiles, ROOT } from './lib/corpus-files.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('eslint');
const security = require('eslint-plugin-security');
let cli;
try {
  cli = require(path.join(ROOT, 'packages/cli/dist/index.js'));
} catch (error) {
  process.stderr.write(`bench-lint: build first (npx tsc -b packages/cli): ${error.message}\n`);
  process.exit(2);
}

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' }, files: { type: 'string', default: '1200' } } });
const rounds = Number(values.rounds);
const files = corpusFiles({ limit: Number(values.files) }).map((filePath) => ({
  filePath,
  // Linter matches `files` patterns against this; relative keeps node_modules
  // out of the path so no default ignore applies.
  filename: path.relative(path.join(ROOT, 'node_modules'), filePath),
  text: fs.readFileSync(filePath, 'utf8'),
}));

// ESLint's own parsers, as in users' ESLint runs (the scan's fast parser is
// measured by bench-parser.mjs).
const builtin = cli.createBuiltinConfig({ parser: 'reference' });
const withoutRules = builtin.map((entry) => (entry.rules ? { ...entry, plugins: {}, rules: {} } : entry));
const allFiles = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs', '**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const variants = [
  { name: 'parse only (no rules)', config: withoutRules, prefix: '\0none' },
  { name: 'online-identifiers recommended', config: builtin, prefix: 'online-identifiers/' },
  {
    name: 'eslint-plugin-security recommended',
    config: [...withoutRules, { files: allFiles, plugins: { security }, rules: security.configs.recommended.rules }],
    prefix: 'security/',
  },
];
const ourRules = Object.keys(builtin.find((entry) => entry.rules)?.rules ?? {});

const linter = new Linter();
// Inline `/* eslint rule: "error" */` comments in the corpus would switch on
// core rules; only the variant's own rules may run.
function lintAll(config, prefix, options = {}) {
  const ruleFilter = ({ ruleId }) => ruleId.startsWith(prefix);
  let messages = 0;
  let fatal = 0;
  const ruleMs = new Map();
  for (const file of files) {
    let result;
    try {
      // Stats are only collected by verifyAndFix (fix: false changes nothing else).
      result = options.stats
        ? linter.verifyAndFix(file.text, config, { filename: file.filename, fix: false, stats: true, ruleFilter }).messages
        : linter.verify(file.text, config, { filename: file.filename, ruleFilter });
    } catch {
      fatal++; // a crashing rule is npm run corpus's business; keep timing comparable
      continue;
    }
    for (const message of result) (message.fatal ? fatal++ : messages++);
    if (options.stats) {
      for (const pass of linter.getTimes().passes) {
        for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleMs.set(ruleId, (ruleMs.get(ruleId) ?? 0) + time.total);
        ruleMs.set('(parse)', (ruleMs.get('(parse)') ?? 0) + (pass.parse?.total ?? 0));
      }
    }
  }
  return { messages, fatal, ruleMs };
}

/**
 * One round: every file linted by every variant back to back, the order
 * rotated per file, so a burst of load from other processes lands on all
 * variants alike (paired measurement). CPU time of this process is the
 * primary measure; wall time is shown too.
 */
function round(roundIndex) {
  globalThis.gc?.();
  const cpu = variants.map(() => 0);
  const wall = variants.map(() => 0);
  const seen = variants.map(() => ({ messages: 0, fatal: 0 }));
  for (const [fileIndex, file] of files.entries()) {
    for (let step = 0; step < variants.length; step++) {
      const index = (roundIndex + fileIndex + step) % variants.length;
      const { config, prefix } = variants[index];
      const ruleFilter = ({ ruleId }) => ruleId.startsWith(prefix);
      const cpuStart = process.cpuUsage();
      const wallStart = process.hrtime.bigint();
      let result = [];
      try {
        result = linter.verify(file.text, config, { filename: file.filename, ruleFilter });
      } catch {
        seen[index].fatal++; // a crashing rule is npm run corpus's business
      }
      wall[index] += Number(process.hrtime.bigint() - wallStart) / 1e6;
      const used = process.cpuUsage(cpuStart);
      cpu[index] += (used.user + used.system) / 1000;
      for (const message of result) (message.fatal ? seen[index].fatal++ : seen[index].messages++);
    }
  }
  return { cpu, wall, seen };
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const pct = (ratio) => `${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%`;
const out = (line = '') => process.stdout.write(`${line}\n`);

const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
const tsCount = files.filter((file) => /\.[cm]?tsx?$/.test(file.filePath)).length;
out(`corpus: ${files.length} files from node_modules (${files.length - tsCount} JS, ${tsCount} TS), ${(bytes / 1024 / 1024).toFixed(1)} MB`);
out(`rules: ${ourRules.join(', ') || '(none: the plugin has no recommended rules yet)'}; ${rounds} rounds after a warm-up round; each file linted by all three in rotated order; median of round totals`);
out(`gc between runs: ${globalThis.gc ? 'yes' : 'no (run with --expose-gc for steadier numbers)'}`);

const warmUp = round(0); // JIT and caches; not counted
const rounds_ = Array.from({ length: rounds }, (_, index) => round(index + 1));
const cpuMedians = variants.map((_, index) => median(rounds_.map((r) => r.cpu[index])));
const wallMedians = variants.map((_, index) => median(rounds_.map((r) => r.wall[index])));
const [base, ours, peer] = cpuMedians;
out();
out(`${''.padEnd(36)} ${'cpu ms'.padStart(8)} ${'ratio'.padStart(16)} ${'wall ms'.padStart(9)} ${'ratio'.padStart(7)}  rounds (cpu ms)`);
for (const [index, variant] of variants.entries()) {
  const ratio = cpuMedians[index] / base;
  const wallRatio = wallMedians[index] / wallMedians[0];
  const each = rounds_.map((r) => r.cpu[index].toFixed(0)).join(' ');
  out(
    `${variant.name.padEnd(36)} ${cpuMedians[index].toFixed(0).padStart(8)} ${`${ratio.toFixed(3)} (${pct(ratio)})`.padStart(16)} ${wallMedians[index].toFixed(0).padStart(9)} ${wallRatio.toFixed(3).padStart(7)}  ${each}`,
  );
}
out(`messages per run (ESLint notes on unknown rules in directive comments included): ${variants.map((v, i) => `${v.name}: ${warmUp.seen[i].messages} (parse errors ${warmUp.seen[i].fatal})`).join('; ')}`);

const stats = lintAll(builtin, 'online-identifiers/', { stats: true });
out();
out('rule time with ESLint stats (separate pass, stats on):');
for (const [ruleId, ms] of [...stats.ruleMs].sort((a, b) => b[1] - a[1])) out(`  ${ruleId.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`);

const oursRatio = ours / base;
const peerRatio = peer / base;
out();
out(`${oursRatio <= 1.15 ? 'PASS' : 'MISS'} overhead over parse-only ${pct(oursRatio)} (target <= +15%)`);
out(`${oursRatio <= peerRatio ? 'PASS' : 'MISS'} overhead ${pct(oursRatio)} vs eslint-plugin-security ${pct(peerRatio)} (target: no more)`);
