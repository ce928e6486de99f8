import type { TSESLint } from '@typescript-eslint/utils';
import noUnclassifiedLogging from './rules/no-unclassified-logging';

// Read at runtime so the published version and meta.version never drift.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const rules = {
  'no-unclassified-logging': noUnclassifiedLogging,
};

interface Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: { recommended: TSESLint.FlatConfig.Config; strict: TSESLint.FlatConfig.Config };
}

const plugin: Plugin = {
  meta: { name, version },
  rules,
  configs: {} as Plugin['configs'],
};

const pluginForConfigs = plugin as unknown as TSESLint.FlatConfig.Plugin;

// Works on syntax alone: any parser, no type information.
plugin.configs.recommended = {
  name: 'online-identifiers/recommended',
  plugins: { 'online-identifiers': pluginForConfigs },
  rules: {
    'online-identifiers/no-unclassified-logging': 'error',
  },
};

// Adds type-aware checks when the file is linted with type information
// (typescript-eslint `parserOptions.projectService`); falls back to syntax otherwise.
plugin.configs.strict = {
  name: 'online-identifiers/strict',
  plugins: { 'online-identifiers': pluginForConfigs },
  rules: {
    'online-identifiers/no-unclassified-logging': ['error', { typeAware: true }],
  },
};

export = plugin;
