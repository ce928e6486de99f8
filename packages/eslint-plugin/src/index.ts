import type { TSESLint } from '@typescript-eslint/utils';
import { LINTED_EXTENSIONS, parser } from './parser';
import noUnclassifiedLogging from './rules/no-unclassified-logging';
import noIdentifyingAccessLog from './rules/no-identifying-access-log';
import noUnclassifiedTelemetry from './rules/no-unclassified-telemetry';
import noIdentifiersInMetrics from './rules/no-identifiers-in-metrics';
import logRetention from './rules/log-retention';

// Read at runtime so the published version and meta.version never drift.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { name, version } = require('../package.json') as { name: string; version: string };

const PREFIX = 'online-identifiers';

const rules = {
  'no-unclassified-logging': noUnclassifiedLogging,
  'no-identifying-access-log': noIdentifyingAccessLog,
  'no-unclassified-telemetry': noUnclassifiedTelemetry,
  'no-identifiers-in-metrics': noIdentifiersInMetrics,
  'log-retention': logRetention,
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

const asPlugin = plugin as unknown as TSESLint.FlatConfig.Plugin;

// Configs come from rule metadata: every rule marked `recommended` is on in
// both; `strict` also turns on the type-aware checks of rules that have them.
const recommendedIds = Object.entries(rules)
  .filter(([, rule]) => rule.meta.docs?.recommended === true)
  .map(([id]) => id);

function hasTypeAwareOption(id: keyof typeof rules): boolean {
  const schema = rules[id].meta.schema;
  const first = Array.isArray(schema) ? (schema[0] as { properties?: Record<string, unknown> } | undefined) : undefined;
  return first?.properties?.typeAware !== undefined;
}

// Both configs lint TypeScript as well as JavaScript out of the box (ESLint
// alone lints only .js/.mjs/.cjs, and espree fails on TypeScript syntax);
// the parser sends TypeScript files to typescript-eslint's parser, so they
// compose with typescript-eslint's configs in either order.
const files = [`**/*.{${LINTED_EXTENSIONS.join(',')}}`];
const languageOptions = { parser: parser as TSESLint.FlatConfig.Parser };

// Works on syntax alone: no type information needed.
plugin.configs.recommended = {
  name: `${PREFIX}/recommended`,
  files,
  languageOptions,
  plugins: { [PREFIX]: asPlugin },
  rules: Object.fromEntries(recommendedIds.map((id) => [`${PREFIX}/${id}`, 'error'])),
};

// Adds type-aware checks when the file is linted with type information
// (typescript-eslint `parserOptions.projectService`); falls back to syntax otherwise.
plugin.configs.strict = {
  name: `${PREFIX}/strict`,
  files,
  languageOptions,
  plugins: { [PREFIX]: asPlugin },
  rules: Object.fromEntries(
    recommendedIds.map((id) => [
      `${PREFIX}/${id}`,
      hasTypeAwareOption(id as keyof typeof rules) ? ['error', { typeAware: true }] : 'error',
    ]),
  ),
};

export = plugin;
