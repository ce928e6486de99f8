// Language-server benchmark (part of `npm run bench`): spawns the built
// server over stdio and measures, on a 3,000-line JavaScript file and a
// 3,000-line TypeScript file, for edits typed inside one handler (debounce
// set to 0, so this is the server's own work: sync, lint on a worker
// thread, convert, publish), p50/p95 over 100 edits:
//  - phase 1: edit -> first publishDiagnostics (the region lint, or the
//    full lint when it fell back), after the previous edit's full lint
//    finished, and again while it still runs (typing on);
//  - phase 2: edit -> the full lint's result (onlineIdentifiers/lintPhase);
//  - how often phase 1 was used and why it fell back (onlineIdentifiers/stats);
//  - code-action request latency, p50/p95 over 100 requests (JS file);
//  - server memory (RSS, heap after GC) after a workspace scan of the corpus.
// Baselines, measured in the same run on the same texts: ESLint's
// Linter.verify in this process with every rule off (what ESLint costs
// before any rule runs) and with the built-in config. Targets print as
// PASS/MISS; ratios are against the rules-off baseline.
// Usage: node --expose-gc scripts/bench-server.mjs [--edits N] [--corpus N]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ROOT, corpusFiles } from './lib/corpus-files.mjs';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const { Linter } = require('eslint');
const { createBuiltinConfig } = require(path.join(ROOT, 'packages', 'cli', 'dist', 'index.js'));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const EDITS = option('--edits', 100);
const CORPUS = option('--corpus', 600);
const SERVER = path.join(ROOT, 'packages', 'language-server', 'bin', 'online-identifiers-language-server.js');

const TARGET_PHASE1_P95 = 50;
const TARGET_CODE_ACTIONS_P95 = 20;

const HEADER_LINES = 5;
const HANDLER_LINES = 12;
const RAW_LOG = '  logger.info(req.ip);';
const REDACTED_LOG = '  logger.info(redact.ip(req.ip));';

/** 3,000 lines of an Express-style service: 249 handlers of 12 lines, every third one logging an IP raw (typed when `typescript`). */
function bigFile(typescript = false) {
  const lines = ["import pino from 'pino';", "import { redact } from '@online-identifiers/redact';", '', 'const logger = pino();', ''];
  for (let i = 0; lines.length + HANDLER_LINES <= 3000; i++) {
    lines.push(
      typescript ? `export function handler${i}(req: Request, res: Response): void {` : `export function handler${i}(req, res) {`,
      `  const started = Date.now();`,
      typescript ? `  const id: string = req.params.id + ${i};` : `  const id = req.params.id + ${i};`,
      i % 3 === 0 ? RAW_LOG : REDACTED_LOG,
      `  if (!id) {`,
      `    res.status(400).end();`,
      `    return;`,
      `  }`,
      `  // handler ${i}`,
      `  res.json({ id, took: Date.now() - started });`,
      `}`,
      '',
    );
  }
  while (lines.length < 3000) lines.push('// end of handlers');
  return lines.join('\n') + '\n';
}

/** The handler the edits type into: the one around line 1,500 (0-based line of its first line). */
const EDITED_HANDLER = Math.floor((1500 - HEADER_LINES) / HANDLER_LINES);
const EDITED_FIRST_LINE = HEADER_LINES + EDITED_HANDLER * HANDLER_LINES;

/**
 * The i-th edit inside the edited handler, as an LSP content change: odd
 * edits type one character at the end of its comment line, even ones turn
 * its log line from redacted to raw and back (so findings come and go).
 */
function handlerEdit(i, state) {
  if (i % 2 === 1) {
    const line = EDITED_FIRST_LINE + 8;
    const character = `  // handler ${EDITED_HANDLER}`.length + state.typed++;
    return { range: { start: { line, character }, end: { line, character } }, text: 'x' };
  }
  const line = EDITED_FIRST_LINE + 3;
  const before = state.raw ? RAW_LOG : REDACTED_LOG;
  state.raw = !state.raw;
  return { range: { start: { line, character: 0 }, end: { line, character: before.length } }, text: state.raw ? RAW_LOG : REDACTED_LOG };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

function line(label, values) {
  return `${label.padEnd(48)} p50 ${ms(percentile(values, 50)).padStart(9)}   p95 ${ms(percentile(values, 95)).padStart(9)}`;
}

/** ESLint alone on the same file: reference parsers (espree, @typescript-eslint/parser), every rule off. */
function rulesOffConfig() {
  return [
    { files: ['**/*.js'], languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.ts'], languageOptions: { parser: require('@typescript-eslint/parser'), sourceType: 'module' } },
  ];
}

/** In-process Linter.verify times on `text`: rules off (the baseline) and the built-in config. */
function inProcess(workspace, file, text) {
  const linter = new Linter({ cwd: workspace, configType: 'flat' });
  const config = createBuiltinConfig();
  const rulesOff = rulesOffConfig();
  const baseline = [];
  const full = [];
  let findings = 0;
  for (let i = 0; i < EDITS + 10; i++) {
    let start = performance.now();
    const messages = linter.verify(text, config, { filename: file });
    const took = performance.now() - start;
    start = performance.now();
    const offMessages = linter.verify(text, rulesOff, { filename: file });
    const offTook = performance.now() - start;
    if (offMessages.some((message) => message.fatal)) throw new Error(`the baseline does not parse ${file}: ${offMessages[0].message}`);
    if (i >= 10) {
      // first runs warm the JIT
      full.push(took);
      baseline.push(offTook);
    }
    findings = messages.length;
  }
  return { baseline, full, findings };
}

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-bench-server-'));
  fs.mkdirSync(path.join(workspace, 'src'), { recursive: true });
  const variants = [
    { name: 'JS', file: path.join(workspace, 'src', 'service.js'), languageId: 'javascript', text: bigFile(false) },
    { name: 'TS', file: path.join(workspace, 'src', 'service.ts'), languageId: 'typescript', text: bigFile(true) },
  ];
  for (const variant of variants) {
    fs.writeFileSync(variant.file, variant.text);
    variant.uri = pathToFileURL(variant.file).href;
    Object.assign(variant, inProcess(workspace, variant.file, variant.text));
  }

  const child = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A failed measurement must not leave the server running (and this script waiting on it).
  process.once('exit', () => child.kill());
  serverProcess = child;
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  const settle = (key, value) => {
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter(value);
    }
  };
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => settle(`${params.uri}#${params.version}`, params));
  connection.onNotification('onlineIdentifiers/lintPhase', (params) => {
    if (params.phase === 'full') settle(`${params.uri}#${params.version}#full`, params);
  });
  connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  connection.onNotification(rpc.LogMessageNotification.type, () => {});
  connection.listen();
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));
  const fullLintOf = (uri, version) => new Promise((resolve) => waiters.set(`${uri}#${version}#full`, resolve));

  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    initializationOptions: { debounceMs: 0, reportLintPhases: true },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  const regionStats = async () => (await connection.sendRequest('onlineIdentifiers/stats', {})).regionLint;
  for (const variant of variants) {
    const { uri, text, languageId } = variant;
    const opened = diagnosticsFor(uri, 1);
    const openLint = fullLintOf(uri, 1);
    await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    variant.first = await opened;
    await openLint;

    // Edits typed inside one handler (10 warm-up edits first). Paused: each edit waits for the previous
    // one's full lint. Typing on: the next edit follows phase 1 at once, while the full lint still runs.
    const state = { typed: 0, raw: EDITED_HANDLER % 3 === 0 };
    let version = 1;
    const edit = async (i) => {
      version += 1;
      const published = diagnosticsFor(uri, version);
      const full = fullLintOf(uri, version);
      const start = performance.now();
      await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [handlerEdit(i, state)],
      });
      variant.lastDiagnostics = (await published).diagnostics;
      return { start, phase1: performance.now() - start, full };
    };
    const before = await regionStats();
    variant.phase1 = [];
    variant.phase2 = [];
    for (let i = 0; i < EDITS + 10; i++) {
      const { start, phase1, full } = await edit(i);
      await full;
      if (i >= 10) {
        variant.phase1.push(phase1);
        variant.phase2.push(performance.now() - start);
      }
    }
    variant.typingOn = [];
    let lastFull;
    for (let i = 0; i < EDITS + 10; i++) {
      const { phase1, full } = await edit(i);
      lastFull = full;
      if (i >= 10) variant.typingOn.push(phase1);
    }
    await lastFull;
    const after = await regionStats();
    variant.regionUsed = after.used - before.used;
    variant.fallbacks = Object.entries(after.fallback)
      .map(([reason, count]) => [reason, count - (before.fallback[reason] ?? 0)])
      .filter(([, count]) => count > 0);
  }

  // Code actions for findings spread over the JS file.
  const [js] = variants;
  const codeActionLatency = [];
  for (let i = 0; i < EDITS + 10; i++) {
    const diagnostic = js.lastDiagnostics[i % js.lastDiagnostics.length];
    const start = performance.now();
    const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri: js.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    if (i >= 10) codeActionLatency.push(performance.now() - start);
    if (actions.length === 0) throw new Error('no code actions: the benchmark would measure nothing');
  }
  for (const variant of variants) {
    await connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: variant.uri } });
  }

  const idle = await connection.sendRequest('onlineIdentifiers/stats', { gc: true });

  // Workspace scan of the corpus, copied into the workspace (node_modules is skipped by the scan).
  const corpusDir = path.join(workspace, 'corpus');
  const files = corpusFiles({ limit: CORPUS });
  files.forEach((source, index) => {
    const target = path.join(corpusDir, `${String(index).padStart(4, '0')}-${path.basename(source)}`);
    fs.mkdirSync(corpusDir, { recursive: true });
    fs.copyFileSync(source, target);
  });
  const scanStart = performance.now();
  const summary = await connection.sendRequest(rpc.ExecuteCommandRequest.type, { command: 'onlineIdentifiers.scanWorkspace', arguments: [] });
  const scanMs = performance.now() - scanStart;
  const scanned = await connection.sendRequest('onlineIdentifiers/stats', { gc: true });

  await connection.sendRequest(rpc.ShutdownRequest.type);
  await connection.sendNotification(rpc.ExitNotification.type);
  await new Promise((resolve) => child.once('exit', resolve));
  connection.dispose();
  fs.rmSync(workspace, { recursive: true, force: true });

  const actionP95 = percentile(codeActionLatency, 95);
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  const ratio = (a, b) => `${(a / b).toFixed(2)}x`;
  const ratios = (label, values, baseline) =>
    `${label.padEnd(48)} p50 ${ratio(percentile(values, 50), percentile(baseline, 50)).padStart(9)}   p95 ${ratio(percentile(values, 95), percentile(baseline, 95)).padStart(9)}`;
  for (const variant of variants) {
    const p95 = percentile(variant.phase1, 95);
    const edits = variant.phase1.length + variant.typingOn.length;
    console.log(
      `${variant.name} file: 3,000 lines, ${variant.first.diagnostics.length} findings (in-process built-in config: ${variant.findings}); ${EDITS} samples each; edits inside handler${EDITED_HANDLER} (lines ${EDITED_FIRST_LINE + 1}-${EDITED_FIRST_LINE + HANDLER_LINES - 1})`,
    );
    console.log(line(`  baseline: ESLint in-process, rules off`, variant.baseline));
    console.log(line(`  ESLint in-process, built-in config`, variant.full));
    console.log(line(`  phase 1: edit -> first publishDiagnostics`, variant.phase1));
    console.log(line(`  phase 1, typing on (full lint still running)`, variant.typingOn));
    console.log(line(`  phase 2: edit -> full lint done`, variant.phase2));
    console.log(ratios('  phase 1 vs baseline', variant.phase1, variant.baseline));
    console.log(ratios('  phase 1, typing on, vs baseline', variant.typingOn, variant.baseline));
    console.log(ratios('  phase 2 vs baseline', variant.phase2, variant.baseline));
    const fallbacks = variant.fallbacks.map(([reason, count]) => `${reason} ${count}`).join(', ') || 'none';
    console.log(`  phase 1 used for ${variant.regionUsed} of ${edits + 20} edits (the rest linted whole: ${fallbacks})`);
    console.log(`${verdict(p95 <= TARGET_PHASE1_P95)} ${variant.name} phase-1 diagnostics p95 ${ms(p95)} <= ${TARGET_PHASE1_P95} ms`);
  }
  console.log(line('codeAction request -> response (JS)', codeActionLatency));
  console.log(`server V8 pool: ${idle.v8PoolSize ?? 'Node default (4)'} thread(s) on ${os.availableParallelism()} cores (the bin relaunched itself: ${idle.processId !== child.pid ? 'yes' : 'no'})`);
  console.log(`server memory idle (after GC):                rss ${mb(idle.memory.rss)}, heap ${mb(idle.memory.heapUsed)}`);
  console.log(
    `server memory after scanning ${summary.files} files (${summary.findings} findings, ${summary.skipped} skipped, ${(scanMs / 1000).toFixed(1)} s): rss ${mb(scanned.memory.rss)}, heap ${mb(scanned.memory.heapUsed)}`,
  );
  console.log(`${verdict(actionP95 < TARGET_CODE_ACTIONS_P95)} code actions p95 ${ms(actionP95)} < ${TARGET_CODE_ACTIONS_P95} ms`);
}

let serverProcess;

main().catch((error) => {
  console.error(error);
  serverProcess?.kill();
  process.exitCode = 1;
});
