// Real-editor tests: the packaged .vsix installed into a real VS Code (code-server) and driven
// through its UI in headless Chromium.
//   1. The finding shows in the Problems panel and the status bar; Ctrl+. offers the redact
//      quick-fix; choosing it rewrites the line and adds the import; the file saves.
//      A value sent to a third party (Sentry) is fixed the same way, with Pseudonymize.
//   2. Workspace trust: untrusted, the project's ESLint config is never executed and the built-in
//      defaults apply; once the user trusts the folder, the project's config applies.
// Needs `bash scripts/e2e/setup.sh` (CI runs it); skipped with a reason when that never ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import {
  installExtension,
  makeDirs,
  readSetup,
  startCodeServer,
  type CodeServerDirs,
  type E2eSetup,
} from './support/code-server';
import { EXPECTED_MESSAGE, OUTPUT_DIR, REPO_ROOT } from './support/paths';
import { copyFixtureWorkspace } from './support/temp-workspace';
import { skipBecause } from './support/skip';

const EXTENSION_DIR = path.join(REPO_ROOT, 'packages', 'vscode-extension');
/** Same as SERVER_DEBUG_PORT in packages/vscode-extension/src/contract.ts and .vscode/launch.json. */
const SERVER_DEBUG_PORT = 6009;
const FIXED_LINE = 'logger.info(`login attempt from ${redact.ip(req.ip)}`);';
const RULE_DOC_URL =
  'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/no-unclassified-logging.md';
/** The finding in src/audit.js, which the test never opens. */
const SCAN_MESSAGE = 'Cookie from req.cookies reaches logger.warn without classification';
const IMPORT_LINE = "const { redact } = require('@online-identifiers/redact');";
/** The finding in fixtures/telemetry-workspace/src/identify.js, and its pseudonymize fix. */
const TELEMETRY_MESSAGE = 'User identifier from req.user reaches Sentry (Sentry.setUser) without classification';
const TELEMETRY_FIXED_LINE = '  Sentry.setUser({ email: pseudonymize(req.user.email) });';
const TELEMETRY_IMPORT_LINE = "const { pseudonymize } = require('@online-identifiers/redact');";

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'git.enabled': false,
  // Keeps the window to the editor and panel: no chat view, no AI entries in the quick-fix menu.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // Settings and the workspace-trust editor open as ordinary tabs, not modal overlays.
  'workbench.editor.useModal': 'off',
  'editor.stickyScroll.enabled': false,
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

/** Files of the installed extension, lower-cased (vsce renames README.md, LICENSE). */
function installedFiles(dirs: CodeServerDirs): string[] {
  const [installed] = readdirSync(dirs.extensionsDir).filter((name) => name.startsWith('online-identifiers.'));
  assert.ok(installed, `extension not installed into ${dirs.extensionsDir}`);
  const root = path.join(dirs.extensionsDir, installed);
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).toLowerCase())
    .filter((file) => !file.startsWith('.')) // .vsixmanifest, written by the installer
    .sort();
}

/** Resolves with the file's content once `ready(content)` holds, or after `timeoutMs` with what is there. */
async function waitForFile(file: string, ready: (content: string) => boolean, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const content = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (ready(content) || Date.now() > deadline) return content;
    // The write happens in another process; there is no event to await from here.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Reads the editor text as the user sees it (Monaco renders spaces as U+00A0). */
async function editorText(page: Page): Promise<string> {
  const text = await page.locator('.monaco-editor .view-lines').first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Control+Shift+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, name: string, textInside: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: textInside }).waitFor();
}

/**
 * Puts the cursor at `line:column` and presses Ctrl+. until the quick-fix menu lists `item`; the
 * first press can be swallowed while the built-in TypeScript server starts. Returns the item.
 */
async function openQuickFixMenu(page: Page, position: string, item: RegExp) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(position);
  await page.keyboard.press('Enter');
  const row = page.locator('.action-widget .monaco-list-row', { hasText: item }).first();
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await row.waitFor({ timeout: 5_000 });
      return row;
    } catch (error) {
      if (attempt === 6) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

describe('e2e: VS Code (code-server) with the packaged extension', function () {
  this.timeout(300_000);
  let setup: E2eSetup | undefined;
  let vsix: string;
  let scratch: string | undefined;
  const cleanups: (() => unknown)[] = [];
  const screenshots: string[] = [];
  let timings: string[] = [];
  let currentTest: Mocha.Test | undefined;

  beforeEach(function () {
    currentTest = this.currentTest;
  });

  before(function () {
    setup = readSetup();
    if (!setup) {
      // CI runs scripts/e2e/setup.sh first, so there this never skips.
      skipBecause(this, 'VS Code (code-server) is not installed: run `bash scripts/e2e/setup.sh`');
    }
    mkdirSync(OUTPUT_DIR, { recursive: true });
    scratch = mkdtempSync(path.join(tmpdir(), 'oi-vsix-'));
    const started = Date.now();
    // ONLINE_IDENTIFIERS_E2E_VSIX: use a .vsix built elsewhere (debugging the harness).
    vsix = process.env.ONLINE_IDENTIFIERS_E2E_VSIX ?? packageVsix(scratch);
    console.log(`    packaged ${path.basename(vsix)} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  });

  // Last in, first out: browser, then code-server's process group, then the temp dirs.
  afterEach(async function () {
    while (cleanups.length > 0) await cleanups.pop()?.();
    console.log(`    timings: ${timings.join(', ')}`);
    timings = [];
  });

  after(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    for (const file of screenshots) console.log(`    screenshot: ${path.relative(REPO_ROOT, file)}`);
  });

  /** Installs the .vsix, starts code-server on `workspace` and opens it in Chromium. */
  async function openVsCode(
    workspace: string,
    options: {
      trustAll: boolean;
      settings?: Record<string, unknown>;
      /** Load the extension from this folder (as launch.json's "Run Extension" does) instead of the .vsix. */
      developmentPath?: string;
    },
  ): Promise<{ page: Page; dirs: CodeServerDirs; shoot: (name: string) => Promise<void>; mark: (what: string) => void }> {
    assert.ok(setup);
    const started = Date.now();
    const mark = (what: string): void => void timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)}s`);
    const dirs = makeDirs({ ...USER_SETTINGS, ...options.settings });
    cleanups.push(() => dirs.remove());
    if (!options.developmentPath) {
      installExtension(setup, dirs, vsix);
      mark('installed');
    }

    const server = await startCodeServer(setup, dirs, workspace, { trustAll: options.trustAll });
    cleanups.push(() => server.stop());
    mark('code-server up');

    const context = await chromium.launchPersistentContext(path.join(dirs.base, 'chromium'), {
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
    // On failure: a screenshot and code-server's logs (extension host, output channels).
    cleanups.push(async () => {
      if (currentTest?.state !== 'failed') return;
      await shoot(`failure-${currentTest.title.split(/\W/)[0]}`).catch(() => undefined);
      const logs = path.join(OUTPUT_DIR, 'vscode-logs');
      rmSync(logs, { recursive: true, force: true });
      if (existsSync(path.join(dirs.userDataDir, 'logs'))) cpSync(path.join(dirs.userDataDir, 'logs'), logs, { recursive: true });
      console.log(`    code-server logs: ${path.relative(REPO_ROOT, logs)}\n    code-server output:\n${server.output()}`);
    });

    let url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    if (options.developmentPath) {
      // Needs --vscode-option enable-smoke-test-driver (startCodeServer passes it).
      const payload = [['extensionDevelopmentPath', `vscode-remote://${new URL(server.url).host}${options.developmentPath}`]];
      url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    }
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    mark('workbench');
    return { page, dirs, shoot, mark };
  }

  it('shows the finding in the Problems panel and applies the redact quick-fix from Ctrl+.', async function () {
    const workspace = copyFixtureWorkspace('oi-vscode-');
    cleanups.push(() => workspace.remove());
    const file = path.join(workspace.dir, 'src', 'login.js');
    const { page, dirs, shoot, mark } = await openVsCode(workspace.dir, { trustAll: true });

    // The .vsix holds the bundles, the native parser binding of this platform and the manifest files only: no sources, no node_modules.
    const installed = installedFiles(dirs);
    const natives = installed.filter((file) => file.endsWith('.node'));
    assert.equal(natives.length, 1, `one native parser binding: ${natives.join(', ')}`);
    assert.match(natives[0]!, new RegExp(`^dist/parser\\.${process.platform}-${process.arch}`));
    assert.deepEqual(
      installed.filter((file) => !file.endsWith('.node')),
      ['changelog.md', 'dist/extension.js', 'dist/server.js', 'license.txt', 'package.json', 'readme.md'],
    );

    await openFile(page, 'login.js', 'login attempt from');
    mark('file open');

    // The finding: Problems panel, squiggle, status bar count.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ timeout: 120_000 });
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*1\s*$/ }).waitFor();
    mark('finding shown');
    await shoot('problems');

    // Hovering the squiggle shows the server's explanation with the three treatments.
    const squiggle = await page.locator('.monaco-editor .squiggly-error').first().boundingBox();
    assert.ok(squiggle);
    // The mouse, not Playwright's hover(): the squiggle sits in a layer under the text.
    await page.mouse.move(squiggle.x + squiggle.width / 2, squiggle.y + squiggle.height / 2);
    await page.locator('.monaco-hover', { hasText: 'redact.ip(value)' }).waitFor();
    assert.match(await page.locator('.monaco-hover').first().innerText(), /Pseudonymize[\s\S]*Classify for security/);
    await shoot('hover');
    await page.mouse.move(0, 0);
    mark('hover');

    const redactFix = await openQuickFixMenu(page, '8:37', /^Redact/); // on `req.ip`
    mark('quick-fix menu');
    await shoot('quick-fix-menu');
    await redactFix.click();

    // The editor shows the rewritten line and the import.
    await page.locator('.monaco-editor .view-lines', { hasText: 'redact.ip(req.ip)' }).waitFor();
    const text = await editorText(page);
    assert.ok(text.includes(FIXED_LINE), `editor text:\n${text}`);
    assert.ok(text.includes(IMPORT_LINE), `editor text:\n${text}`);
    // The server re-lints the edited text: the finding leaves the Problems panel and the count.
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ state: 'hidden', timeout: 30_000 });
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*0\s*$/ }).waitFor();
    mark('fixed');

    await page.keyboard.press('Control+S');
    const saved = await waitForFile(file, (content) => content.includes('redact.ip('), 30_000);
    assert.ok(saved.includes(FIXED_LINE), `saved file:\n${saved}`);
    assert.ok(saved.includes(IMPORT_LINE), `saved file:\n${saved}`);
    assert.equal(saved.match(/@online-identifiers\/redact/g)?.length, 1, 'one import, not two');
    await shoot('fixed');
    mark('saved');

    // The contributed command lints the files nobody opened (src/audit.js) into the Problems panel.
    await runCommand(page, 'Online Identifiers: Scan Workspace');
    await page.locator('.markers-panel', { hasText: SCAN_MESSAGE }).waitFor({ timeout: 120_000 });
    await page.locator('.markers-panel', { hasText: 'audit.js' }).waitFor();
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*1\s*$/ }).waitFor();
    mark('workspace scanned');
    await shoot('scan');

    // Unsaved (untitled) JavaScript is checked too.
    await page.keyboard.press('Control+N');
    await page.locator('.tabs-container .tab', { hasText: 'Untitled-1' }).waitFor();
    await runCommand(page, 'Change Language Mode');
    await page.keyboard.type('JavaScript');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /^JavaScript/ }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').click();
    await page.keyboard.insertText("const logger = require('pino')();\nfunction handle(req) {\n  logger.info(req.ip);\n}\n");
    // login.js is fixed, so this message can only come from the untitled editor.
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ timeout: 30_000 });
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*2\s*$/ }).waitFor();
    mark('untitled checked');
    await shoot('untitled');
  });

  it('no-unclassified-telemetry: an e-mail sent to Sentry is fixed with Ctrl+. → Pseudonymize', async function () {
    const workspace = copyFixtureWorkspace('oi-vscode-telemetry-', 'telemetry-workspace');
    cleanups.push(() => workspace.remove());
    const file = path.join(workspace.dir, 'src', 'identify.js');
    const { page, shoot, mark } = await openVsCode(workspace.dir, { trustAll: true });
    await openFile(page, 'identify.js', 'Sentry.setUser');
    mark('file open');

    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: TELEMETRY_MESSAGE }).waitFor({ timeout: 120_000 });
    await page.locator('.markers-panel', { hasText: 'no-unclassified-telemetry' }).waitFor();
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*1\s*$/ }).waitFor();
    mark('finding shown');

    // A keyed hash keeps the user's events correlatable in Sentry without the address itself.
    const pseudonymizeFix = await openQuickFixMenu(page, '5:30', /^Pseudonymize/); // on `req.user.email`
    assert.match(await page.locator('.action-widget').first().innerText(), /Redact[\s\S]*Pseudonymize[\s\S]*Classify for security/);
    await shoot('telemetry-quick-fix-menu');
    await pseudonymizeFix.click();

    await page.locator('.monaco-editor .view-lines', { hasText: 'pseudonymize(req.user.email)' }).waitFor();
    const text = await editorText(page);
    assert.ok(text.includes(TELEMETRY_FIXED_LINE), `editor text:\n${text}`);
    assert.ok(text.includes(TELEMETRY_IMPORT_LINE), `editor text:\n${text}`);
    await page.locator('.markers-panel', { hasText: TELEMETRY_MESSAGE }).waitFor({ state: 'hidden', timeout: 30_000 });
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*0\s*$/ }).waitFor();
    mark('fixed');

    await page.keyboard.press('Control+S');
    const saved = await waitForFile(file, (content) => content.includes('pseudonymize('), 30_000);
    assert.ok(saved.includes(TELEMETRY_FIXED_LINE) && saved.includes(TELEMETRY_IMPORT_LINE), `saved file:\n${saved}`);
    await shoot('telemetry-fixed');
    mark('saved');
  });

  it('untrusted: never executes the project config and uses the defaults; trusted: applies it', async function () {
    // The project lowers the rule to 'warn' in its eslint.config.mjs, which leaves a marker file
    // when executed. Its plugin import resolves to this repo's plugin.
    const base = mkdtempSync(path.join(tmpdir(), 'oi-vscode-trust-'));
    cleanups.push(() => rmSync(base, { recursive: true, force: true }));
    const workspace = path.join(base, 'workspace');
    cpSync(path.join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'configured-workspace'), workspace, { recursive: true });
    mkdirSync(path.join(workspace, 'node_modules'));
    symlinkSync(path.join(REPO_ROOT, 'packages', 'eslint-plugin'), path.join(workspace, 'node_modules', 'eslint-plugin-online-identifiers'));
    const marker = path.join(workspace, 'config-was-loaded');

    const { page, shoot, mark } = await openVsCode(workspace, {
      trustAll: false,
      // No modal at startup: the folder opens in Restricted Mode.
      settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' },
    });
    await openFile(page, 'login.js', 'login attempt from');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ timeout: 120_000 });
    // Built-in default severity (error), not the project's 'warn'; and the config never ran.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor();
    assert.equal(await page.locator('.monaco-editor .squiggly-warning').count(), 0);
    assert.equal(existsSync(marker), false, 'the project config must not be executed in an untrusted workspace');
    mark('untrusted: defaults');
    await shoot('untrusted');

    await runCommand(page, 'Manage Workspace Trust');
    await page.getByRole('button', { name: 'Trust', exact: true }).first().click();
    mark('trusted');
    // onDidGrantWorkspaceTrust -> onlineIdentifiers/trustChanged -> the server loads the config.
    await page.getByText('You trust this folder').waitFor();
    await page.locator('.tabs-container .tab', { hasText: 'login.js' }).click(); // back to the file
    await page.locator('.monaco-editor .view-lines', { hasText: 'login attempt from' }).waitFor();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0);
    assert.ok(existsSync(marker), 'the project config is loaded once trusted');
    mark('trusted: project config');
    await shoot('trusted');

    // "Show documentation" runs the client's onlineIdentifiers.showDocumentation with the rule's
    // URL: VS Code asks before opening an external site (no network needed to see the question).
    const showDocs = await openQuickFixMenu(page, '8:37', /^Show documentation/);
    await showDocs.click();
    await page.locator('.monaco-dialog-box', { hasText: RULE_DOC_URL }).waitFor();
    await shoot('show-documentation');
    await page.keyboard.press('Escape');
    mark('show documentation');

    // Show Output, then Restart Language Server: the client logs the restart into its output
    // channel, and the new server publishes the finding again.
    await runCommand(page, 'Online Identifiers: Show Output');
    await runCommand(page, 'Online Identifiers: Restart Language Server');
    await page.locator('.part.panel .view-lines', { hasText: 'Restarting the language server' }).waitFor();
    await shoot('output');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ timeout: 120_000 });
    await page.locator('.statusbar-item', { has: page.locator('.codicon-shield'), hasText: /^\s*1\s*$/ }).waitFor();
    // The new server starts trusted too: the project's 'warn' still applies.
    await page.locator('.markers-panel .codicon-warning').first().waitFor();
    assert.equal(await page.locator('.markers-panel .codicon-error').count(), 0);
    mark('restarted');
  });

  it('development mode (launch.json "Run Extension"): the server listens for the debugger on port 6009; settings reach it', async function () {
    // launch.json's "Attach to Language Server" attaches to this port.
    const inspector = `http://127.0.0.1:${SERVER_DEBUG_PORT}/json/list`;
    const before = await fetch(inspector).then(() => true, () => false);
    if (before) skipBecause(this, 'port 6009 is taken by another process (a debug session?): cannot tell the server\'s debugger apart');

    const workspace = copyFixtureWorkspace('oi-vscode-dev-');
    cleanups.push(() => workspace.remove());
    const { page, shoot, mark } = await openVsCode(workspace.dir, { trustAll: true, developmentPath: EXTENSION_DIR });
    await openFile(page, 'login.js', 'login attempt from');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: EXPECTED_MESSAGE }).waitFor({ timeout: 120_000 });
    mark('finding shown');

    const targets = (await (await fetch(inspector)).json()) as { url: string; type: string }[];
    assert.ok(
      targets.some((target) => target.type === 'node' && target.url.endsWith('/packages/vscode-extension/dist/server.js')),
      `inspector targets: ${JSON.stringify(targets)}`,
    );

    // A settings change reaches the server (synchronize + workspace/configuration): the finding
    // turns into a warning without reopening anything.
    await page.locator('.markers-panel .codicon-error').first().waitFor();
    mkdirSync(path.join(workspace.dir, '.vscode'));
    writeFileSync(path.join(workspace.dir, '.vscode', 'settings.json'), JSON.stringify({ 'onlineIdentifiers.severity': 'warning' }));
    await page.locator('.markers-panel .codicon-warning').first().waitFor({ timeout: 30_000 });
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor();
    assert.equal(await page.locator('.markers-panel .codicon-error').count(), 0);
    mark('severity setting applied');
    await shoot('severity-setting');
  });
});
