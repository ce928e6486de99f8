import { ESLintUtils } from '@typescript-eslint/utils';

/** Documentation metadata every rule of this plugin carries. */
export interface RuleDocs {
  /** Whether `configs.recommended` enables the rule. */
  recommended?: boolean;
  /** Whether the rule uses type information when `configs.strict` provides it. */
  requiresTypeChecking?: boolean;
}

const DOCS_BASE = 'https://github.com/online-identifiers/online-identifiers/blob/main/packages/eslint-plugin/docs/rules';

/** Rule id in, docs URL out: no rule repeats its URL. */
export const createRule = ESLintUtils.RuleCreator<RuleDocs>((name) => `${DOCS_BASE}/${name}.md`);
