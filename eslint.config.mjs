// The repo lints itself: typescript-eslint's type-checked rules everywhere,
// eslint-plugin-eslint-plugin on the rules package, no stdout in the server,
// and our own recommended config (dogfooding) once the plugin is built.
import { createRequire } from 'node:module';
import tseslint from 'typescript-eslint';
import eslintPlugin from 'eslint-plugin-eslint-plugin';

const require = createRequire(import.meta.url);

function ownPlugin() {
  try {
    return require('./packages/eslint-plugin/dist/index.js');
  } catch {
    return undefined; // not built yet: `npm run build` first
  }
}
const own = ownPlugin();

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/out/**',
      '**/node_modules/**',
      '**/fixtures/**',
      'examples/**',
      '.test-output/**',
      '.cache/**',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  {
    files: ['packages/*/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/eslint-plugin/src/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['packages/language-server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  // The plugin's config carries its own `files` (every JS/TS extension): ours come after it, so only sources are linted.
  ...(own?.configs?.recommended ? [{ ...own.configs.recommended, files: ['packages/*/src/**/*.ts'] }] : []),
);
