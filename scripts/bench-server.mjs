// Language-server benchmark (part of `npm run bench`): spawns the built
// server over stdio and measures, on a 3,000-line file,
//  - edit -> publishDiagnostics latency (debounce set to 0, so this is the
//    server's own work: sync, lint, convert, publish), p50/p95 over 100 edits;
//  - code-action request latency, p50/p95 over 100 requests;
//  - server memory (RSS, heap after GC) after a workspace scan of the corpus.
// Baseline, measured in the same run: ESLint's Linter.verify in this process
// with the same built-in config on the same text. Targets print as PASS/MISS.
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

const TARGET_DIAGNOSTICS_P95 = 50;
const TARGET_CODE_ACTIONS_P95 = 20;

/** 3,000 lines of an Express-style service: 249 handlers of 12 lines, every third one logging an IP raw. */
function bigFile() {
  const lines = ["import pino from 'pino';", "import { redact } from '@online-identifiers/redact';", '', 'const logger = pino();', ''];
  for (let i = 0; lines.length + 12 <= 3000; i++) {
    lines.push(
      `export function handler${i}(req, res) {`,
      `  const started = Date.now();`,
      `  const id = req.params.id + ${i};`,
      i % 3 === 0 ? `  logger.info(req.ip);` : `  logger.info(redact.ip(req.ip));`,
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

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => `${value.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

function line(label, values) {
  return `${label.padEnd(44)} p50 ${ms(percentile(values, 50)).padStart(9)}   p95 ${ms(percentile(values, 95)).padStart(9)}`;
}

async function main() {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-bench-server-'));
  const file = path.join(workspace, 'src', 'service.js');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = bigFile();
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  // Baseline: the same lint in-process, no protocol, no server.
  const linter = new Linter({ cwd: workspace, configType: 'flat' });
  const config = createBuiltinConfig();
  // Same config with every rule off: what parsing alone costs.
  const parseOnlyConfig = [...config, { rules: Object.fromEntries(Object.keys(config.at(-1).rules).map((id) => [id, 'off'])) }];
  const baseline = [];
  const parseOnly = [];
  let baselineFindings = 0;
  for (let i = 0; i < EDITS + 10; i++) {
    let start = performance.now();
    const messages = linter.verify(text, config, { filename: file });
    const took = performance.now() - start;
    start = performance.now();
    linter.verify(text, parseOnlyConfig, { filename: file });
    const parseTook = performance.now() - start;
    if (i >= 10) {
      // first runs warm the JIT
      baseline.push(took);
      parseOnly.push(parseTook);
    }
    baselineFindings = messages.length;
  }

  const child = spawn(process.execPath, ['--expose-gc', SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // A failed measurement must not leave the server running (and this script waiting on it).
  process.once('exit', () => child.kill());
  serverProcess = child;
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
    const key = `${params.uri}#${params.version}`;
    const waiter = waiters.get(key);
    if (waiter) {
      waiters.delete(key);
      waiter(params);
    }
  });
  connection.onRequest(rpc.ConfigurationRequest.type, (params) => params.items.map(() => null));
  connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
  connection.onNotification(rpc.LogMessageNotification.type, () => {});
  connection.listen();
  const diagnosticsFor = (version) => new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve));

  await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
    initializationOptions: { debounceMs: 0 },
  });
  await connection.sendNotification(rpc.InitializedNotification.type, {});

  const opened = diagnosticsFor(1);
  await connection.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'javascript', version: 1, text } });
  const first = await opened;

  // Edits: type one character into a comment in the middle of the file (10 warm-up edits first).
  const diagnosticsLatency = [];
  let version = 1;
  let lastDiagnostics = first.diagnostics;
  for (let i = 0; i < EDITS + 10; i++) {
    version += 1;
    const published = diagnosticsFor(version);
    const start = performance.now();
    await connection.sendNotification(rpc.DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 1500, character: 0 }, end: { line: 1500, character: 0 } }, text: ' ' }],
    });
    lastDiagnostics = (await published).diagnostics;
    if (i >= 10) diagnosticsLatency.push(performance.now() - start);
  }

  // Code actions for findings spread over the file.
  const codeActionLatency = [];
  for (let i = 0; i < EDITS + 10; i++) {
    const diagnostic = lastDiagnostics[i % lastDiagnostics.length];
    const start = performance.now();
    const actions = await connection.sendRequest(rpc.CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    if (i >= 10) codeActionLatency.push(performance.now() - start);
    if (actions.length === 0) throw new Error('no code actions: the benchmark would measure nothing');
  }
  await connection.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri } });

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

  const diagP95 = percentile(diagnosticsLatency, 95);
  const actionP95 = percentile(codeActionLatency, 95);
  const baseP50 = percentile(baseline, 50);
  console.log(`file: 3,000 lines, ${first.diagnostics.length} findings (in-process baseline: ${baselineFindings}); ${EDITS} samples each`);
  console.log(line('baseline: parse only (rules off), in-process', parseOnly));
  console.log(line('baseline: Linter.verify in-process', baseline));
  console.log(line('edit -> publishDiagnostics (debounce 0)', diagnosticsLatency));
  console.log(line('codeAction request -> response', codeActionLatency));
  console.log(`server overhead vs baseline (p50):            ${(percentile(diagnosticsLatency, 50) / baseP50).toFixed(2)}x`);
  console.log(
    `server memory idle (after GC):                rss ${mb(idle.memory.rss)}, heap ${mb(idle.memory.heapUsed)}`,
  );
  console.log(
    `server memory after scanning ${summary.files} files (${summary.findings} findings, ${summary.skipped} skipped, ${(scanMs / 1000).toFixed(1)} s): rss ${mb(scanned.memory.rss)}, heap ${mb(scanned.memory.heapUsed)}`,
  );
  const verdict = (ok) => (ok ? 'PASS' : 'MISS');
  console.log(`${verdict(diagP95 < TARGET_DIAGNOSTICS_P95)} diagnostics p95 ${ms(diagP95)} < ${TARGET_DIAGNOSTICS_P95} ms (baseline lint alone p95 ${ms(percentile(baseline, 95))})`);
  console.log(`${verdict(actionP95 < TARGET_CODE_ACTIONS_P95)} code actions p95 ${ms(actionP95)} < ${TARGET_CODE_ACTIONS_P95} ms`);
}

let serverProcess;

main().catch((error) => {
  console.error(error);
  serverProcess?.kill();
  process.exitCode = 1;
});
