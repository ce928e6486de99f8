// Bundles the extension (client) and the language server into dist/, so the .vsix needs no
// node_modules. Flags: --watch (rebuild on change, for .vscode/tasks.json), --production (minify,
// no source maps; used by `npm run package`).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

// The server's own bin (built by `tsc -b`): the bundled server is exactly what users run.
const serverPackage = path.dirname(require.resolve('@online-identifiers/language-server/package.json'));
const serverEntry = path.join(serverPackage, 'bin', 'online-identifiers-language-server.js');
if (!existsSync(serverEntry)) {
  console.error(`esbuild.mjs: ${serverEntry} is missing; build the language server first (npx tsc -b packages/language-server).`);
  process.exit(1);
}

/** Prints esbuild's problems in the shape the tasks.json problem matcher reads. */
const reportPlugin = {
  name: 'report',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        if (location) console.error(`✘ [ERROR] ${text}\n    ${location.file}:${location.line}:${location.column}:`);
        else console.error(`✘ [ERROR] ${text}`);
      }
      console.log(`[watch] build finished${result.errors.length ? ` with ${result.errors.length} errors` : ''}`);
    });
  },
};

// oxc-parser (the fast parser) is an ES module that finds its native binding
// and its raw-transfer modules with `createRequire(import.meta.url)`. In a
// CommonJS bundle import.meta.url is empty, so oxc could not load at all and
// every file went to espree: `import.meta.url` becomes the bundle's own URL.
const IMPORT_META_URL_SHIM = "const __bundleImportMetaUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * Copies the native oxc-parser binding installed here next to the bundle
 * (dist/parser.<platform>.node, the first file oxc's loader looks for beside
 * itself), so the server loads it without node_modules. Only this platform's
 * binding is installed: the .vsix parses fast on the platform it was built on
 * and falls back to espree elsewhere (logged once). Returns the copied names.
 */
function copyNativeParser(outdir) {
  mkdirSync(outdir, { recursive: true });
  for (const old of readdirSync(outdir).filter((name) => /^parser\..*\.node$/.test(name))) rmSync(path.join(outdir, old));
  const oxcRequire = createRequire(require.resolve('oxc-parser'));
  const copied = [];
  for (const platform of ['linux-x64-gnu', 'linux-x64-musl', 'linux-arm64-gnu', 'linux-arm64-musl', 'darwin-x64', 'darwin-arm64', 'win32-x64-msvc', 'win32-arm64-msvc']) {
    let bindingDir;
    try {
      bindingDir = path.dirname(oxcRequire.resolve(`@oxc-parser/binding-${platform}/package.json`));
    } catch {
      continue; // not installed on this machine
    }
    const name = `parser.${platform}.node`;
    copyFileSync(path.join(bindingDir, name), path.join(outdir, name));
    copied.push(name);
  }
  return copied;
}

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: watch ? 'silent' : 'warning',
  plugins: watch ? [reportPlugin] : [],
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
  banner: { js: IMPORT_META_URL_SHIM },
};

// One build, two entry points: one start/finish pair per rebuild for the tasks.json matcher.
/** @type {esbuild.BuildOptions} */
const options = {
  ...common,
  entryPoints: { extension: path.join(here, 'src', 'extension.ts'), server: serverEntry },
  outdir: path.join(here, 'dist'),
  // `vscode` is provided by the editor. ESLint and the TypeScript parser are bundled; jiti is
  // ESLint's optional loader for TypeScript config files (eslint.config.ts): it is not shipped,
  // so such a project config falls back to the built-in defaults with a warning from the server.
  external: ['vscode', 'jiti'],
};

if (watch) {
  copyNativeParser(options.outdir);
  const context = await esbuild.context(options);
  await context.watch();
} else {
  const started = Date.now();
  await esbuild.build(options);
  const natives = copyNativeParser(options.outdir);
  console.log(
    `bundled dist/extension.js and dist/server.js in ${Date.now() - started} ms${production ? ' (production)' : ''}; ` +
      `native parser: ${natives.length > 0 ? natives.map((name) => `dist/${name}`).join(', ') : 'none installed (the server parses with espree)'}`,
  );
}
