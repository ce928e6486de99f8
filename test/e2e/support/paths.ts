import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures');
export const SERVER_BIN = path.join(
  REPO_ROOT,
  'packages',
  'language-server',
  'bin',
  'online-identifiers-language-server.js',
);
/** Screenshots and logs of the real-editor runs (gitignored). */
export const OUTPUT_DIR = path.join(REPO_ROOT, '.test-output', 'e2e');

/** The finding both editors must show for fixtures/workspace/src/login.js. */
export const EXPECTED_MESSAGE = 'IP address from req.ip reaches logger.info without classification';
export const EXPECTED_RULE = 'online-identifiers/no-unclassified-logging';
