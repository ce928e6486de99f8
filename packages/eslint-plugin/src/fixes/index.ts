import { ASTUtils, AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Kind } from '../catalog';
import { ensureBinding, type Binding } from './imports';
import { tokenSource } from '../util/tokens';

export const SUGGESTION_MESSAGES = {
  suggestRedact: 'Redact: wrap in redact.{{kind}}(…) so only a non-identifying form is logged',
  suggestPseudonymize: 'Pseudonymize: wrap in pseudonymize(…) to log a keyed hash instead',
  suggestClassify:
    "Classify for security: wrap in classify(…, '{{kind}}') to keep the raw value, marked as personal data",
} as const;

export type SuggestionMessageId = keyof typeof SUGGESTION_MESSAGES;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The three treatments of POLICY.md §3 as ESLint suggestions, in the order the
 * language server relies on (redact first: it is the preferred quick-fix).
 * A whole request cannot be pseudonymized meaningfully, so it gets two.
 */
export function buildSuggestions(
  context: Context,
  target: TSESTree.Node,
  kind: Kind,
  redactModule: string,
): TSESLint.SuggestionReportDescriptor<SuggestionMessageId>[] {
  let expression: TSESTree.Node = target.type === AST_NODE_TYPES.SpreadElement ? target.argument : target;
  // `req?.ip` is a member inside a ChainExpression: the chain is the value (and its parentheses are the call's).
  while (expression.parent?.type === AST_NODE_TYPES.ChainExpression) expression = expression.parent;
  const suggestions: TSESLint.SuggestionReportDescriptor<SuggestionMessageId>[] = [
    {
      messageId: 'suggestRedact',
      data: { kind },
      fix: wrapWith(context, expression, redactModule, 'redact', (callee, text) => `${callee}.${kind}(${text})`),
    },
  ];
  if (kind !== 'request') {
    suggestions.push({
      messageId: 'suggestPseudonymize',
      data: { kind },
      fix: wrapWith(context, expression, redactModule, 'pseudonymize', (callee, text) => `${callee}(${text})`),
    });
  }
  suggestions.push({
    messageId: 'suggestClassify',
    data: { kind },
    fix: wrapWith(context, expression, redactModule, 'classify', (callee, text, quote) => {
      return `${callee}(${text}, ${quote}${kind}${quote})`;
    }),
  });
  return suggestions;
}

function wrapWith(
  context: Context,
  expression: TSESTree.Node,
  moduleName: string,
  exportName: string,
  render: (callee: string, argumentText: string, quote: string) => string,
): TSESLint.ReportFixFunction {
  return (fixer) => {
    const sourceCode = context.sourceCode;
    const binding: Binding = ensureBinding(sourceCode, sourceCode.getScope(expression), moduleName, exportName);
    // Parentheses around the value move inside the call: `((a, b))` -> `redact.ip((a, b))`.
    const range = parenthesizedRange(sourceCode, expression);
    const text = sourceCode.text.slice(range[0], range[1]);
    const argumentText = range === expression.range && expression.type === AST_NODE_TYPES.SequenceExpression
      ? `(${text})`
      : text;
    const call = render(binding.reference, argumentText, binding.quote);
    const parent = expression.parent;
    // `{ ip }` cannot take a call in place: spell the property out.
    const replacement =
      parent?.type === AST_NODE_TYPES.Property && parent.shorthand && parent.value === expression
        ? fixer.replaceText(parent, `${sourceCode.getText(parent.key)}: ${call}`)
        : fixer.replaceTextRange(range, call);
    return binding.fix ? [binding.fix(fixer), replacement] : [replacement];
  };
}

/** The node's range widened to the parentheses that wrap it (not a call's own). */
function parenthesizedRange(sourceCode: Context['sourceCode'], node: TSESTree.Node): TSESTree.Range {
  const tokens = tokenSource(sourceCode);
  let range = node.range;
  let depth = 1;
  // eslint-utils asks only getTokenBefore/After and getFirstToken, which the token source answers as SourceCode does.
  while (ASTUtils.isParenthesized(depth, node, tokens as unknown as Context['sourceCode'])) depth++;
  for (let i = 1; i < depth; i++) {
    const before = tokens.getTokenBefore({ range });
    const after = tokens.getTokenAfter({ range });
    if (!before || !after) break;
    range = [before.range[0], after.range[1]];
  }
  return range;
}
