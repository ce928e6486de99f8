#!/usr/bin/env node
// Installable tarballs of every published package, for installing from the
// repository while the packages are not on the registry:
//
//   npm run pack                      # builds, then writes .test-output/packages/*.tgz
//   node scripts/pack.mjs DIR         # the same into DIR (already built)
//   npm install <DIR>/*.tgz           # in your project: CLI, plugin, runtime, server
//
// Prints the tarballs' absolute paths, one a line. npm pack needs no network.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The workspaces that are published (the VS Code extension ships as a .vsix instead). */
export function publishedWorkspaces() {
  const { workspaces } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  return workspaces
    .filter((workspace) => workspace.startsWith('packages/'))
    .map((workspace) => JSON.parse(readFileSync(path.join(root, workspace, 'package.json'), 'utf8')))
    .filter((manifest) => manifest.private !== true)
    .map((manifest) => manifest.name);
}

/**
 * Packs every published workspace into `destination`.
 *
 * @param {string} destination folder for the tarballs (created when missing)
 * @returns {{ name: string, file: string }[]} one entry per package, `file` absolute
 * @throws when `npm pack` fails (e.g. a package's `files` are not built)
 */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  const names = publishedWorkspaces();
  const args = ['pack', '--json', '--pack-destination', destination, ...names.flatMap((name) => ['--workspace', name])];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = JSON.parse(execFileSync(npm, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  return packed.map((entry) => ({ name: entry.name, file: path.join(destination, entry.filename) }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const destination = path.resolve(process.argv[2] ?? path.join(root, '.test-output', 'packages'));
  for (const { file } of packAll(destination)) console.log(file);
}
