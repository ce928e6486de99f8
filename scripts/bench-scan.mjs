// The scan at monorepo scale, as ratios measured in this run (the machine is
// noisy): time and peak memory over 2,000, 5,000 and every (10,000+) JS/TS
// file of the installed packages, per file against the smallest size (1.00 is
// linear); `--concurrency 2` against one thread; a second `--cache` run
// against the first; the start-up of a scan of two files against ESLint's
// own bin on them. Each scan runs in its own process (the scan() API with
// the CLI's options), so peak memory (max RSS) is that scan's alone.
// Usage: node scripts/bench-scan.mjs [--sizes 2000,5000,all] [--pair-files 1000]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeModulesFiles, ROOT } from './lib/corpus-files.mjs';

const self = fileURLToPath(import.meta.url);
const CLI = path.join(ROOT, 'packages/cli/dist/index.js');

if (process.argv[2] === '--child') {
  // One scan: read the job, scan, print what it cost.
  const job = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
  const { scan } = await import(CLI);
  const cpuStart = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await scan(job.options);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    JSON.stringify({
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      files: result.results.length,
      findings: result.findingCount,
      failed: result.failedFileCount,
    }),
  );
  process.exit(0);
}

const { values } = parseArgs({
  strict: false, // bench.mjs passes its own arguments to every part
  options: { sizes: { type: 'string', default: '2000,5000,all' }, 'pair-files': { type: 'string', default: '1000' } },
});
if (!fs.existsSync(CLI)) {
  process.stderr.write('bench-scan: build first (npx tsc -b packages/cli)\n');
  process.exit(2);
}
const out = (line = '') => process.stdout.write(`${line}\n`);
const all = nodeModulesFiles({ declarations: false });

// A fixed shuffle (by a hash of each path), so every size is a mix of all the
// installed packages and each smaller set is part of the larger ones: the
// per-file ratio then compares growth, not different files.
const shuffled = all
  .map((filePath) => ({ filePath, key: createHash('sha1').update(path.relative(ROOT, filePath)).digest('hex') }))
  .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  .map(({ filePath }) => filePath);

/** The first `count` files of the shuffle. */
function spread(count) {
  return shuffled.slice(0, count);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-bench-scan-'));
let jobCount = 0;
function runScan(files, extra = {}) {
  const jobFile = path.join(work, `job-${jobCount++}.json`);
  // Files named one by one are scanned even inside node_modules; cwd is the repository root.
  fs.writeFileSync(jobFile, JSON.stringify({ options: { cwd: ROOT, paths: files, ...extra } }));
  const child = spawnSync(process.execPath, [self, '--child', jobFile], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`scan child failed (${child.status}): ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout);
}

try {
  const sizes = values.sizes.split(',').map((size) => (size === 'all' ? all.length : Number(size)));
  out(`corpus: ${all.length} JS/TS files in node_modules (declarations excluded); one process per scan; ${os.availableParallelism()} cores`);
  out();
  out('scaling (single thread, no cache)');
  out(`${'files'.padStart(7)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'cpu ms/file'.padStart(12)} ${'time ratio'.padStart(11)} ${'peak MB'.padStart(8)} ${'KB/file'.padStart(8)} ${'mem ratio'.padStart(10)}`);
  let base;
  for (const size of sizes) {
    const run = runScan(spread(size));
    const perFile = run.cpuMs / run.files;
    const kbPerFile = (run.maxRssMb * 1024) / run.files;
    base ??= { perFile, kbPerFile };
    out(
      `${String(run.files).padStart(7)} ${(run.wallMs / 1000).toFixed(1).padStart(8)} ${(run.cpuMs / 1000).toFixed(1).padStart(8)} ` +
        `${perFile.toFixed(2).padStart(12)} ${(perFile / base.perFile).toFixed(2).padStart(11)} ${run.maxRssMb.toFixed(0).padStart(8)} ` +
        `${kbPerFile.toFixed(1).padStart(8)} ${(kbPerFile / base.kbPerFile).toFixed(2).padStart(10)}`,
    );
  }
  out('time ratio: CPU ms per file against the smallest size; mem ratio: peak memory per file against the smallest size.');
  out('Linear growth shows as ratios at or below 1.00 (fixed costs, such as loading ESLint, spread over more files).');

  const pair = spread(Number(values['pair-files']));
  out();
  out(`concurrency (${pair.length} files, wall time)`);
  const single = runScan(pair, { concurrency: 'off' });
  const threaded = runScan(pair, { concurrency: 2 });
  out(`  off: ${(single.wallMs / 1000).toFixed(1)} s, peak ${single.maxRssMb.toFixed(0)} MB; --concurrency 2: ${(threaded.wallMs / 1000).toFixed(1)} s, peak ${threaded.maxRssMb.toFixed(0)} MB`);
  out(`  ratio --concurrency 2 / off: time ${(threaded.wallMs / single.wallMs).toFixed(2)}, peak memory ${(threaded.maxRssMb / single.maxRssMb).toFixed(2)}; findings equal: ${threaded.findings === single.findings ? 'yes' : `NO (${threaded.findings} vs ${single.findings})`}`);

  out();
  out(`cache (${pair.length} files, wall time)`);
  const cacheLocation = path.join(work, 'scan-cache');
  const first = runScan(pair, { cache: true, cacheLocation });
  const second = runScan(pair, { cache: true, cacheLocation });
  out(`  first --cache run: ${(first.wallMs / 1000).toFixed(1)} s; second: ${(second.wallMs / 1000).toFixed(1)} s`);
  out(`  ratio second / first: ${(second.wallMs / first.wallMs).toFixed(2)}; findings equal: ${second.findings === first.findings ? 'yes' : `NO (${second.findings} vs ${first.findings})`}`);

  // A pull request's scan (`--changed-since`) reads a few files: process
  // start-up is most of it. The bin against ESLint's own bin linting the same
  // two files parse-only (espree for .js, @typescript-eslint/parser for .ts).
  out();
  const small = path.join(work, 'small-project');
  fs.mkdirSync(small);
  fs.writeFileSync(path.join(small, 'a.js'), 'export const handler = (req) => console.log(req.ip);\n');
  fs.writeFileSync(path.join(small, 'b.ts'), 'export const f = (req: { ip: string }): void => console.log(req.ip);\n');
  const tsParserUrl = pathToFileURL(createRequire(import.meta.url).resolve('@typescript-eslint/parser')).href;
  fs.writeFileSync(path.join(small, 'eslint.config.mjs'), `import * as parser from ${JSON.stringify(tsParserUrl)};\nexport default [{ files: ['**/*.ts'], languageOptions: { parser } }];\n`);
  const timeProcess = (args) => {
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, args, { cwd: small, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (child.status !== 0 && child.status !== 1) throw new Error(`${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
    return ms;
  };
  const eslintBin = [path.join(ROOT, 'node_modules/eslint/bin/eslint.js'), 'a.js', 'b.ts'];
  const scanBin = [path.join(ROOT, 'packages/cli/bin/online-identifiers.js'), 'scan', 'a.js', 'b.ts'];
  const startup = { eslint: [], scan: [] };
  for (let round = 0; round < 5; round++) {
    startup.eslint.push(timeProcess(eslintBin));
    startup.scan.push(timeProcess(scanBin));
  }
  const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
  out('start-up (2 files, one JS and one TS, process wall time, median of 5)');
  out(`  eslint (parse-only, its default parsers): ${median(startup.eslint).toFixed(0)} ms; online-identifiers scan: ${median(startup.scan).toFixed(0)} ms`);
  out(`  ratio scan / eslint: ${(median(startup.scan) / median(startup.eslint)).toFixed(2)}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
