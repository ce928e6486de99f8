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
const ruleCreator = ESLintUtils.RuleCreator<RuleDocs>((name) => `${DOCS_BASE}/${name}.md`);

/** Merged options kept per rule; past this many distinct option sets the oldest go (a config has a handful). */
const MAX_OPTION_SETS = 64;

/**
 * typescript-eslint's RuleCreator (docs URL from the rule's name), except
 * that the options with defaults applied (`applyDefault`, which clones the
 * defaults with structuredClone on every call) are merged once per distinct
 * `context.options` and handed to every file's `create` as the same frozen
 * object: per-options caches (resolveSettings) then hit by identity. A rule
 * that tried to change its options would throw (modules are strict).
 *
 * @param rule the rule as RuleCreator takes it (`name`, `meta` with `defaultOptions`, `create(context, options)`)
 * @returns the rule module, with RuleCreator's `meta`, `name` and `defaultOptions`
 */
export const createRule = (<Options extends readonly unknown[], MessageIds extends string>(
  rule: Parameters<typeof ruleCreator<Options, MessageIds>>[0],
): ReturnType<typeof ruleCreator<Options, MessageIds>> => {
  const created = ruleCreator(rule);
  const defaults = (rule.meta.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  return {
    ...created,
    create(context) {
      const key = JSON.stringify(context.options);
      let options: Options | undefined = merged.get(key);
      if (options === undefined) {
        const fresh = deepFreeze(ESLintUtils.applyDefault(defaults, context.options as Options | null) as Options);
        if (merged.size >= MAX_OPTION_SETS) merged.delete(merged.keys().next().value!);
        merged.set(key, fresh);
        options = fresh;
      }
      return rule.create(context, options);
    },
  };
}) as typeof ruleCreator;

/** `value` with every object and array in it frozen. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
