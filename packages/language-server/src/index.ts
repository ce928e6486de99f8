// Public surface: the server factory (any transport, including in-process
// tests) and the names of this server's protocol extensions.
export {
  DEFAULT_DEBOUNCE_MS,
  LINT_PHASE_NOTIFICATION,
  SCAN_WORKSPACE_COMMAND,
  SERVER_NAME,
  SERVER_VERSION,
  STATS_REQUEST,
  TRUST_CHANGED_NOTIFICATION,
  startServer,
} from './start-server';
export type {
  InitializationOptions,
  LintPhaseParams,
  RegionLintStats,
  StartServerOptions,
  StatsParams,
  StatsResult,
  TrustChangedParams,
} from './start-server';
export { FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from './code-actions';
export { DIAGNOSTIC_SOURCE } from './diagnostics';
export { DEFAULT_SETTINGS, SETTINGS_SECTION } from './settings';
export type { Settings } from './settings';
export type { ScanSummary } from './workspace-scan';
export { NODE_DEFAULT_V8_POOL_SIZE, POOL_SIZE_ENV, serverPoolSize } from './v8-pool';
