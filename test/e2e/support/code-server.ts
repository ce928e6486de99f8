// Starts a real VS Code (code-server, installed by scripts/e2e/setup.sh) in throwaway dirs, and
// always takes down its whole process group: otherwise the extension host and the language
// server outlive the test by hours.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

export interface E2eSetup {
  node24: string;
  codeServer: string;
  chromium: string;
}

export const E2E_HOME = process.env.ONLINE_IDENTIFIERS_E2E_HOME ?? path.join(homedir(), '.cache', 'online-identifiers-e2e');

/** What scripts/e2e/setup.sh installed, or undefined when it has not run here. */
export function readSetup(): E2eSetup | undefined {
  const file = path.join(E2E_HOME, 'setup.json');
  if (!existsSync(file)) return undefined;
  const setup = JSON.parse(readFileSync(file, 'utf8')) as E2eSetup;
  for (const [name, location] of Object.entries(setup)) {
    if (!existsSync(location)) throw new Error(`${file}: ${name} ${location} is missing; re-run scripts/e2e/setup.sh`);
  }
  return setup;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  url: string;
  userDataDir: string;
  extensionsDir: string;
  /** code-server's own stdout/stderr so far. */
  output(): string;
  stop(): void;
}

export interface CodeServerDirs {
  base: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** Fresh dirs for one run; XDG dirs too, since code-server and Chromium write into $HOME otherwise. */
export function makeDirs(userSettings: Record<string, unknown>): CodeServerDirs {
  const base = mkdtempSync(path.join(tmpdir(), 'oi-code-server-'));
  const userDataDir = path.join(base, 'user-data');
  const extensionsDir = path.join(base, 'extensions');
  const xdgData = path.join(base, 'xdg-data');
  const xdgConfig = path.join(base, 'xdg-config');
  for (const dir of [path.join(userDataDir, 'User'), extensionsDir, xdgData, xdgConfig]) mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: xdgData, XDG_CONFIG_HOME: xdgConfig };
  delete env.VSCODE_IPC_HOOK_CLI; // when the tests themselves run inside VS Code's terminal
  return { base, userDataDir, extensionsDir, env, remove: () => rmSync(base, { recursive: true, force: true }) };
}

function commonArgs(dirs: CodeServerDirs): string[] {
  return ['--user-data-dir', dirs.userDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** `code-server --install-extension`: works offline for a local .vsix. */
export function installExtension(setup: E2eSetup, dirs: CodeServerDirs, vsix: string): string {
  const result = spawnSync(setup.node24, [setup.codeServer, ...commonArgs(dirs), '--install-extension', vsix], {
    env: dirs.env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`--install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
  return output;
}

export interface StartOptions {
  /** false: workspace trust is on and the folder opens in Restricted Mode (untrusted). */
  trustAll: boolean;
}

export async function startCodeServer(
  setup: E2eSetup,
  dirs: CodeServerDirs,
  workspace: string,
  { trustAll }: StartOptions = { trustAll: true },
): Promise<CodeServer> {
  const port = await freePort();
  const config = path.join(dirs.base, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // detached = setsid(): code-server, its extension host and the language server share one
  // process group that stop() kills as a whole.
  const child: ChildProcess = spawn(
    setup.node24,
    [
      setup.codeServer,
      '--config', config,
      ...commonArgs(dirs),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      ...(trustAll ? ['--disable-workspace-trust'] : []),
      '--vscode-option', 'enable-smoke-test-driver',
      workspace,
    ],
    { env: dirs.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const pgid = child.pid;
  let stopped = false;
  const stop = (): void => {
    if (stopped || pgid === undefined) return;
    stopped = true;
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not listen within 60 s:\n${output}`)), 60_000);
      const onData = (): void => {
        if (output.includes('HTTP server listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited with ${code} before listening:\n${output}`));
      });
    });
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`GET /healthz answered ${health.status}`);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, output: () => output, stop };
}
