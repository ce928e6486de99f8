import * as fs from 'node:fs';
import * as path from 'node:path';

function readVersion(): string {
  // dist/version.js -> ../package.json; read at run time so the version lives in one place.
  // Bundled into another program (the VS Code extension's server) there may be no such
  // file, and the built-in config must still load: the version is only for --version.
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (manifest.name === 'online-identifiers' && typeof manifest.version === 'string') return manifest.version;
  } catch {
    // fall through
  }
  return '0.0.0';
}

export const VERSION = readVersion();
