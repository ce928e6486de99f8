// The VS Code extension's server bundle (packages/vscode-extension/dist,
// built by `npm run build`) as the .vsix installs it: copied to a directory
// with no node_modules anywhere above it. It must parse with the fast parser
// (oxc's native binding copied beside the bundle), and fall back to espree,
// saying so once, where the binding is missing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, REPO_ROOT } from './support/lsp-client';

const DIST = path.join(REPO_ROOT, 'packages', 'vscode-extension', 'dist');
const FALLBACK = /^online-identifiers\/parser: .* parsed with espree instead/;
// JSX with a character reference: the entity table is loaded on the way.
const TEXT = 'export const handler = (req) => {\n  console.log(req.ip);\n  return <p title="a &amp; b">x &lt; y</p>;\n};\n';

const installed: string[] = [];

/** The bundle and, with `native`, the parser binding, in a fresh directory outside the repository. */
function installBundle(native: boolean): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'oi-vsix-'));
  installed.push(directory);
  fs.copyFileSync(path.join(DIST, 'server.js'), path.join(directory, 'server.js'));
  if (native) for (const name of fs.readdirSync(DIST).filter((file) => file.endsWith('.node'))) fs.copyFileSync(path.join(DIST, name), path.join(directory, name));
  return path.join(directory, 'server.js');
}

describe("the editor's server bundle, installed without node_modules", function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async function () {
    if (client) await client.kill();
    client = undefined;
  });
  after(function () {
    for (const directory of installed.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });

  it('ships the native parser binding for this platform beside the bundle', function () {
    assert.ok(fs.existsSync(path.join(DIST, 'server.js')), 'build first: npm run build');
    const natives = fs.readdirSync(DIST).filter((file) => file.endsWith('.node'));
    assert.equal(natives.length, 1, natives.join(', '));
    assert.ok(natives[0]!.startsWith(`parser.${process.platform}-${process.arch}`), natives[0]);
  });

  it('parses with the fast parser: findings, and no fallback to espree', async function () {
    const serverBin = installBundle(true);
    assert.ok(!fs.existsSync(path.join(path.dirname(serverBin), 'node_modules')) && !serverBin.startsWith(REPO_ROOT));
    client = await LspClient.start({ serverBin, nodeArgs: ['--v8-pool-size=1'] });
    const uri = await client.open('a.jsx', TEXT, 'javascriptreact');
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(published.diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}`), ['1:14 online-identifiers/no-unclassified-logging']);
    // A second document after the first: a fallback would have been logged by now.
    const other = await client.open('b.tsx', 'export const f = (req: { ip: string }) => <b>{req.ip}</b>;\n', 'typescriptreact');
    await client.diagnosticsFor(other, 1);
    assert.deepEqual(client.logs.filter((log) => FALLBACK.test(log.message)).map((log) => log.message), []);
  });

  it('falls back to espree without the binding, says so once, and still reports', async function () {
    client = await LspClient.start({ serverBin: installBundle(false), nodeArgs: ['--v8-pool-size=1'] });
    const uri = await client.open('a.jsx', TEXT, 'javascriptreact');
    const published = await client.diagnosticsFor(uri, 1);
    assert.equal(published.diagnostics.length, 1);
    const said = await client.message((log) => FALLBACK.test(log.message), 'the fallback line');
    assert.match(said.message, /oxc-parser could not be loaded/);
  });
});
