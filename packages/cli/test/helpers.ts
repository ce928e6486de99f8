import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ESLint, Linter } from 'eslint';

export const BIN = path.resolve(__dirname, '..', 'bin', 'online-identifiers.js');
export const RULE = 'online-identifiers/no-unclassified-logging';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real bin (dist must be built) with pipes, so stdout and stderr are not TTYs. */
export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  return runNode(BIN, args, cwd);
}

/** Runs a Node script (e.g. ESLint's own bin) with pipes and no colors. */
export function runNode(script: string, args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env: { ...process.env, FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const made: string[] = [];

/** A throwaway project directory holding exactly these files (paths use `/`). */
export function makeProject(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'oi-cli-')));
  made.push(root);
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export function removeProjects(): void {
  for (const root of made.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number; column: number; fatal?: boolean; severity: number }[];
}

/** Files and their messages from `--format json`, paths relative to the project, sorted. */
export function summarize(stdout: string, root: string): Record<string, string[]> {
  const results = JSON.parse(stdout) as JsonResult[];
  const out: Record<string, string[]> = {};
  for (const result of results) {
    const name = path.relative(root, result.filePath).split(path.sep).join('/');
    out[name] = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);
  }
  return out;
}

/** An ESLint result built by hand, e.g. for rules whose messages a test fixes. */
export function lintResult(filePath: string, messages: Linter.LintMessage[]): ESLint.LintResult {
  return {
    filePath,
    messages,
    suppressedMessages: [],
    errorCount: messages.filter((message) => message.severity === 2).length,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: messages.filter((message) => message.severity === 1).length,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}
