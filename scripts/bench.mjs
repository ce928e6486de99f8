// `npm run bench`: every performance target, measured as ratios against a
// baseline taken in the same run (machines here are noisy, 2 cores).
// Each part is its own script so it can be run alone.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const parts = [
  ['lint overhead (parse-only vs recommended vs eslint-plugin-security)', 'bench-lint.mjs'],
  ['fast parser (parse-only and scan wall time vs ESLint parse-only)', 'bench-parser.mjs'],
  ['language server latency and memory', 'bench-server.mjs'],
  ['scan at scale (2,000 / 5,000 / 10,000+ files; --concurrency 2 vs off; second --cache run vs first)', 'bench-scan.mjs'],
  ['oxlint vs ESLint, both running the plugin, on the same files', 'bench-oxlint.mjs'],
];

let failed = 0;
for (const [title, script] of parts) {
  process.stdout.write(`\n=== ${title} ===\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', path.join(here, script), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${script} exited with ${result.status ?? result.signal}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
