// @microsoft/eslint-formatter-sarif ships no types: it is an ESLint formatter function.
declare module '@microsoft/eslint-formatter-sarif' {
  import type { ESLint } from 'eslint';
  function formatSarif(results: ESLint.LintResult[], data?: { rulesMeta?: Record<string, unknown> }): string;
  export = formatSarif;
}
