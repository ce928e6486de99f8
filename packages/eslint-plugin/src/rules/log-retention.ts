import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  RETENTION_MODULE_MARKERS,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  RETENTION_SUGGESTED_DAYS,
  SECURITY_LOG_WORDS,
} from '../catalog';
import { fileAnalysis, releasingAnalysis } from '../analysis';
import { splitWords } from '../analysis/names';
import { RetentionReader, type Retention, type RetentionFix } from '../analysis/retention';
import { SUGGESTION_MESSAGES } from '../fixes';
import { createRule } from '../util/create-rule';
import { DEFAULT_ANALYSIS_OPTIONS, guarded } from '../util/flow-rule';
import { tokenSource } from '../util/tokens';

/** The rule's own options: the policy's bounds and extra words that mark a security log. */
export interface RuleOptions {
  /** Shortest retention, in days, for a security or audit log (default 90). */
  readonly minDays?: number;
  /** Longest retention, in days, for any log (default 731: two years, as CloudWatch counts them). */
  readonly maxDays?: number;
  /** Words that mark a security log in its name, file name, log group name or label, beyond the built-in ones. */
  readonly securityLogWords?: readonly string[];
}

export type Options = [RuleOptions];
export type MessageIds = 'tooLong' | 'unbounded' | 'tooShort' | 'suggestRetention' | keyof typeof SUGGESTION_MESSAGES;

// Retention findings carry no identifier kind, so no message starts with a kind label.
const BOUNDS = "the policy's 90 days to 2 years ({{minDays}} to {{maxDays}} days)";

export default createRule<Options, MessageIds>({
  name: 'log-retention',
  meta: {
    type: 'problem',
    docs: {
      description: 'Enforce log rotation and retention between 90 days and 2 years, and a limit on every rotating log',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      tooLong: `Log retention of {{days}} days ({{setting}}) is outside ${BOUNDS}: raw logs are kept at most 2 years without explicit approval`,
      unbounded: `Log retention is unbounded ({{setting}}), outside ${BOUNDS}: raw logs are kept at most 2 years without explicit approval`,
      tooShort: `Log retention of {{days}} days ({{setting}}) is outside ${BOUNDS} for a security log (named {{name}}): security logs are kept at least 90 days`,
      suggestRetention: 'Keep logs {{days}} days: {{change}}',
      // The plugin's meta-test asks every rule for the flow rules' suggestion messages; this rule offers its own.
      ...SUGGESTION_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        description: 'The retention bounds and what marks a security log.',
        additionalProperties: false,
        properties: {
          minDays: {
            type: 'integer',
            minimum: 0,
            description: 'Shortest retention, in days, for a log that is a security or audit log by name (default 90).',
          },
          maxDays: {
            type: 'integer',
            minimum: 1,
            description: 'Longest retention, in days, for any log (default 731: two years, as CloudWatch RetentionDays.TWO_YEARS counts them).',
          },
          securityLogWords: {
            type: 'array',
            description:
              'Extra words that mark a security log in its name, file name, log group name or label (built in: security, audit, siem, fraud, intrusion).',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ minDays: RETENTION_MIN_DAYS, maxDays: RETENTION_MAX_DAYS, securityLogWords: [] }],
  },
  create(context, [options]) {
    const minDays = options.minDays ?? RETENTION_MIN_DAYS;
    const maxDays = Math.max(options.maxDays ?? RETENTION_MAX_DAYS, minDays);
    const words = new Set([...SECURITY_LOG_WORDS, ...(options.securityLogWords ?? []).flatMap(splitWords)]);
    const target = Math.min(Math.max(RETENTION_SUGGESTED_DAYS, minDays), maxDays);
    // Most files configure no log rotation: skip them before any scope question.
    const text = context.sourceCode.text;
    if (!RETENTION_MODULE_MARKERS.some((marker) => text.includes(marker))) return {};
    // The shared resolver (scope questions); the tracer is not used here.
    const { resolver } = fileAnalysis(context, DEFAULT_ANALYSIS_OPTIONS);
    const reader = new RetentionReader(context.sourceCode, resolver);

    function check(retention: Retention): void {
      const { setting } = retention;
      const days = retention.days === undefined ? undefined : Number(retention.days.toFixed(2));
      const suggest = suggestions(retention.fix);
      if (days === undefined) {
        context.report({ node: retention.node, messageId: 'unbounded', data: { setting, minDays, maxDays }, suggest });
      } else if (days > maxDays) {
        context.report({ node: retention.node, messageId: 'tooLong', data: { days, setting, minDays, maxDays }, suggest });
      } else if (days < minDays) {
        const name = retention.names.find((text) => splitWords(text).some((word) => words.has(word)));
        if (name === undefined) return;
        context.report({ node: retention.node, messageId: 'tooShort', data: { days, setting, minDays, maxDays, name: JSON.stringify(name) }, suggest });
      }
    }

    function suggestions(fix: RetentionFix | undefined): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!fix) return [];
      const text = fix.text(target);
      return [
        {
          messageId: 'suggestRetention',
          data: { days: String(target), change: fix.how === 'insert' ? `add ${text}` : `set ${text}` },
          fix: (fixer) => (fix.how === 'insert' ? insertProperty(context.sourceCode, fixer, fix.node, text) : fixer.replaceText(fix.node, text)),
        },
      ];
    }

    const visit = guarded((node: TSESTree.NewExpression | TSESTree.CallExpression) => {
      for (const retention of reader.retentionsOf(node)) check(retention);
    });
    return releasingAnalysis(context, {
      NewExpression: visit,
      CallExpression: visit,
      "ObjectExpression > Property[key.name='target'][value.value='pino-roll']": guarded((property: TSESTree.Property) => {
        if (property.parent.type === AST_NODE_TYPES.ObjectExpression) {
          for (const retention of reader.pinoRollTarget(property.parent)) check(retention);
        }
      }),
    });
  },
});

/** Adds `text` as the last property of an object literal, on a line of its own when the object spans lines. */
function insertProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  fixer: TSESLint.RuleFixer,
  object: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  if (object.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0) {
    return fixer.replaceText(object, `{ ${text} }`);
  }
  const last = object.properties[object.properties.length - 1];
  const after = tokenSource(sourceCode).getTokenAfter(last);
  const trailingComma = after?.value === ',' ? after : undefined;
  if (object.loc.start.line === object.loc.end.line) {
    return trailingComma ? fixer.insertTextAfter(trailingComma, ` ${text},`) : fixer.insertTextAfter(last, `, ${text}`);
  }
  const indent = sourceCode.lines[last.loc.start.line - 1].slice(0, last.loc.start.column);
  return trailingComma
    ? fixer.insertTextAfter(trailingComma, `\n${indent}${text},`)
    : fixer.insertTextAfter(last, `,\n${indent}${text}`);
}
