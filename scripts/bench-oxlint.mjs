// oxlint running our plugin as a JS plugin against ESLint running it, on the
// same corpus files copied into a project outside the repo (oxlint honours
// .gitignore). Both are timed as whole CLI runs, in alternating rounds, and
// reported as a ratio (the machine is noisy; absolute times mean little).
//
//   node scripts/bench-oxlint.mjs [--files 300] [--rounds 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusFiles, ROOT } from './lib/corpus-files.mjs';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, files: { type: 'string', default: '300' } } });
const rounds = Number(values.rounds);
const RULE = 'online-identifiers/no-unclassified-logging';
const OXLINT = path.join(ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-bench-oxlint-'));
try {
  const files = corpusFiles({ limit: Number(values.files) });
  files.forEach((file, index) => {
    // Flat names keep every file out of node_modules-style default ignores.
    fs.copyFileSync(file, path.join(dir, `${String(index).padStart(5, '0')}-${path.basename(file)}`));
  });
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(path.join(ROOT, 'packages', 'eslint-plugin'), path.join(dir, 'node_modules', 'eslint-plugin-online-identifiers'), 'dir');
  fs.writeFileSync(path.join(dir, '.oxlintrc.json'), JSON.stringify({ jsPlugins: ['eslint-plugin-online-identifiers'], rules: { [RULE]: 'error' } }));
  fs.writeFileSync(
    path.join(dir, 'eslint.config.mjs'),
    "import plugin from 'eslint-plugin-online-identifiers';\nexport default [plugin.configs.recommended];\n",
  );

  /** One whole CLI run; exit code 1 (findings) is a normal outcome. Returns milliseconds and the finding count. */
  const timed = (args) => {
    const started = process.hrtime.bigint();
    let output;
    try {
      output = execFileSync(process.execPath, args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
    } catch (error) {
      if (error.status !== 1) throw error;
      output = error.stdout;
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    return { ms, output };
  };
  const eslintRun = () => {
    const { ms, output } = timed([ESLINT, '--no-config-lookup', '--config', 'eslint.config.mjs', '--format', 'json', '--no-warn-ignored', '.']);
    const findings = JSON.parse(output).reduce((sum, result) => sum + result.messages.filter((message) => message.ruleId === RULE).length, 0);
    return { ms, findings };
  };
  const oxlintRun = () => {
    // oxlint walks into the node_modules link (the plugin's own test fixtures), which ESLint never lints.
    const { ms, output } = timed([OXLINT, '--format', 'json', '-A', 'all', '-D', RULE, '--ignore-pattern', 'node_modules/**', '.']);
    const findings = JSON.parse(output).diagnostics.filter((diagnostic) => diagnostic.code === 'online-identifiers(no-unclassified-logging)').length;
    return { ms, findings };
  };

  const eslintTimes = [];
  const oxlintTimes = [];
  let counts;
  for (let round = 0; round < rounds; round++) {
    const a = eslintRun();
    const b = oxlintRun();
    eslintTimes.push(a.ms);
    oxlintTimes.push(b.ms);
    counts = { eslint: a.findings, oxlint: b.findings };
  }
  const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
  const e = median(eslintTimes);
  const o = median(oxlintTimes);
  console.log(`corpus: ${files.length} files from node_modules, ${rounds} alternating rounds, whole CLI runs (startup included)`);
  console.log(`ESLint + plugin (recommended):  median ${(e / 1000).toFixed(2)} s, ${counts.eslint} findings`);
  console.log(`oxlint + plugin (jsPlugins):    median ${(o / 1000).toFixed(2)} s, ${counts.oxlint} findings`);
  console.log(`oxlint / ESLint time: ${(o / e).toFixed(2)}`);
  if (counts.eslint !== counts.oxlint) {
    console.log('finding counts differ between ESLint and oxlint on this corpus');
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
