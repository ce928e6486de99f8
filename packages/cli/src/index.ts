// Public API of the `online-identifiers` package: the zero-config scan and
// the built-in config the language server reuses for its defaults.
export { createBuiltinConfig, LINTABLE_EXTENSIONS, type BuiltinConfigOptions } from './config';
export { scan, MAX_FILE_BYTES, TEST_CODE_PATTERNS, type ScanOptions, type ScanResult, type SkippedFile } from './scan';
export { collectFiles, MissingPathError, type CollectOptions, type CollectedFiles } from './collect-files';
export { GitError } from './git';
export { DEFAULT_CACHE_LOCATION, type Concurrency } from './scan';
export { formatResults, FORMATS, type Format } from './format';
export { run } from './main';
