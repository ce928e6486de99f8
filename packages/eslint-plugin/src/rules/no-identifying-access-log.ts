import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { fileAnalysis, releasingAnalysis } from '../analysis';
import { AccessLogFinder, mentionsAccessLogModule, property, type AccessLogFinding, type AccessLogFix } from '../analysis/access-log';
import type { AnalysisOptions } from '../analysis/settings';
import { EXPRESS_WINSTON_RUNTIME, KINDS, MORGAN_RUNTIME, PINO_RUNTIME } from '../catalog';
import { SUGGESTION_MESSAGES } from '../fixes';
import { ensureBinding } from '../fixes/imports';
import { createRule } from '../util/create-rule';
import { ANALYSIS_OPTION_PROPERTIES, DEFAULT_ANALYSIS_OPTIONS, guarded, reportFlows } from '../util/flow-rule';
import { tokenSource } from '../util/tokens';

/** The rule's options are the analysis options (which kinds, extra sources and sanitizers, the runtime module). */
export type RuleOptions = AnalysisOptions;

export type Options = [RuleOptions];

const FIX_MESSAGES = {
  suggestMorganFormat:
    'Use morganFormat(…) from {{module}}: the same line, with addresses, users, user agents and identifying headers treated',
  suggestSerializers: 'Add the serializers from {{module}}: every request field treated by its name',
  suggestRedactOptions: 'Add redact: redactOptions from {{module}}: addresses, cookies and credentials treated before they are written',
  suggestHeaderBlacklist: 'Add headerBlacklist from {{module}}: identifying headers are left out of the request metadata',
  suggestRequestFilter: 'Add requestFilter from {{module}}: whitelisted identifier fields are treated by name',
} as const;

export type MessageIds = 'recorded' | 'tokenUnclassified' | 'unkeyedHash' | keyof typeof SUGGESTION_MESSAGES | keyof typeof FIX_MESSAGES;

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

export default createRule<Options, MessageIds>({
  name: 'no-identifying-access-log',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow access-log middleware (morgan, pino-http, hapi-pino, Fastify, express-winston) whose format or defaults record online identifiers',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    messages: {
      recorded: '{{label}} is recorded by {{recorder}} ({{fields}}) in every access log line without classification',
      tokenUnclassified: '{{label}} from {{origin}} reaches {{sink}} without classification',
      unkeyedHash:
        '{{label}} from {{origin}} reaches {{sink}} through an unkeyed hash, which is not classification: an unkeyed hash of an IP address can be reversed by brute force (the whole IPv4 space is hashed in minutes); use pseudonymize() (a keyed HMAC) or redact.ip()',
      ...SUGGESTION_MESSAGES,
      ...FIX_MESSAGES,
    },
    schema: [
      {
        type: 'object',
        description: 'What counts as an identifier and a sanitizer, beyond the built-in catalog.',
        additionalProperties: false,
        properties: { ...ANALYSIS_OPTION_PROPERTIES },
      },
    ],
    defaultOptions: [{ ...DEFAULT_ANALYSIS_OPTIONS }],
  },
  create(context, [options]) {
    if (!mentionsAccessLogModule(context.sourceCode.text)) return {};
    const analysis = fileAnalysis(context, options);
    const finder = new AccessLogFinder(analysis.settings, analysis.resolver);
    const runtime = analysis.settings.redactModule;
    const report = (findings: readonly AccessLogFinding[]): void => {
      for (const finding of findings) {
        const label = KINDS[finding.kind].label;
        context.report({
          node: finding.node,
          messageId: 'recorded',
          data: { label: label.charAt(0).toUpperCase() + label.slice(1), recorder: finding.recorder, fields: finding.fields },
          suggest: [suggestion(context, finding.fix, runtime)],
        });
      }
    };
    return releasingAnalysis(context, {
      CallExpression: guarded((node: TSESTree.CallExpression) => {
        report(finder.callFindings(node));
        const token = finder.morganToken(node);
        if (token) {
          const returns = analysis.resolver.returnsOf(token.fn);
          reportFlows(context, analysis, { sink: `morgan token :${token.name}`, args: returns }, 'tokenUnclassified', 'unkeyedHash');
        }
      }),
      ObjectExpression: guarded((node: TSESTree.ObjectExpression) => {
        report(finder.pluginFindings(node));
      }),
    });
  },
});

/** The one quick-fix of a configuration finding: the runtime's treatment for that library. */
function suggestion(context: Context, fix: AccessLogFix, runtime: string): TSESLint.SuggestionReportDescriptor<MessageIds> {
  const sourceCode = context.sourceCode;
  const bind = (subpath: string, exportName: string, at: TSESTree.Node) =>
    ensureBinding(sourceCode, sourceCode.getScope(at), `${runtime}/${subpath}`, exportName);
  const withImport = (binding: ReturnType<typeof bind>, fixer: Fixer, edits: Fix[]): Fix[] =>
    binding.fix ? [binding.fix(fixer), ...edits] : edits;
  switch (fix.type) {
    case 'morgan-format':
    case 'morgan-default': {
      const module = `${runtime}/${MORGAN_RUNTIME.subpath}`;
      return {
        messageId: 'suggestMorganFormat',
        data: { module },
        fix: (fixer) => {
          const at = fix.type === 'morgan-format' ? fix.target : fix.call;
          const binding = bind(MORGAN_RUNTIME.subpath, MORGAN_RUNTIME.export, at);
          if (fix.type === 'morgan-default') {
            const q = binding.quote;
            const close = tokenSource(sourceCode).getLastToken(fix.call);
            return withImport(binding, fixer, close ? [fixer.insertTextBefore(close, `${binding.reference}(${q}default${q})`)] : []);
          }
          const text = sourceCode.getText(fix.target);
          return withImport(binding, fixer, [fixer.replaceText(fix.replace ?? fix.target, `${binding.reference}(${text})`)]);
        },
      };
    }
    case 'pino': {
      const module = `${runtime}/${PINO_RUNTIME.subpath}`;
      const useSerializers = fix.logger.fix === 'serializers';
      return {
        messageId: useSerializers ? 'suggestSerializers' : 'suggestRedactOptions',
        data: { module },
        fix: (fixer) => {
          const binding = bind(PINO_RUNTIME.subpath, useSerializers ? PINO_RUNTIME.serializers : PINO_RUNTIME.redact, fix.at);
          return withImport(binding, fixer, pinoEdits(context, fixer, fix, binding.reference));
        },
      };
    }
    case 'express-winston': {
      const module = `${runtime}/${EXPRESS_WINSTON_RUNTIME.subpath}`;
      const blacklist = fix.option === 'headerBlacklist';
      return {
        messageId: blacklist ? 'suggestHeaderBlacklist' : 'suggestRequestFilter',
        data: { module },
        fix: (fixer) => {
          const binding = bind(EXPRESS_WINSTON_RUNTIME.subpath, fix.option, fix.call);
          const existing = fix.options && property(fix.options, fix.option);
          if (blacklist && existing?.value.type === AST_NODE_TYPES.ArrayExpression) {
            // keep the user's names, add the runtime's
            return withImport(binding, fixer, [appendElement(fixer, existing.value, `...${binding.reference}`)]);
          }
          const entry = propertyText(fix.option, binding.reference);
          return withImport(binding, fixer, fix.options ? [addProperty(fixer, fix.options, entry)] : []);
        },
      };
    }
  }
}

/** The edits that give a pino-based logger the runtime's serializers (`reference`) or redact options. */
function pinoEdits(context: Context, fixer: Fixer, fix: Extract<AccessLogFix, { type: 'pino' }>, reference: string): Fix[] {
  const sourceCode = context.sourceCode;
  const { logger, at, options } = fix;
  const useSerializers = logger.fix === 'serializers';
  const setting = useSerializers ? propertyText('serializers', reference) : propertyText('redact', reference);
  // Fastify: `logger: true` becomes pino options
  if (at.type === AST_NODE_TYPES.Property) {
    return options ? [addToPino(fixer, options, reference, useSerializers)] : [fixer.replaceText(at.value, `{ ${setting} }`)];
  }
  // hapi-pino
  if (logger.form === 'plugin') {
    if (at.type === AST_NODE_TYPES.ObjectExpression) {
      return options ? [addToPino(fixer, options, reference, useSerializers)] : [addProperty(fixer, at, `options: { ${setting} }`, true)];
    }
    const argument = at.arguments[0];
    return argument ? [fixer.replaceText(argument, `{ plugin: ${sourceCode.getText(argument)}, options: { ${setting} } }`)] : [];
  }
  if (at.type !== AST_NODE_TYPES.CallExpression) return [];
  const wrapped = logger.pinoOptions ? `${logger.pinoOptions}: { ${setting} }` : setting;
  if (!options) {
    const close = tokenSource(sourceCode).getLastToken(at);
    return close ? [fixer.insertTextBefore(close, `{ ${wrapped} }`)] : [];
  }
  if (logger.pinoOptions) {
    const nested = property(options, logger.pinoOptions);
    const value = nested?.value;
    if (value?.type === AST_NODE_TYPES.ObjectExpression) return [addToPino(fixer, value, reference, useSerializers)];
    return [addProperty(fixer, options, wrapped)];
  }
  return [addToPino(fixer, options, reference, useSerializers)];
}

/** Adds the runtime's serializers or redact options to pino's own options literal, keeping what is there. */
function addToPino(fixer: Fixer, pino: TSESTree.ObjectExpression, reference: string, useSerializers: boolean): Fix {
  if (useSerializers) {
    const serializers = property(pino, 'serializers')?.value;
    // the user's serializers stay; the runtime's request serializer joins them
    if (serializers?.type === AST_NODE_TYPES.ObjectExpression) return addProperty(fixer, serializers, `req: ${reference}.req`);
    return addProperty(fixer, pino, propertyText('serializers', reference));
  }
  const redact = property(pino, 'redact')?.value;
  if (redact?.type === AST_NODE_TYPES.ArrayExpression) return appendElement(fixer, redact, `...${reference}.paths`);
  const paths = redact?.type === AST_NODE_TYPES.ObjectExpression ? property(redact, 'paths')?.value : undefined;
  if (paths?.type === AST_NODE_TYPES.ArrayExpression) return appendElement(fixer, paths, `...${reference}.paths`);
  return addProperty(fixer, pino, propertyText('redact', reference));
}

function propertyText(name: string, reference: string): string {
  return name === reference ? name : `${name}: ${reference}`;
}

/** Inserts `entry` as the first property of an object literal (last with `last`). */
function addProperty(fixer: Fixer, object: TSESTree.ObjectExpression, entry: string, last = false): Fix {
  if (object.properties.length === 0) return fixer.replaceText(object, `{ ${entry} }`);
  if (last) {
    const final = object.properties[object.properties.length - 1] as TSESTree.Node;
    return fixer.insertTextAfter(final, `, ${entry}`);
  }
  return fixer.insertTextBefore(object.properties[0], `${entry}, `);
}

/** Appends `element` to an array literal. */
function appendElement(fixer: Fixer, array: TSESTree.ArrayExpression, element: string): Fix {
  const last = array.elements[array.elements.length - 1];
  if (!last) return fixer.replaceText(array, `[${element}]`);
  return fixer.insertTextAfter(last, `, ${element}`);
}
