// The manifest (package.json) is the extension's contract with VS Code: these checks keep it in
// step with the client code and the language server's settings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLIENT_ID, COMMANDS, LANGUAGES, SERVER_DEBUG_PORT, SETTINGS_SECTION } from '../src/contract';

const packageDir = path.resolve(__dirname, '..');
const read = (file: string): string => readFileSync(path.join(packageDir, file), 'utf8');

interface Manifest {
  publisher: string;
  engines: { vscode: string };
  main: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; description?: string } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: {
      properties: Record<string, { type: string; default: unknown; enum?: string[]; description?: string; scope?: string }>;
    };
  };
  scripts: Record<string, string>;
}

const manifest = JSON.parse(read('package.json')) as Manifest;

describe('vscode-extension manifest', () => {
  it('requires the VS Code version vscode-languageclient requires', () => {
    // The client library's package.json is not exported; read it from disk.
    const clientPackage = JSON.parse(
      readFileSync(path.join(path.dirname(require.resolve('vscode-languageclient')), '..', '..', 'package.json'), 'utf8'),
    ) as { engines: { vscode: string } };
    assert.equal(manifest.engines.vscode, clientPackage.engines.vscode);
    assert.equal(manifest.engines.vscode, '^1.91.0');
  });

  it('activates on exactly the languages the client hands to the server', () => {
    assert.deepEqual(manifest.activationEvents, LANGUAGES.map((language) => `onLanguage:${language}`));
  });

  it('declares limited support for untrusted workspaces, with a reason', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description ?? '', /untrusted workspace/);
  });

  it('contributes the user-facing commands, and not the internal show-documentation one', () => {
    assert.deepEqual(
      manifest.contributes.commands.map(({ command }) => command),
      [COMMANDS.scanWorkspace, COMMANDS.restartServer, COMMANDS.showOutput],
    );
    for (const { title, category } of manifest.contributes.commands) {
      assert.equal(category, 'Online Identifiers');
      assert.ok(title.length > 0);
    }
  });

  it('contributes every setting of the server with a default, a description and its enum', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(properties).sort(), [
      `${SETTINGS_SECTION}.enable`,
      `${SETTINGS_SECTION}.redactModule`,
      `${SETTINGS_SECTION}.run`,
      `${SETTINGS_SECTION}.severity`,
      // vscode-languageclient reads `<client id>.trace.server`.
      `${CLIENT_ID}.trace.server`,
    ]);
    for (const [key, property] of Object.entries(properties)) {
      assert.ok(property.description && property.description.length > 20, `${key} has a description`);
      assert.equal(typeof property.default, property.type, `${key} default matches its type`);
      if (property.enum) assert.ok(property.enum.includes(property.default as string), `${key} default is in its enum`);
    }
    assert.deepEqual(properties[`${SETTINGS_SECTION}.run`].enum, ['onType', 'onSave']);
    assert.deepEqual(properties[`${SETTINGS_SECTION}.severity`].enum, ['default', 'error', 'warning', 'information', 'hint']);
    assert.deepEqual(properties[`${CLIENT_ID}.trace.server`].enum, ['off', 'messages', 'verbose']);
  });

  it('documents every setting and command in the README', () => {
    const readme = read('README.md');
    for (const key of Object.keys(manifest.contributes.configuration.properties)) {
      assert.ok(readme.includes(`\`${key}\``), `README mentions ${key}`);
    }
    for (const { title } of manifest.contributes.commands) {
      assert.ok(readme.includes(`Online Identifiers: ${title}`), `README mentions the command "${title}"`);
    }
    assert.match(readme, /untrusted/i);
  });

  it('packages the bundles and the docs only', () => {
    assert.equal(manifest.main, 'dist/extension.js');
    assert.match(manifest.scripts.package, /vsce package --no-dependencies --out online-identifiers\.vsix/);
    const kept = read('.vscodeignore')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .sort();
    assert.deepEqual(kept, ['!CHANGELOG.md', '!LICENSE', '!README.md', '!dist/*.node', '!dist/extension.js', '!dist/server.js', '!package.json']);
  });

  it('launch.json attaches to the port the client opens for the server in development mode', () => {
    // launch.json is JSON with line comments.
    const text = readFileSync(path.join(packageDir, '..', '..', '.vscode', 'launch.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const launch = JSON.parse(text) as { configurations: { name: string; type: string; port?: number; preLaunchTask?: string }[] };
    const attach = launch.configurations.find(({ type, port }) => type === 'node' && port !== undefined);
    assert.equal(attach?.port, SERVER_DEBUG_PORT);
    const run = launch.configurations.find(({ type }) => type === 'extensionHost');
    assert.ok(run?.preLaunchTask, 'the extension host launch builds first');
    const tasks = JSON.parse(
      readFileSync(path.join(packageDir, '..', '..', '.vscode', 'tasks.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    ) as { tasks: { label: string }[] };
    assert.ok(tasks.tasks.some(({ label }) => label === run.preLaunchTask), `tasks.json defines "${run.preLaunchTask}"`);
  });
});
