import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Says, on stderr and only under `ONLINE_IDENTIFIERS_DEBUG`, that a file
 * used up its analysis budget and where: the lint goes on with what was
 * found so far, so without the switch nothing is printed.
 *
 * @param filename the linted file (ESLint's `context.filename`)
 * @param at the node the analysis stopped at (1-based line, 0-based column, as ESLint reports)
 * @param steps the steps spent, which equals the budget
 */
export function reportExhaustion(filename: string, at: TSESTree.Node, steps: number): void {
  if (!process.env.ONLINE_IDENTIFIERS_DEBUG) return;
  const { line, column } = at.loc.start;
  process.stderr.write(
    `online-identifiers: analysis budget of ${steps} steps used up in ${filename} at ${line}:${column + 1}; values are no longer followed in this file (rule option analysisBudget)\n`,
  );
}
