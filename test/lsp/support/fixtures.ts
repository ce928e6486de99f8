// Source texts shared by the LSP tests; positions in the tests refer to these.

/** ESM: one IP address logged raw on line 5 (0-based), `req.ip` at characters 14-20. */
export const ESM_HANDLER = [
  "import pino from 'pino';",
  '',
  'const logger = pino();',
  '',
  'export function handler(req, res) {',
  '  logger.info(req.ip);',
  '  res.end();',
  '}',
  '',
].join('\n');

/** CommonJS with two findings (IP address and user agent), for fix-all. */
export const CJS_TWO_FINDINGS = [
  "const logger = require('pino')();",
  '',
  'module.exports = function handler(req, res) {',
  '  logger.info(req.ip);',
  "  logger.warn(req.headers['user-agent']);",
  '  res.end();',
  '};',
  '',
].join('\n');

/** TypeScript: a session id. */
export const TS_SESSION = [
  "import type { Request } from 'express';",
  "import pino from 'pino';",
  '',
  'const logger = pino();',
  '',
  'export function audit(req: Request): void {',
  '  logger.info(req.sessionID as string);',
  '}',
  '',
].join('\n');

export const DOCS_BASE = 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules/';
