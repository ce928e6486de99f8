// The fast parser (online-identifiers/parser) against ESLint's own parsers
// (espree for JS, @typescript-eslint/parser for TS), on the same corpus in
// the same run, as ratios (issue 10 §1 and §4):
//   1. parse-only through ESLint's Linter, in-process CPU time, paired per file;
//   2. scan wall time (`online-identifiers scan`'s API: fast parser and the
//      recommended rules) against ESLint parse-only (ESLint's Node API, no
//      rules, default parsers) over a copy of the corpus on disk.
// Prints PASS/MISS for the 0.5x scan target; never fails on it.
// Usage: node [--expose-gc] scripts/bench-parser.mjs [--rounds N] [--files N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { corpusFiles, ROOT } from './lib/corpus-files.mjs';

const require = createRequire(import.meta.url);
const { ESLint, Linter } = require('eslint');
let cli;
try {
  cli = require(path.join(ROOT, 'packages/cli/dist/index.js'));
} catch (error) {
  process.stderr.write(`bench-parser: build first (npx tsc -b packages/cli): ${error.message}\n`);
  process.exit(2);
}
const fastParser = require(path.join(ROOT, 'packages/cli/dist/parser/index.js'));

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, files: { type: 'string', default: '1200' } } });
const rounds = Number(values.rounds);
const files = corpusFiles({ limit: Number(values.files) }).map((filePath) => ({
  filePath,
  // Relative, so no default node_modules ignore applies.
  filename: path.relative(path.join(ROOT, 'node_modules'), filePath),
  text: fs.readFileSync(filePath, 'utf8'),
}));
const fallbacks = [];
fastParser.setFallbackListener((event) => fallbacks.push(event));

const stripRules = (config) => config.map((entry) => (entry.rules ? { ...entry, plugins: {}, rules: {} } : entry));
const referenceParseOnly = stripRules(cli.createBuiltinConfig({ parser: 'reference' }));
const fastParseOnly = stripRules(cli.createBuiltinConfig({ parser: 'fast' }));

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const out = (line = '') => process.stdout.write(`${line}\n`);
const verdict = (ratio, target) => `${ratio <= target ? 'PASS' : 'MISS'} ${ratio.toFixed(3)}x (target <= ${target}x)`;

const tsCount = files.filter((file) => /\.[cm]?tsx?$/.test(file.filePath)).length;
const bytes = files.reduce((sum, file) => sum + file.text.length, 0);
out(`corpus: ${files.length} files from node_modules (${files.length - tsCount} JS, ${tsCount} TS), ${(bytes / 1024 / 1024).toFixed(1)} MB; ${rounds} rounds after a warm-up; medians`);

// 1. Parse-only through the Linter, both parsers per file in rotated order.
const linter = new Linter();
const noRules = () => false; // inline `/* eslint rule: ... */` comments in the corpus switch nothing on
function parseRound(roundIndex) {
  globalThis.gc?.();
  const cpu = [0, 0];
  const configs = [referenceParseOnly, fastParseOnly];
  for (const [fileIndex, file] of files.entries()) {
    for (let step = 0; step < 2; step++) {
      const index = (roundIndex + fileIndex + step) % 2;
      const start = process.cpuUsage();
      linter.verify(file.text, configs[index], { filename: file.filename, ruleFilter: noRules });
      const used = process.cpuUsage(start);
      cpu[index] += (used.user + used.system) / 1000;
    }
  }
  return cpu;
}
parseRound(0);
const parseRounds = Array.from({ length: rounds }, (_, index) => parseRound(index + 1));
const [referenceCpu, fastCpu] = [0, 1].map((index) => median(parseRounds.map((round) => round[index])));
out();
out('parse only through ESLint (Linter, CPU ms):');
out(`  espree / @typescript-eslint/parser   ${referenceCpu.toFixed(0).padStart(7)}   1.000`);
out(`  online-identifiers/parser (oxc)      ${fastCpu.toFixed(0).padStart(7)}   ${(fastCpu / referenceCpu).toFixed(3)}`);

// 2. Wall time over files on disk: a copy outside node_modules, so neither
// ESLint nor the scan ignores it.
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-bench-parser-'));
for (const file of files) {
  const target = path.join(directory, file.filename.replace(/node_modules/g, 'modules'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, file.text);
}
const wall = async (run) => {
  globalThis.gc?.();
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const eslintParseOnly = async () => {
  const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: referenceParseOnly, ruleFilter: noRules });
  return eslint.lintFiles(['.']);
};
// Test code included: the same files as ESLint's run.
const scanFast = () => cli.scan({ paths: ['.'], cwd: directory, includeTests: true });
try {
  const variants = [
    ['ESLint parse-only (Node API, default parsers)', eslintParseOnly],
    ['scan, fast parser, recommended rules', scanFast],
  ];
  const lintedCounts = [(await eslintParseOnly()).length, (await scanFast()).results.length];
  const times = variants.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < variants.length; step++) {
      const index = (round + step) % variants.length;
      times[index].push(await wall(variants[index][1]));
    }
  }
  const [baseline, scanned] = times.map(median);
  out();
  out(`wall time over ${lintedCounts[0]} files on disk (scan read ${lintedCounts[1]}), ms:`);
  for (const [index, [name]] of variants.entries()) {
    out(`  ${name.padEnd(46)} ${median(times[index]).toFixed(0).padStart(7)}   ${(median(times[index]) / baseline).toFixed(3)}   rounds ${times[index].map((t) => t.toFixed(0)).join(' ')}`);
  }
  out();
  // Reported once per process: the first one, if any (syntax oxc rejects; espree reports those files' errors).
  out(fallbacks.length ? `fast parser fell back (first: ${fallbacks[0].filePath}: ${fallbacks[0].reason})` : 'fast parser never fell back');
  out(`${verdict(fastCpu / referenceCpu, 1)} parse-only, fast parser vs ESLint's parsers`);
  out(`${verdict(scanned / baseline, 0.5)} scan wall time with the fast parser vs ESLint parse-only`);
} finally {
  fs.rmSync(directory, { recursive: true, force: true });
}
