import * as fs from 'node:fs';
import * as path from 'node:path';

function readVersion(): string {
  // dist/version.js -> ../package.json; read at run time so the version lives in one place.
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

export const VERSION = readVersion();
