// Real-editor test: headless Neovim (Debian's 0.7) runs the language server through its own
// built-in LSP client and applies the preferred quick-fix. The Lua side (neovim/quick-fix.lua)
// drives the editor and records what it saw; this side checks the record and the saved file.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EXPECTED_MESSAGE, EXPECTED_RULE, SERVER_BIN } from './support/paths';
import { copyFixtureWorkspace } from './support/temp-workspace';
import { skipBecause } from './support/skip';

const LUA_SCRIPT = path.join(__dirname, 'neovim', 'quick-fix.lua');

interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  message: string;
  source: string;
  code: string;
}

interface NeovimReport {
  steps: string[];
  error?: string;
  diagnostics?: LspDiagnostic[];
  actions?: { title: string; kind: string; isPreferred: boolean }[];
  applied?: string;
  diagnosticsAfterFix?: LspDiagnostic[];
  exit?: { code: number; signal: number };
}

function nvimVersion(): string | undefined {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.split('\n')[0] : undefined;
}

/** Runs nvim to completion (or kills it after `timeoutMs`), collecting its output. */
function runNeovim(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      output += `\n[test] nvim killed after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('e2e: Neovim built-in LSP client', function () {
  this.timeout(120_000);
  let version: string | undefined;

  before(function () {
    version = nvimVersion();
    if (!version) {
      // .ci/run installs neovim (scripts/e2e/setup.sh), so CI always runs this test.
      skipBecause(this, 'Neovim (nvim) is not installed: run `bash scripts/e2e/setup.sh`');
    }
    assert.ok(existsSync(SERVER_BIN), `${SERVER_BIN} is missing: run \`npm run build\` first`);
  });

  const cases = [
    {
      name: 'CommonJS JavaScript',
      fixture: 'workspace',
      file: 'src/login.js',
      message: EXPECTED_MESSAGE,
      // `req.ip` in `  logger.info(\`login attempt from ${req.ip}\`);` (line 8).
      range: { start: { line: 7, character: 36 }, end: { line: 7, character: 42 } },
      fixed: /logger\.info\(`login attempt from \$\{redact\.ip\(req\.ip\)\}`\);/,
      imported: /^const \{ redact \} = require\('@online-identifiers\/redact'\);$/m,
    },
    {
      name: 'TypeScript with ES modules',
      fixture: 'typescript-workspace',
      file: 'src/audit.ts',
      message: EXPECTED_MESSAGE,
      // `req.ip` in `  logger.info({ client: req.ip }, 'login attempt');` (line 5).
      range: { start: { line: 4, character: 24 }, end: { line: 4, character: 30 } },
      fixed: /logger\.info\(\{ client: redact\.ip\(req\.ip\) \}, 'login attempt'\);/,
      imported: /^import \{ redact \} from '@online-identifiers\/redact';$/m,
    },
  ];

  for (const testCase of cases) {
    it(`${testCase.name}: shows the finding and applies the preferred quick-fix (redact) through the LSP client`, async () => {
      const workspace = copyFixtureWorkspace('oi-nvim-', testCase.fixture);
      try {
        const file = path.join(workspace.dir, testCase.file);
        const reportPath = path.join(workspace.dir, '..', 'report.json');
        const { code, output } = await runNeovim(
          ['--headless', '--clean', '-c', `luafile ${LUA_SCRIPT}`, file],
          { ...process.env, OI_SERVER: SERVER_BIN, OI_ROOT: workspace.dir, OI_REPORT: reportPath },
          90_000,
        );
        const report = existsSync(reportPath)
          ? (JSON.parse(readFileSync(reportPath, 'utf8')) as NeovimReport)
          : undefined;
        const context = `${version}, exit ${code}\nreport: ${JSON.stringify(report, null, 2)}\noutput:\n${output}`;
        assert.equal(report?.error, undefined, context);
        assert.equal(code, 0, context);
        assert.deepEqual(report?.steps, ['started', 'diagnostics', 'code actions', 'applied and written', 'finding gone', 'stopped'], context);

        // The finding, as Neovim received it.
        assert.equal(report.diagnostics?.length, 1, context);
        const [diagnostic] = report.diagnostics;
        assert.equal(diagnostic.message, testCase.message);
        assert.equal(diagnostic.source, 'online-identifiers');
        assert.equal(diagnostic.code, EXPECTED_RULE);
        assert.equal(diagnostic.severity, 1, 'error, the built-in default');
        assert.deepEqual(diagnostic.range, testCase.range);

        // Exactly one preferred quick-fix, and it is the one applied.
        const preferred = report.actions?.filter((action) => action.isPreferred) ?? [];
        assert.equal(preferred.length, 1, context);
        assert.match(preferred[0].title, /redact/i);
        assert.equal(report.applied, preferred[0].title);
        assert.deepEqual(report.diagnosticsAfterFix, [], context);
        assert.equal(report.exit?.code, 0, 'the server exits with 0 after shutdown/exit');

        // What Neovim wrote to disk.
        const saved = readFileSync(file, 'utf8');
        assert.match(saved, testCase.fixed, saved);
        assert.match(saved, testCase.imported, saved);
        assert.equal(saved.match(/@online-identifiers\/redact/g)?.length, 1, 'one import, not two');
      } finally {
        workspace.remove();
      }
    });
  }
});
