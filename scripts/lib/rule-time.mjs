// Rule time against parse time, per file, for `npm run corpus`: the analysis
// is meant to stay linear in the file, so a file whose rules take many times
// its parse is a file where it is not. Times come from ESLint's own stats
// (`verifyAndFix(..., { stats: true })`, then `linter.getTimes()`).
import fs from 'node:fs';

/**
 * Parse and rule milliseconds of the linter's last run (every pass summed).
 * @param {import('eslint').Linter} linter
 * @returns {{ parseMs: number, ruleMs: number }}
 */
export function lastTimes(linter) {
  let parseMs = 0;
  let ruleMs = 0;
  for (const pass of linter.getTimes().passes) {
    parseMs += pass.parse?.total ?? 0;
    for (const time of Object.values(pass.rules ?? {})) ruleMs += time.total;
  }
  return { parseMs, ruleMs };
}

/** CPU milliseconds `run` takes in this process: unlike wall time, other processes' load does not count. */
function cpuMs(run) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The ratio of every file, with the suspects measured again: every file
 * over half of `maxRatio`, and the top `top` files. The first figures are ESLint's wall
 * times, which a loaded machine inflates at random; a suspect is judged on
 * CPU time instead, best of `repeats` rounds over the suspects: parse time is
 * a run of the same config without rules, rule time is a full run minus that.
 * @param {import('eslint').Linter} linter
 * @param {{ name: string, filePath: string, filename: string, config: object[], lines: number, parseMs: number, ruleMs: number }[]} timings
 * @param {{ maxRatio: number, top?: number, repeats?: number, ruleFilter: Function }} options
 * @returns {{ files: object[], over: object[], parseMs: number, ruleMs: number, medianRatio: number, remeasured: number }}
 *   files sorted by ratio, highest first; `over` the files still above `maxRatio` after measuring again
 */
export function measureRatios(linter, timings, { maxRatio, top = 20, repeats = 7, ruleFilter }) {
  const ratioOf = (entry) => entry.ruleMs / Math.max(entry.parseMs, 1e-3);
  const files = timings.map((entry) => ({ ...entry, ratio: ratioOf(entry), remeasured: false }));
  const bare = new Map();
  let remeasured = 0;
  // Load can inflate either phase, so a wall-time ratio can be too low as well
  // as too high: every file above half the limit is a suspect. Then, until the
  // top of the list holds only measured figures, the new top is measured too.
  let suspects = files.filter((entry) => entry.ratio > maxRatio / 2);
  while (suspects.length > 0) {
    measureAgain(suspects);
    remeasured += suspects.length;
    files.sort((a, b) => b.ratio - a.ratio);
    suspects = files.slice(0, top).filter((entry) => !entry.remeasured);
  }

  function measureAgain(entries) {
    const runs = entries.map((entry) => {
      if (!bare.has(entry.config)) bare.set(entry.config, entry.config.map((item) => (item.rules ? { ...item, plugins: {}, rules: {} } : item)));
      return { entry, text: fs.readFileSync(entry.filePath, 'utf8'), parseOnly: bare.get(entry.config), parseMs: Infinity, fullMs: Infinity };
    });
    // Round-robin, so a burst of load lands on one run of many files, not on every run of one file.
    for (let round = 0; round < repeats; round++) {
      for (const run of runs) {
        const { filename } = run.entry;
        run.parseMs = Math.min(run.parseMs, cpuMs(() => linter.verify(run.text, run.parseOnly, { filename })));
        run.fullMs = Math.min(run.fullMs, cpuMs(() => linter.verify(run.text, run.entry.config, { filename, ruleFilter })));
      }
    }
    for (const { entry, parseMs, fullMs } of runs) {
      entry.parseMs = parseMs;
      entry.ruleMs = Math.max(0, fullMs - parseMs);
      entry.ratio = ratioOf(entry);
      entry.remeasured = true;
    }
  }
  files.sort((a, b) => b.ratio - a.ratio);
  const sortedRatios = files.map((entry) => entry.ratio).sort((a, b) => a - b);
  return {
    files,
    over: files.filter((entry) => entry.ratio > maxRatio),
    parseMs: files.reduce((sum, entry) => sum + entry.parseMs, 0),
    ruleMs: files.reduce((sum, entry) => sum + entry.ruleMs, 0),
    medianRatio: sortedRatios.length ? sortedRatios[Math.floor(sortedRatios.length / 2)] : 0,
    remeasured,
  };
}

/**
 * The report lines: totals, the top files, and the verdict.
 * @param {ReturnType<typeof measureRatios>} ratios
 * @param {{ top: number, maxRatio: number }} options
 * @returns {string[]}
 */
export function ratioReport(ratios, { top, maxRatio }) {
  const lines = [];
  const overall = ratios.ruleMs / Math.max(ratios.parseMs, 1e-3);
  lines.push(
    `rule time / parse time: ${ratios.files.length} files parsed, median ${ratios.medianRatio.toFixed(2)}x, ` +
      `all files ${ratios.ruleMs.toFixed(0)} ms rules / ${ratios.parseMs.toFixed(0)} ms parse = ${overall.toFixed(2)}x ` +
      `(${ratios.remeasured} suspects measured again in CPU time, best of several runs)`,
  );
  lines.push(`top ${top} by ratio:`);
  lines.push(`  ${'ratio'.padStart(7)} ${'rules ms'.padStart(9)} ${'parse ms'.padStart(9)} ${'lines'.padStart(6)}  file`);
  for (const entry of ratios.files.slice(0, top)) {
    lines.push(
      `  ${`${entry.ratio.toFixed(2)}x`.padStart(7)} ${entry.ruleMs.toFixed(2).padStart(9)} ${entry.parseMs.toFixed(2).padStart(9)} ${String(entry.lines).padStart(6)}  ${entry.name}`,
    );
  }
  lines.push(
    ratios.over.length === 0
      ? `PASS: no file's rule time exceeds ${maxRatio}x its parse time`
      : `FAIL: ${ratios.over.length} file(s) with rule time over ${maxRatio}x parse time: ${ratios.over.map((entry) => entry.name).join(', ')}`,
  );
  return lines;
}
