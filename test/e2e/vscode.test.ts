// Real-editor test: the packaged .vsix installed into a real VS Code (code-server) and driven
// through its UI in Chromium: the finding shows in the Problems panel, Ctrl+. offers the
// redact quick-fix, and choosing it rewrites the line and adds the import.
// Needs `bash scripts/e2e/setup.sh` (CI runs it); skipped with a reason when that never ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  installExtension,
  makeDirs,
  readSetup,
  startCodeServer,
  type CodeServer,
  type CodeServerDirs,
  type E2eSetup,
} from './support/code-server';
import { EXPECTED_MESSAGE, OUTPUT_DIR, REPO_ROOT } from './support/paths';
import { copyFixtureWorkspace } from './support/temp-workspace';

const EXTENSION_DIR = path.join(REPO_ROOT, 'packages', 'vscode-extension');
const FIXED_LINE = 'logger.info(`login attempt from ${redact.ip(req.ip)}`);';
const IMPORT_LINE = "const { redact } = require('@online-identifiers/redact');";

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  // Keeps the window to the editor and panel: no chat view, no AI entries in the quick-fix menu.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `npm run package` for the extension: production bundle + `vsce package`, offline. */
function packageVsix(outDir: string): string {
  const vsix = path.join(outDir, 'online-identifiers.vsix');
  const run = (command: string, args: string[]): void => {
    const result = spawnSync(command, args, { cwd: EXTENSION_DIR, encoding: 'utf8', timeout: 180_000 });
    assert.equal(result.status, 0, `${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  };
  run(process.execPath, ['esbuild.mjs', '--production']);
  run(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);
  return vsix;
}

/** Reads the editor text as the user sees it (Monaco renders spaces as U+00A0). */
async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** Resolves with the file's content once `ready(content)` holds; rejects after `timeoutMs`. */
async function waitForFile(file: string, ready: (content: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = readFileSync(file, 'utf8');
    if (ready(content) || Date.now() > deadline) return content;
    // The save happens in another process; there is no event to await from here.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('e2e: VS Code (code-server) with the packaged extension', function () {
  this.timeout(300_000);
  let setup: E2eSetup | undefined;
  const cleanups: (() => unknown)[] = [];
  const screenshots: string[] = [];

  before(function () {
    setup = readSetup();
    if (!setup) {
      // CI runs scripts/e2e/setup.sh first, so there this never skips.
      this.skip(); // VS Code (code-server) is not installed: run `bash scripts/e2e/setup.sh`
    }
    mkdirSync(OUTPUT_DIR, { recursive: true });
  });

  // Last in, first out: browser, then code-server's process group, then the temp dirs.
  afterEach(async function () {
    while (cleanups.length > 0) await cleanups.pop()?.();
  });

  after(() => {
    for (const file of screenshots) console.log(`    screenshot: ${path.relative(REPO_ROOT, file)}`);
  });

  it('shows the finding in the Problems panel and applies the redact quick-fix from Ctrl+.', async function () {
    assert.ok(setup);
    const started = Date.now();
    const timings: string[] = [];
    const mark = (what: string): void => void timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const scratch = mkdtempSync(path.join(tmpdir(), 'oi-vsix-'));
    cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
    // ONLINE_IDENTIFIERS_E2E_VSIX: use a .vsix built elsewhere (debugging the harness).
    const vsix = process.env.ONLINE_IDENTIFIERS_E2E_VSIX ?? packageVsix(scratch);
    mark('packaged');

    const dirs: CodeServerDirs = makeDirs(USER_SETTINGS);
    cleanups.push(() => dirs.remove());
    installExtension(setup, dirs, vsix);
    // The .vsix holds the bundles and the manifest files only: no sources, no node_modules.
    const [installed] = readdirSync(dirs.extensionsDir).filter((name) => name.startsWith('online-identifiers.'));
    assert.ok(installed, `extension not installed into ${dirs.extensionsDir}`);
    const files = readdirSync(path.join(dirs.extensionsDir, installed), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(dirs.extensionsDir, installed), path.join(entry.parentPath, entry.name)))
      .filter((file) => !file.startsWith('.')) // .vsixmanifest written by the installer
      .map((file) => file.toLowerCase()) // vsce renames README.md to readme.md, LICENSE to LICENSE.txt
      .sort();
    assert.deepEqual(files, ['changelog.md', 'dist/extension.js', 'dist/server.js', 'license.txt', 'package.json', 'readme.md']);
    mark('installed');

    const workspace = copyFixtureWorkspace('oi-vscode-');
    cleanups.push(() => workspace.remove());
    const file = path.join(workspace.dir, 'src', 'login.js');

    const server: CodeServer = await startCodeServer(setup, dirs, workspace.dir);
    cleanups.push(() => server.stop());
    mark('code-server up');

    const context: BrowserContext = await chromium.launchPersistentContext(path.join(dirs.base, 'chromium'), {
      executablePath: setup.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
    });
    cleanups.push(() => context.close().catch(() => undefined));
    const page = context.pages()[0] ?? (await context.newPage());
    const shoot = async (name: string): Promise<void> => {
      const target = path.join(OUTPUT_DIR, `vscode-${name}.png`);
      await page.screenshot({ path: target });
      screenshots.push(target);
    };

    try {
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace.dir)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      mark('workbench');

      // Open the file with Quick Open.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('login.js');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'login.js' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'login attempt from' }).waitFor();
      mark('file open');

      // The finding in the Problems panel.
      await page.keyboard.press('Control+Shift+M');
      const problem = page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE });
      await problem.waitFor({ timeout: 60_000 });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor();
      mark('finding shown');
      const status = page.locator('.statusbar-item', { hasText: /^\s*1\s*$/ }).filter({ has: page.locator('.codicon-shield') });
      await status.waitFor({ timeout: 10_000 });
      await shoot('problems');

      // Cursor onto `req.ip` (line 8, column 37), then Ctrl+. until the quick-fix menu shows: the
      // first press can be swallowed while the built-in TypeScript server starts.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type('8:37');
      await page.keyboard.press('Enter');
      const menu = page.locator('.action-widget');
      const redactFix = menu.locator('.monaco-list-row', { hasText: /redact/i }).first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+.');
        try {
          await redactFix.waitFor({ timeout: 5_000 });
          break;
        } catch (error) {
          if (attempt === 6) throw error;
          await page.keyboard.press('Escape');
        }
      }
      mark('quick-fix menu');
      await shoot('quick-fix-menu');
      await redactFix.click();

      // The editor shows the rewritten line and the import; the finding is gone.
      await page.locator('.monaco-editor .view-lines', { hasText: 'redact.ip(req.ip)' }).waitFor();
      const text = await editorText(page);
      assert.ok(text.includes(FIXED_LINE), `editor text:\n${text}`);
      assert.ok(text.includes(IMPORT_LINE), `editor text:\n${text}`);
      // The server re-lints the edited text: the Problems panel no longer lists the finding.
      await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ state: 'hidden', timeout: 30_000 });
      assert.equal((await page.locator('.markers-panel').innerText()).includes(EXPECTED_MESSAGE), false);
      mark('fixed');

      await page.keyboard.press('Control+S');
      const saved = await waitForFile(file, (content) => content.includes('redact.ip('), 30_000);
      assert.ok(saved.includes(FIXED_LINE), `saved file:\n${saved}`);
      assert.ok(saved.includes(IMPORT_LINE), `saved file:\n${saved}`);
      assert.equal(saved.match(/@online-identifiers\/redact/g)?.length, 1, 'one import, not two');
      await shoot('fixed');
      mark('saved');
      console.log(`    timings: ${timings.join(', ')}`);
    } catch (error) {
      await shoot('failure').catch(() => undefined);
      const logs = path.join(OUTPUT_DIR, 'vscode-logs');
      rmSync(logs, { recursive: true, force: true });
      if (existsSync(path.join(dirs.userDataDir, 'logs'))) cpSync(path.join(dirs.userDataDir, 'logs'), logs, { recursive: true });
      console.log(`    timings: ${timings.join(', ')}\n    code-server logs: ${path.relative(REPO_ROOT, logs)}`);
      throw error;
    }
  });
});
