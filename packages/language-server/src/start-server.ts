// The server behind any transport: `startServer(connection)` wires the LSP
// handlers to the focused modules (settings, linter, diagnostics, code
// actions, hover, scheduler, workspace scan). server.ts only creates the
// stdio / node-ipc connection; tests can also hand it an in-process one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-online-identifiers';
import { createBuiltinConfig } from 'online-identifiers';
import { FIX_ALL_KIND, findingsForContext, fixAllAction, quickFixes, wants, type Finding } from './code-actions';
import { toDiagnostic } from './diagnostics';
import { hoverAt } from './hover';
import { OnceReporter } from './once-reporter';
import { REGION_LINT_MIN_LINES, mergeRegionMessages, planRegionLint } from './region-lint';
import { givenPoolSize } from './v8-pool';
import type { TopLevelStatement } from './top-level-statements';
import { MAX_LINT_BYTES, RuleLinter, isLintable, lintFileName, type PluginLike } from './linter';
import { InlineRunner, WorkerPool, type LintRunner } from './lint-pool';
import { ProjectConfigs, type ESLintFactory } from './project-config';
import { CancelSignal, Scheduler, type Clock, type RunSignal } from './scheduler';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, SettingsCache, normalizeSettings, type Settings } from './settings';
import { scanFolders, type ScanSummary } from './workspace-scan';
import { SERVER_NAME, SERVER_VERSION } from './version';

export { SERVER_NAME, SERVER_VERSION };

/** workspace/executeCommand: lint every matching file of the workspace folders. */
export const SCAN_WORKSPACE_COMMAND = 'onlineIdentifiers.scanWorkspace';
/** Client -> server notification: the workspace became trusted (or not). */
export const TRUST_CHANGED_NOTIFICATION = 'onlineIdentifiers/trustChanged';
/** Request returning the server's memory and cache sizes (for benchmarks and leak tests). */
export const STATS_REQUEST = 'onlineIdentifiers/stats';
/** Default quiet period after an edit before linting. */
export const DEFAULT_DEBOUNCE_MS = 300;
/** Server -> client notification, sent only when `initializationOptions.reportLintPhases` is true: a phase of a document's lint finished. */
export const LINT_PHASE_NOTIFICATION = 'onlineIdentifiers/lintPhase';

/** `initializationOptions` this server reads. */
export interface InitializationOptions {
  /** False (the default) means no project file is ever executed: configs are code. */
  workspaceTrusted?: boolean;
  /** Debounce after edits in milliseconds (tests and benchmarks use 0). */
  debounceMs?: number;
  /** Send `onlineIdentifiers/lintPhase` after each lint phase (tests and benchmarks). */
  reportLintPhases?: boolean;
}

/** Payload of `onlineIdentifiers/lintPhase`. */
export interface LintPhaseParams {
  uri: string;
  version: number;
  /** `region`: phase 1 (the edited statement linted alone, the rest moved from the last full lint); `full`: phase 2, the whole document. */
  phase: 'region' | 'full';
  /** Whether this phase published diagnostics (a full lint that agrees with phase 1 publishes nothing new). */
  published: boolean;
}

/** How often an edit's diagnostics came in two phases, and why they did not. */
export interface RegionLintStats {
  /** Edits whose phase 1 (region lint) was published. */
  used: number;
  /** Edits linted whole only, by reason (`small`, `no-base`, `settings`, `outside-statement`, `context-statement`, `mostly-kept`, `region-failed`). */
  fallback: Record<string, number>;
}

export interface TrustChangedParams {
  workspaceTrusted: boolean;
}

export interface StatsParams {
  /** Run a full GC first when the server runs with --expose-gc. */
  gc?: boolean;
}

export interface StatsResult {
  memory: NodeJS.MemoryUsage;
  gcAvailable: boolean;
  openDocuments: number;
  results: number;
  settings: number;
  configs: number;
  scheduled: number;
  projectFolders: number;
  /** Lint worker threads alive (0 when linting inline). */
  lintWorkers: number;
  /** Heap bytes used by all lint workers together (after a GC in each when `gc` is asked and exposed). */
  lintWorkersHeapUsed: number;
  /** V8's platform thread pool this process was started with (`--v8-pool-size`, see v8-pool.ts); null: Node's default. */
  v8PoolSize: number | null;
  /** The serving process's id (the bin's relaunched child when it relaunched, see v8-pool.ts). */
  processId: number;
  scannedWithFindings: number;
  /** Two-phase diagnostics since the server started. */
  regionLint: RegionLintStats;
}

/** Hooks for in-process tests; the real server uses the defaults. */
export interface StartServerOptions {
  plugin?: PluginLike;
  builtinConfig?: Linter.Config[];
  clock?: Clock;
  eslintFactory?: ESLintFactory;
  /**
   * The file lint workers run (the server's entry, which becomes a worker
   * when workerData says so); `false` lints on the protocol thread. Defaults
   * to server.js beside this module, and to inline linting when a plugin or
   * config is injected (they cannot cross threads) or the file is missing.
   */
  lintWorkerScript?: string | false;
}

interface Linted {
  findings: Finding[];
  /** The rules that produced the findings; fix-all re-lints with the same ones. */
  rules: Linter.RulesRecord | undefined;
}

interface DocumentResult extends Linted {
  version: number;
  /** What produced the findings: the same text, settings and rules choice give the same findings, so they are reused. */
  text?: string;
  settings?: Settings;
  choice?: RulesChoice;
  /** Top-level statements of `text` (a full lint of a long JS/TS document): what the next edit's region lint builds on. */
  statements?: TopLevelStatement[];
  /** Set on a region lint's (phase 1) result: the full lint it was built on, until the next full lint replaces both. */
  base?: DocumentResult;
}

type RulesChoice = { kind: 'rules'; rules: Linter.RulesRecord; source: 'builtin' | 'project' } | { kind: 'ignored' };

const CONFIG_FILE = /^eslint\.config\.(js|mjs|cjs|ts|mts|cts)$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `text` has at least `count` lines (stops counting there). */
function hasLines(text: string, count: number): boolean {
  let index = -1;
  for (let line = 1; line < count; line += 1) {
    index = text.indexOf('\n', index + 1);
    if (index < 0) return false;
  }
  return true;
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function firstLine(error: Error): string {
  return error.message.split('\n')[0] ?? error.message;
}

export function startServer(connection: Connection, options: StartServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const ruleLinter = new RuleLinter({
    plugin: options.plugin ?? plugin,
    builtinConfig: options.builtinConfig ?? createBuiltinConfig(),
  });
  const projectConfigs = new ProjectConfigs(options.eslintFactory);
  const workerScript =
    options.lintWorkerScript ?? (options.plugin || options.builtinConfig ? false : path.join(__dirname, 'server.js'));
  const runner: LintRunner =
    workerScript && fs.existsSync(workerScript)
      ? new WorkerPool({
          script: workerScript,
          inline: ruleLinter,
          log: (level, text) => (level === 'error' ? connection.console.error(text) : connection.console.log(text)),
        })
      : new InlineRunner(ruleLinter);
  if (runner instanceof WorkerPool) runner.warm();

  let trusted = false;
  let debounceMs = DEFAULT_DEBOUNCE_MS;
  let reportLintPhases = false;
  const regionStats: RegionLintStats = { used: 0, fallback: {} };
  let folders: string[] = [];
  let configurationSupport = false;
  let pullSupport = false;
  let refreshSupport = false;
  let progressSupport = false;
  let watchedFilesDynamic = false;
  let resolveEditSupport = false;
  let workspaceFoldersSupport = false;
  let globalRawSettings: unknown = undefined;

  const results = new Map<string, DocumentResult>();
  const configChoices = new Map<string, Promise<RulesChoice>>();
  /** Documents opened but not yet linted: their first lint skips the debounce. */
  const fresh = new Set<string>();
  /** URIs the last workspace scan published findings for (closed files only). */
  let scanned = new Set<string>();

  const reporter = new OnceReporter(connection);
  const warnOnce = reporter.warnOnce.bind(reporter);
  const logOncePerDocument = reporter.logOncePerDocument.bind(reporter);

  // ---- settings ----------------------------------------------------------------
  async function fetchSettings(uri: string): Promise<Settings> {
    let raw: unknown = globalRawSettings;
    if (configurationSupport) {
      try {
        raw = await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      } catch (error) {
        warnOnce('settings-request', `Could not read the settings (${String(error)}); using the defaults.`);
        raw = undefined;
      }
    }
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) warnOnce(`setting:${problem.kind}`, problem.message);
    return settings;
  }
  const settingsCache = new SettingsCache(fetchSettings);

  // ---- paths -------------------------------------------------------------------
  function fsPathOf(uri: string): string | undefined {
    try {
      const parsed = URI.parse(uri);
      return parsed.scheme === 'file' ? parsed.fsPath : undefined;
    } catch {
      return undefined;
    }
  }

  function folderOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const folder of folders) {
      const relative = path.relative(folder, filePath);
      if (relative && !relative.startsWith('..') && !path.isAbsolute(relative) && (!best || folder.length > best.length)) best = folder;
    }
    return best;
  }

  /** The path ESLint sees, the folder it is relative to, and whether it is a real file. */
  function lintTarget(uri: string, languageId: string | undefined): { filePath: string; lintable: boolean; cwd: string; onDisk: boolean } {
    const fsPath = fsPathOf(uri);
    if (fsPath) {
      const folder = folderOf(fsPath);
      return {
        filePath: lintFileName(languageId, fsPath),
        lintable: isLintable(languageId, fsPath),
        cwd: folder ?? path.parse(fsPath).root,
        onDisk: true,
      };
    }
    // Untitled buffers: lint as if they sat at the root of the first folder.
    const base = folders[0] ?? process.cwd();
    const name = path.join(base, path.posix.basename(URI.parse(uri).path) || 'untitled');
    return { filePath: lintFileName(languageId, name), lintable: isLintable(languageId, name), cwd: base, onDisk: false };
  }

  // ---- which rules apply ---------------------------------------------------------
  async function chooseRules(filePath: string, onDisk: boolean): Promise<RulesChoice> {
    const builtin: RulesChoice = { kind: 'rules', rules: ruleLinter.builtinRules, source: 'builtin' };
    const folder = onDisk ? folderOf(filePath) : undefined;
    if (!trusted || !folder) return builtin;
    const result = await projectConfigs.forFile(filePath, folder);
    switch (result.kind) {
      case 'none':
        return builtin;
      case 'ignored':
        return { kind: 'ignored' };
      case 'rules':
        return { kind: 'rules', rules: result.rules, source: 'project' };
      case 'error':
        warnOnce(
          `config:${result.configFile ?? folder}`,
          `The ESLint config ${result.configFile ?? `of ${folder}`} could not be loaded (${firstLine(result.error)}); using the built-in defaults.`,
        );
        return builtin;
    }
  }

  function rulesFor(uri: string, filePath: string, onDisk: boolean): Promise<RulesChoice> {
    let choice = configChoices.get(uri);
    if (!choice) {
      choice = chooseRules(filePath, onDisk);
      configChoices.set(uri, choice);
    }
    return choice;
  }

  // ---- linting -------------------------------------------------------------------
  interface LintRequest {
    uri: string;
    languageId: string | undefined;
    text: string;
    settings: Settings;
    /** Scans stay quiet per file; open documents log once each. */
    quiet: boolean;
    /** Open documents cache their rules choice; scanned files do not. */
    cacheChoice: boolean;
    /** Cancels the lint when a newer version supersedes it. */
    signal?: RunSignal;
    /** The last result for this document: reused when text, settings and rules choice are the same. */
    previous?: DocumentResult;
  }

  /** Findings plus what produced them (for reuse on the next run). */
  interface LintedWith extends Linted {
    text?: string;
    settings?: Settings;
    choice?: RulesChoice;
    statements?: TopLevelStatement[];
  }

  function toFindings(messages: readonly Linter.LintMessage[], settings: Settings): Finding[] {
    return messages.map((message) => ({
      message,
      diagnostic: toDiagnostic(message, { severity: settings.severity, docsUrl: ruleLinter.docsUrl(message.ruleId) }),
    }));
  }

  const NOTHING: Linted = { findings: [], rules: undefined };

  /** Findings for a text, or undefined when it was not linted (the reason is logged). */
  async function computeFindings(request: LintRequest): Promise<LintedWith | undefined> {
    const { uri, text, settings } = request;
    const target = lintTarget(uri, request.languageId);
    if (!settings.enable || !target.lintable) return NOTHING;
    if (text.length > MAX_LINT_BYTES / 4 && Buffer.byteLength(text) > MAX_LINT_BYTES) {
      if (!request.quiet) logOncePerDocument(uri, 'too-large', `Skipped ${target.filePath}: larger than 2 MB (generated or bundled code is not checked).`);
      return undefined;
    }
    const choice = request.cacheChoice ? await rulesFor(uri, target.filePath, target.onDisk) : await chooseRules(target.filePath, target.onDisk);
    if (choice.kind === 'ignored') return NOTHING;
    // Same text, settings and rules: same findings (an undo back, a save in onSave mode, a no-op edit).
    // After a region lint the last full lint is its base.
    const previous = request.previous?.base ?? request.previous;
    if (previous?.text === text && previous.settings === settings && previous.choice === choice) {
      return { findings: previous.findings, rules: previous.rules, text, settings, choice, ...(previous.statements ? { statements: previous.statements } : {}) };
    }

    // Long documents keep their statements, so that an edit inside one of them can be region-linted.
    const statements = hasLines(text, REGION_LINT_MIN_LINES);
    let rules = ruleLinter.withRedactModule(choice.rules, settings.redactModule);
    let outcome = await runner.lint(uri, { text, filePath: target.filePath, rules, cwd: target.cwd, statements }, request.signal);
    if (outcome?.kind === 'config-error' && choice.source === 'project') {
      warnOnce(`config-options:${target.cwd}`, `The project's options for online-identifiers rules are invalid (${firstLine(outcome.error)}); using the built-in defaults.`);
      rules = ruleLinter.withRedactModule(ruleLinter.builtinRules, settings.redactModule);
      outcome = await runner.lint(uri, { text, filePath: target.filePath, rules, cwd: target.cwd, statements }, request.signal);
    }
    if (outcome === undefined) return undefined; // superseded

    switch (outcome.kind) {
      case 'ok':
        reporter.forgetDocumentLog(uri, 'parse');
        return {
          text,
          settings,
          choice,
          rules,
          findings: toFindings(outcome.messages, settings),
          ...(outcome.statements ? { statements: outcome.statements } : {}),
        };
      case 'not-covered':
        return NOTHING;
      case 'parse-error':
        if (!request.quiet) {
          logOncePerDocument(
            uri,
            'parse',
            `Cannot parse ${target.filePath} (${outcome.line}:${outcome.column} ${outcome.message}); its findings are cleared until it parses.`,
          );
        }
        return undefined;
      case 'config-error':
        warnOnce(`config-error:${firstLine(outcome.error)}`, `The online-identifiers rules could not be configured: ${firstLine(outcome.error)}`, 'error');
        return undefined;
      case 'crash':
        warnOnce(
          `crash:${outcome.ruleId ?? ''}:${firstLine(outcome.error)}`,
          `Rule ${outcome.ruleId ?? '(unknown)'} failed on ${target.filePath}: ${outcome.error.stack ?? outcome.error.message}`,
          'error',
        );
        return undefined;
    }
  }

  /** Findings for the document's current version: cached when already linted. */
  async function findingsForCurrent(document: TextDocument): Promise<Finding[]> {
    const cached = results.get(document.uri);
    if (cached && cached.version === document.version) return cached.findings;
    const settings = await settingsCache.get(document.uri);
    const linted =
      (await computeFindings({
        uri: document.uri,
        languageId: document.languageId,
        text: document.getText(),
        settings,
        quiet: false,
        cacheChoice: true,
        previous: cached,
      })) ?? NOTHING;
    const current = documents.get(document.uri);
    if (current && current.version === document.version) results.set(document.uri, { version: document.version, ...linted });
    return linted.findings;
  }

  function publish(uri: string, version: number | undefined, findings: readonly Finding[]): void {
    void connection.sendDiagnostics({ uri, version, diagnostics: findings.map((finding) => finding.diagnostic) });
  }

  // ---- two-phase diagnostics ---------------------------------------------------------
  type RegionOutcome = { kind: 'region'; result: DocumentResult } | { kind: 'fallback'; reason: string | undefined } | { kind: 'cancelled' };

  /**
   * Phase 1 (region-lint.ts): when the edit since the last full lint lies
   * inside one top-level statement of a long JS/TS document, lint a focused
   * text and merge. A fallback reason `undefined` is not counted (a first
   * lint, an unchanged text).
   */
  async function regionLint(document: TextDocument, settings: Settings, previous: DocumentResult | undefined, signal: RunSignal): Promise<RegionOutcome> {
    if (!previous) return { kind: 'fallback', reason: undefined };
    const base = previous.base ?? previous;
    if (base.text === undefined || !base.rules) return { kind: 'fallback', reason: 'no-base' };
    if (!base.statements) return { kind: 'fallback', reason: 'small' };
    const target = lintTarget(document.uri, document.languageId);
    if (!settings.enable || !target.lintable || base.settings !== settings || base.choice !== (await rulesFor(document.uri, target.filePath, target.onDisk))) {
      return { kind: 'fallback', reason: 'settings' };
    }
    const text = document.getText();
    const plan = planRegionLint({ text: base.text, statements: base.statements }, text);
    if (plan.kind === 'fallback') return { kind: 'fallback', reason: plan.reason === 'unchanged' ? undefined : plan.reason };
    const outcome = await runner.lint(
      `${document.uri}#region`,
      { text: plan.focused, filePath: target.filePath, rules: base.rules, cwd: target.cwd },
      signal,
      { quick: true },
    );
    if (outcome === undefined || signal.cancelled) return { kind: 'cancelled' };
    if (outcome.kind !== 'ok') return { kind: 'fallback', reason: 'region-failed' };
    const messages = mergeRegionMessages(
      plan,
      outcome.messages,
      base.findings.map((finding) => finding.message),
    );
    return { kind: 'region', result: { version: document.version, findings: toFindings(messages, settings), rules: base.rules, base } };
  }

  function reportPhase(params: LintPhaseParams): void {
    if (reportLintPhases) void connection.sendNotification(LINT_PHASE_NOTIFICATION, params);
  }

  /**
   * Phase 1 for one version: region-lint it and publish at once. Returns
   * the diagnostics published (undefined when the region lint fell back,
   * was cancelled, or the document moved on).
   */
  async function phaseOne(document: TextDocument, settings: Settings, signal: RunSignal): Promise<Diagnostic[] | undefined> {
    const { uri, version } = document;
    const region = await regionLint(document, settings, results.get(uri), signal);
    if (region.kind === 'cancelled' || signal.cancelled || documents.get(uri)?.version !== version) return undefined;
    if (region.kind === 'fallback') {
      if (region.reason !== undefined) regionStats.fallback[region.reason] = (regionStats.fallback[region.reason] ?? 0) + 1;
      return undefined;
    }
    regionStats.used += 1;
    results.set(uri, region.result);
    if (!pullSupport) publish(uri, version, region.result.findings);
    reportPhase({ uri, version, phase: 'region', published: !pullSupport });
    return region.result.findings.map((finding) => finding.diagnostic);
  }

  /**
   * Phase 1 started at the keystroke, ahead of the debounce (which only
   * delays phase 2): by document, the version it lints, the signal the next
   * edit flips, and what it published once done.
   */
  const early = new Map<string, { version: number; signal: CancelSignal; done: Promise<Diagnostic[] | undefined> }>();

  function startPhaseOne(document: TextDocument, settings: Settings): void {
    early.get(document.uri)?.signal.cancel();
    const signal = new CancelSignal();
    const done = phaseOne(document, settings, signal).catch(() => undefined);
    early.set(document.uri, { version: document.version, signal, done });
  }

  /** A full lint's result, with the diagnostics phase 1 published for the same version (if it did). */
  type Scheduled = LintedWith & { phase1?: Diagnostic[] };

  const scheduler = new Scheduler<Scheduled | undefined>({
    delayMs: DEFAULT_DEBOUNCE_MS,
    ...(options.clock ? { clock: options.clock } : {}),
    run: async (uri, version, signal) => {
      const document = documents.get(uri);
      if (!document || document.version !== version) return undefined;
      const settings = await settingsCache.get(uri);
      if (signal.cancelled) return undefined;
      const previous = results.get(uri);

      // Phase 1 ran at the keystroke for this version (or runs now, without a debounce).
      const started = early.get(uri);
      const phase1 = started?.version === version ? await started.done : await phaseOne(document, settings, signal);
      if (signal.cancelled || documents.get(uri)?.version !== version) return undefined;

      const linted = await computeFindings({
        uri,
        languageId: document.languageId,
        text: document.getText(),
        settings,
        quiet: false,
        cacheChoice: true,
        signal,
        previous,
      });
      // A superseded run delivers nothing; a text that was not linted (logged) clears the findings.
      if (signal.cancelled) return undefined;
      return phase1 ? { ...(linted ?? NOTHING), phase1 } : (linted ?? NOTHING);
    },
    deliver: (uri, version, scheduled) => {
      const document = documents.get(uri);
      if (!document || document.version !== version || scheduled === undefined) return;
      const { phase1, ...linted } = scheduled;
      results.set(uri, { version, ...linted });
      // Phase 2 is the source of truth; it is published when it differs from what phase 1 published.
      const publishing = !pullSupport && (phase1 === undefined || !sameDiagnostics(phase1, linted.findings.map((finding) => finding.diagnostic)));
      if (publishing) publish(uri, version, linted.findings);
      reportPhase({ uri, version, phase: 'full', published: publishing });
    },
    onError: (uri, _version, error) => {
      warnOnce(`internal:${String(error)}`, `Checking ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 'error');
      results.delete(uri);
      if (!pullSupport) publish(uri, undefined, []);
    },
  });

  /** Lint soon (debounced) or now (open, save, settings change), per the document's settings. */
  async function validate(document: TextDocument, reason: 'open' | 'change' | 'save' | 'refresh'): Promise<void> {
    if (pullSupport) return; // the client asks when it wants diagnostics
    const settings = await settingsCache.get(document.uri);
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return; // closed or edited meanwhile
    if (!settings.enable) {
      scheduler.cancel(document.uri);
      results.set(document.uri, { version: document.version, ...NOTHING });
      publish(document.uri, document.version, []);
      return;
    }
    if (reason === 'change' && settings.run === 'onSave') return;
    // Phase 1 is cheap (a region lint): it does not wait for the debounce, only phase 2 does.
    if (reason === 'change' && debounceMs > 0) startPhaseOne(document, settings);
    scheduler.schedule(document.uri, document.version, reason === 'change' ? debounceMs : 0);
  }

  function revalidateAll(): void {
    if (pullSupport) {
      results.clear();
      if (refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) void validate(document, 'refresh');
  }

  // ---- lifecycle ---------------------------------------------------------------------
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init: unknown = params.initializationOptions;
    if (isRecord(init)) {
      trusted = init.workspaceTrusted === true;
      if (typeof init.debounceMs === 'number' && Number.isFinite(init.debounceMs) && init.debounceMs >= 0) debounceMs = init.debounceMs;
      reportLintPhases = init.reportLintPhases === true;
    }
    const capabilities = params.capabilities;
    configurationSupport = capabilities.workspace?.configuration === true;
    pullSupport = capabilities.textDocument?.diagnostic !== undefined;
    refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    progressSupport = capabilities.window?.workDoneProgress === true;
    watchedFilesDynamic = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    resolveEditSupport = capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    workspaceFoldersSupport = capabilities.workspace?.workspaceFolders === true;

    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = folderUris.map((uri) => fsPathOf(uri)).filter((folder): folder is string => folder !== undefined);
    if (folders.length === 0 && params.rootPath) folders = [params.rootPath];

    const serverCapabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      executeCommandProvider: { commands: [SCAN_WORKSPACE_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    if (pullSupport) {
      serverCapabilities.diagnosticProvider = { identifier: 'online-identifiers', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return { capabilities: serverCapabilities, serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    if (watchedFilesDynamic) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/eslint.config.{js,mjs,cjs,ts,mts,cts}' }],
      });
    }
    if (workspaceFoldersSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => fsPathOf(folder.uri)));
        folders = folders.filter((folder) => !removed.has(folder));
        for (const folder of event.added) {
          const fsPath = fsPathOf(folder.uri);
          if (fsPath && !folders.includes(fsPath)) folders.push(fsPath);
        }
        projectConfigs.drop();
        configChoices.clear();
        revalidateAll();
      });
    }
  });

  connection.onShutdown(async () => {
    scheduler.dispose();
    await runner.dispose();
  });

  // ---- documents ---------------------------------------------------------------------
  documents.onDidOpen((event) => {
    fresh.add(event.document.uri);
    // The scan's findings for this file give way to the live ones.
    scanned.delete(event.document.uri);
  });

  documents.onDidChangeContent((event) => {
    const opening = fresh.delete(event.document.uri);
    void validate(event.document, opening ? 'open' : 'change');
  });

  documents.onDidSave((event) => {
    void settingsCache.get(event.document.uri).then((settings) => {
      if (settings.run === 'onSave') void validate(event.document, 'save');
    });
  });

  documents.onDidClose((event) => {
    const { uri } = event.document;
    fresh.delete(uri);
    early.get(uri)?.signal.cancel();
    early.delete(uri);
    scheduler.cancel(uri);
    results.delete(uri);
    settingsCache.delete(uri);
    configChoices.delete(uri);
    reporter.forgetDocument(uri);
    publish(uri, undefined, []);
  });

  // ---- configuration, trust, watched files ------------------------------------------------
  connection.onDidChangeConfiguration((params) => {
    const settings: unknown = params.settings;
    if (isRecord(settings) && SETTINGS_SECTION in settings) globalRawSettings = settings[SETTINGS_SECTION];
    settingsCache.clear();
    revalidateAll();
  });

  connection.onNotification(TRUST_CHANGED_NOTIFICATION, (params: unknown) => {
    const next = isRecord(params) && params.workspaceTrusted === true;
    if (next === trusted) return;
    trusted = next;
    projectConfigs.drop();
    configChoices.clear();
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const configChanged = params.changes.some((change) => CONFIG_FILE.test(path.posix.basename(URI.parse(change.uri).path)));
    if (!configChanged) return;
    projectConfigs.drop();
    configChoices.clear();
    // A fixed or newly broken config deserves a fresh warning.
    reporter.forgetWarnings('config');
    revalidateAll();
  });

  // ---- pull diagnostics ---------------------------------------------------------------------
  connection.languages.diagnostics.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: 'full', items: [] };
    const settings = await settingsCache.get(document.uri);
    const cached = results.get(document.uri);
    // In onSave mode an edited document keeps the findings of its last check.
    const findings = settings.run === 'onSave' && cached ? cached.findings : await findingsForCurrent(document);
    return { kind: 'full', items: findings.map((finding) => finding.diagnostic) };
  });

  // ---- code actions ---------------------------------------------------------------------------
  /** Fix-all for the document's current version, with the rules its findings came from. */
  async function fixAllFor(document: TextDocument): Promise<CodeAction | undefined> {
    const state = results.get(document.uri);
    if (!state || state.version !== document.version || !state.rules) return undefined;
    if (state.findings.every((finding) => (finding.message.suggestions ?? []).length === 0)) return undefined;
    const { rules } = state;
    const target = lintTarget(document.uri, document.languageId);
    const text = document.getText();
    const newText = await runner.fixAll(document.uri, { text, filePath: target.filePath, rules, cwd: target.cwd });
    // The edit names the version it was computed for; a newer one means the client would refuse it.
    if (documents.get(document.uri)?.version !== document.version) return undefined;
    return fixAllAction(document, newText);
  }

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const state = results.get(document.uri);
    // Findings from another version would put edits in the wrong place: refuse.
    if (!state || state.version !== document.version) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];

    if (wants(only, CodeActionKind.QuickFix)) {
      actions.push(...quickFixes(document, findingsForContext(state.findings, params.context.diagnostics), (ruleId) => ruleLinter.docsUrl(ruleId)));
    }

    const fixable = state.findings.some((finding) => (finding.message.suggestions ?? []).length > 0);
    const explicitFixAll = only?.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
    if (fixable && explicitFixAll) {
      const action = await fixAllFor(document);
      if (action) actions.push(action);
    } else if (fixable && only === undefined && resolveEditSupport) {
      // Computed only when chosen (codeAction/resolve): fix-all re-lints the file.
      actions.push({
        title: 'Redact every online identifier in this file',
        kind: FIX_ALL_KIND,
        data: { uri: document.uri, version: document.version },
      });
    }
    return actions;
  });

  connection.onCodeActionResolve(async (action) => {
    const data: unknown = action.data;
    if (!isRecord(data) || typeof data.uri !== 'string' || action.kind !== FIX_ALL_KIND) return action;
    const document = documents.get(data.uri);
    if (!document || document.version !== data.version) return action; // stale: no edit
    const resolved = await fixAllFor(document);
    return resolved ? { ...action, edit: resolved.edit } : action;
  });

  // ---- hover ---------------------------------------------------------------------------------
  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const state = results.get(params.textDocument.uri);
    if (!document || !state || state.version !== document.version) return null;
    return hoverAt(state.findings, params.position, (ruleId) => ruleLinter.docsUrl(ruleId));
  });

  // ---- workspace scan ----------------------------------------------------------------------------
  async function scanWorkspace(reporter: WorkDoneProgressReporter, isCancelled: () => boolean): Promise<ScanSummary> {
    const published = new Set<string>();
    const folderSettings = new Map<string, Settings>();
    reporter.begin('Scanning for online identifiers', 0, 'listing files', true);
    let lastPercent = -1;
    const summary = await scanFolders(folders, {
      isCancelled,
      progress: (done, total, file) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent !== lastPercent) {
          lastPercent = percent;
          reporter.report(percent, `${done}/${total} ${path.basename(file)}`);
        }
      },
      lintFile: async (file, text) => {
        const uri = URI.file(file).toString();
        const folder = folderOf(file) ?? '';
        let settings = folderSettings.get(folder);
        if (!settings) {
          settings = folder ? await fetchSettings(URI.file(folder).toString()) : { ...DEFAULT_SETTINGS };
          folderSettings.set(folder, settings);
        }
        const open = documents.get(uri);
        if (open) {
          const findings = await findingsForCurrent(open);
          return findings.length;
        }
        const linted = await computeFindings({ uri, languageId: undefined, text, settings, quiet: true, cacheChoice: false });
        if (linted === undefined) return undefined;
        const { findings } = linted;
        if (findings.length > 0) {
          published.add(uri);
          publish(uri, undefined, findings);
        } else if (scanned.has(uri)) {
          publish(uri, undefined, []);
        }
        return findings.length;
      },
    });
    // Files that had findings last time and were not re-published now are clean (or gone).
    for (const uri of scanned) if (!published.has(uri) && !documents.get(uri)) publish(uri, undefined, []);
    scanned = published;
    reporter.done();
    connection.console.info(`Scanned ${summary.files} files: ${summary.findings} findings, ${summary.skipped} skipped.`);
    return summary;
  }

  connection.onExecuteCommand(async (params, token, workDone) => {
    if (params.command !== SCAN_WORKSPACE_COMMAND) {
      connection.console.warn(`Unknown command ${params.command}`);
      return null;
    }
    let reporter: WorkDoneProgressReporter = workDone;
    if (params.workDoneToken === undefined && progressSupport) {
      try {
        reporter = await connection.window.createWorkDoneProgress();
      } catch {
        reporter = workDone; // the client refused: scan without progress
      }
    }
    const reporterToken = 'token' in reporter ? (reporter as { token: { isCancellationRequested: boolean } }).token : undefined;
    return scanWorkspace(reporter, () => token.isCancellationRequested || reporterToken?.isCancellationRequested === true);
  });

  // ---- stats ---------------------------------------------------------------------------------------
  connection.onRequest(STATS_REQUEST, async (params: unknown): Promise<StatsResult> => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (isRecord(params) && params.gc === true && gc) gc();
    return {
      memory: process.memoryUsage(),
      gcAvailable: gc !== undefined,
      openDocuments: documents.all().length,
      results: results.size,
      settings: settingsCache.size,
      configs: configChoices.size,
      scheduled: scheduler.size,
      projectFolders: projectConfigs.size,
      lintWorkers: runner.workers,
      lintWorkersHeapUsed: (await runner.workerHeaps()).reduce((sum, used) => sum + used, 0),
      v8PoolSize: givenPoolSize(process.execArgv, process.env.NODE_OPTIONS) ?? null,
      processId: process.pid,
      scannedWithFindings: scanned.size,
      regionLint: { used: regionStats.used, fallback: { ...regionStats.fallback } },
    };
  });

  documents.listen(connection);
  connection.listen();
}
