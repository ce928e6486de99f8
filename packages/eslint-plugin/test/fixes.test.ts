import { RuleTester, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { buildSuggestions, SUGGESTION_MESSAGES, type SuggestionMessageId } from '../src/fixes';
import type { Kind } from '../src/catalog';

// A probe rule: `sink(x)` reports x as an IP address, `sinkRequest(x)` as a
// whole request; an object argument reports its first property's value, so
// the fixes are tested apart from the tracer that picks the target in real rules.
const probe: TSESLint.RuleModule<SuggestionMessageId | 'found', [{ module?: string }?]> = {
  defaultOptions: [],
  meta: {
    type: 'problem',
    hasSuggestions: true,
    messages: { found: 'found', ...SUGGESTION_MESSAGES },
    schema: [{ type: 'object', properties: { module: { type: 'string' } }, additionalProperties: false }],
  },
  create(context) {
    const moduleName = context.options[0]?.module ?? '@online-identifiers/redact';
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const kind: Kind | undefined =
          node.callee.name === 'sink' ? 'ip' : node.callee.name === 'sinkRequest' ? 'request' : undefined;
        const [argument] = node.arguments;
        if (!kind || !argument) return;
        const target =
          argument.type === AST_NODE_TYPES.ObjectExpression && argument.properties[0]?.type === AST_NODE_TYPES.Property
            ? argument.properties[0].value
            : argument;
        context.report({ node: target, messageId: 'found', suggest: buildSuggestions(context, target, kind, moduleName) });
      },
    };
  },
};

const rule = probe as unknown as Rule.RuleModule;
const esm = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const cjs = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' } });
const ts = new RuleTester({ languageOptions: { parser: tsParser, sourceType: 'module' } });

const IMPORT = "import { redact } from '@online-identifiers/redact';";
const IMPORT_P = "import { pseudonymize } from '@online-identifiers/redact';";
const IMPORT_C = "import { classify } from '@online-identifiers/redact';";
const REDACT = 'Redact: wrap in redact.ip(…) so only a non-identifying form is logged';
const PSEUDO = 'Pseudonymize: wrap in pseudonymize(…) to log a keyed hash instead';
const CLASSIFY = "Classify for security: wrap in classify(…, 'ip') to keep the raw value, marked as personal data";

function three(outputs: [string, string, string]) {
  return [
    { desc: REDACT, output: outputs[0] },
    { desc: PSEUDO, output: outputs[1] },
    { desc: CLASSIFY, output: outputs[2] },
  ];
}

describe('fixes: suggestions and imports', () => {
  esm.run('esm', rule, {
    valid: ['other(req.ip);'],
    invalid: [
      {
        code: 'sink(req.ip);',
        errors: [
          {
            messageId: 'found',
            line: 1,
            column: 6,
            endLine: 1,
            endColumn: 12,
            suggestions: three([
              `${IMPORT}\nsink(redact.ip(req.ip));`,
              `${IMPORT_P}\nsink(pseudonymize(req.ip));`,
              `${IMPORT_C}\nsink(classify(req.ip, 'ip'));`,
            ]),
          },
        ],
      },
      {
        name: 'adds after the last import',
        code: "import express from 'express';\nimport pino from 'pino';\n\nsink(req.ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              `import express from 'express';\nimport pino from 'pino';\n${IMPORT}\n\nsink(redact.ip(req.ip));`,
              `import express from 'express';\nimport pino from 'pino';\n${IMPORT_P}\n\nsink(pseudonymize(req.ip));`,
              `import express from 'express';\nimport pino from 'pino';\n${IMPORT_C}\n\nsink(classify(req.ip, 'ip'));`,
            ]),
          },
        ],
      },
      {
        name: 'extends an import of the runtime that lacks the name, reuses one that has it',
        code: "import { classify } from '@online-identifiers/redact';\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import { classify, redact } from '@online-identifiers/redact';\nsink(redact.ip(ip));",
              "import { classify, pseudonymize } from '@online-identifiers/redact';\nsink(pseudonymize(ip));",
              "import { classify } from '@online-identifiers/redact';\nsink(classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'renamed import',
        code: "import { redact as r, pseudonymize as p, classify as c } from '@online-identifiers/redact';\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import { redact as r, pseudonymize as p, classify as c } from '@online-identifiers/redact';\nsink(r.ip(ip));",
              "import { redact as r, pseudonymize as p, classify as c } from '@online-identifiers/redact';\nsink(p(ip));",
              "import { redact as r, pseudonymize as p, classify as c } from '@online-identifiers/redact';\nsink(c(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'namespace import',
        code: "import * as oi from '@online-identifiers/redact';\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import * as oi from '@online-identifiers/redact';\nsink(oi.redact.ip(ip));",
              "import * as oi from '@online-identifiers/redact';\nsink(oi.pseudonymize(ip));",
              "import * as oi from '@online-identifiers/redact';\nsink(oi.classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'default import of the whole module',
        code: "import runtime from '@online-identifiers/redact';\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import runtime from '@online-identifiers/redact';\nsink(runtime.redact.ip(ip));",
              "import runtime from '@online-identifiers/redact';\nsink(runtime.pseudonymize(ip));",
              "import runtime from '@online-identifiers/redact';\nsink(runtime.classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'a local `redact` is not shadowed: the import is renamed',
        code: 'const redact = (x) => x;\nfunction f(pseudonymize) { sink(ip); }',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import { redact as oiRedact } from '@online-identifiers/redact';\nconst redact = (x) => x;\nfunction f(pseudonymize) { sink(oiRedact.ip(ip)); }",
              "import { pseudonymize as oiPseudonymize } from '@online-identifiers/redact';\nconst redact = (x) => x;\nfunction f(pseudonymize) { sink(oiPseudonymize(ip)); }",
              `${IMPORT_C}\nconst redact = (x) => x;\nfunction f(pseudonymize) { sink(classify(ip, 'ip')); }`,
            ]),
          },
        ],
      },
      {
        name: 'shorthand property is spelled out',
        code: 'sink({ ip, path });',
        errors: [
          {
            messageId: 'found',
            column: 8,
            suggestions: three([
              `${IMPORT}\nsink({ ip: redact.ip(ip), path });`,
              `${IMPORT_P}\nsink({ ip: pseudonymize(ip), path });`,
              `${IMPORT_C}\nsink({ ip: classify(ip, 'ip'), path });`,
            ]),
          },
        ],
      },
      {
        name: 'sequence expression keeps its parentheses',
        code: 'sink((a, req.ip));',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              `${IMPORT}\nsink(redact.ip((a, req.ip)));`,
              `${IMPORT_P}\nsink(pseudonymize((a, req.ip)));`,
              `${IMPORT_C}\nsink(classify((a, req.ip), 'ip'));`,
            ]),
          },
        ],
      },
      {
        name: 'spread wraps its argument',
        code: 'sink(...ips);',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              `${IMPORT}\nsink(...redact.ip(ips));`,
              `${IMPORT_P}\nsink(...pseudonymize(ips));`,
              `${IMPORT_C}\nsink(...classify(ips, 'ip'));`,
            ]),
          },
        ],
      },
      {
        name: "matches the file's quotes and semicolons",
        code: 'import express from "express"\nsink(req.ip)',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              'import express from "express"\nimport { redact } from "@online-identifiers/redact"\nsink(redact.ip(req.ip))',
              'import express from "express"\nimport { pseudonymize } from "@online-identifiers/redact"\nsink(pseudonymize(req.ip))',
              'import express from "express"\nimport { classify } from "@online-identifiers/redact"\nsink(classify(req.ip, "ip"))',
            ]),
          },
        ],
      },
      {
        name: 'a whole request gets redact.request and classify only',
        code: 'sinkRequest(req);',
        errors: [
          {
            messageId: 'found',
            suggestions: [
              {
                desc: 'Redact: wrap in redact.request(…) so only a non-identifying form is logged',
                output: `${IMPORT}\nsinkRequest(redact.request(req));`,
              },
              {
                desc: "Classify for security: wrap in classify(…, 'request') to keep the raw value, marked as personal data",
                output: `${IMPORT_C}\nsinkRequest(classify(req, 'request'));`,
              },
            ],
          },
        ],
      },
      {
        name: 'the module specifier is an option',
        code: 'sink(ip);',
        options: [{ module: '#lib/privacy' }],
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import { redact } from '#lib/privacy';\nsink(redact.ip(ip));",
              "import { pseudonymize } from '#lib/privacy';\nsink(pseudonymize(ip));",
              "import { classify } from '#lib/privacy';\nsink(classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'a module with only exports uses ESM',
        code: 'export function handler(req) { sink(req.ip); }',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              `${IMPORT}\nexport function handler(req) { sink(redact.ip(req.ip)); }`,
              `${IMPORT_P}\nexport function handler(req) { sink(pseudonymize(req.ip)); }`,
              `${IMPORT_C}\nexport function handler(req) { sink(classify(req.ip, 'ip')); }`,
            ]),
          },
        ],
      },
      {
        name: 'require in a .js file parsed as module means CommonJS',
        code: "const express = require('express');\nsink(req.ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const express = require('express');\nconst { redact } = require('@online-identifiers/redact');\nsink(redact.ip(req.ip));",
              "const express = require('express');\nconst { pseudonymize } = require('@online-identifiers/redact');\nsink(pseudonymize(req.ip));",
              "const express = require('express');\nconst { classify } = require('@online-identifiers/redact');\nsink(classify(req.ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'a require that is called at once still means CommonJS',
        code: "const log = require('debug')('app');\nsink(req.ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const log = require('debug')('app');\nconst { redact } = require('@online-identifiers/redact');\nsink(redact.ip(req.ip));",
              "const log = require('debug')('app');\nconst { pseudonymize } = require('@online-identifiers/redact');\nsink(pseudonymize(req.ip));",
              "const log = require('debug')('app');\nconst { classify } = require('@online-identifiers/redact');\nsink(classify(req.ip, 'ip'));",
            ]),
          },
        ],
      },
    ],
  });

  cjs.run('commonjs', rule, {
    valid: [],
    invalid: [
      {
        name: "after 'use strict'",
        code: "'use strict';\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "'use strict';\nconst { redact } = require('@online-identifiers/redact');\nsink(redact.ip(ip));",
              "'use strict';\nconst { pseudonymize } = require('@online-identifiers/redact');\nsink(pseudonymize(ip));",
              "'use strict';\nconst { classify } = require('@online-identifiers/redact');\nsink(classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'extends a destructuring require, also before a rest element',
        code: "const { classify, ...rest } = require('@online-identifiers/redact');\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const { classify, redact, ...rest } = require('@online-identifiers/redact');\nsink(redact.ip(ip));",
              "const { classify, pseudonymize, ...rest } = require('@online-identifiers/redact');\nsink(pseudonymize(ip));",
              "const { classify, ...rest } = require('@online-identifiers/redact');\nsink(classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'whole-module and member requires',
        code: "const oi = require('@online-identifiers/redact');\nconst pseudonymize = require('@online-identifiers/redact').pseudonymize;\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const oi = require('@online-identifiers/redact');\nconst pseudonymize = require('@online-identifiers/redact').pseudonymize;\nsink(oi.redact.ip(ip));",
              "const oi = require('@online-identifiers/redact');\nconst pseudonymize = require('@online-identifiers/redact').pseudonymize;\nsink(oi.pseudonymize(ip));",
              "const oi = require('@online-identifiers/redact');\nconst pseudonymize = require('@online-identifiers/redact').pseudonymize;\nsink(oi.classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'renamed destructuring is reused',
        code: "const { redact: scrub } = require('@online-identifiers/redact');\nsink(ip);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const { redact: scrub } = require('@online-identifiers/redact');\nsink(scrub.ip(ip));",
              "const { redact: scrub, pseudonymize } = require('@online-identifiers/redact');\nsink(pseudonymize(ip));",
              "const { redact: scrub, classify } = require('@online-identifiers/redact');\nsink(classify(ip, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'a colliding name is renamed in the require too',
        code: 'function classify() {}\nsink(ip);',
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "const { redact } = require('@online-identifiers/redact');\nfunction classify() {}\nsink(redact.ip(ip));",
              "const { pseudonymize } = require('@online-identifiers/redact');\nfunction classify() {}\nsink(pseudonymize(ip));",
              "const { classify: oiClassify } = require('@online-identifiers/redact');\nfunction classify() {}\nsink(oiClassify(ip, 'ip'));",
            ]),
          },
        ],
      },
    ],
  });

  ts.run('typescript', rule, {
    valid: [],
    invalid: [
      {
        name: 'import = require is reused',
        code: "import oi = require('@online-identifiers/redact');\nsink(ip as string);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import oi = require('@online-identifiers/redact');\nsink(oi.redact.ip(ip as string));",
              "import oi = require('@online-identifiers/redact');\nsink(oi.pseudonymize(ip as string));",
              "import oi = require('@online-identifiers/redact');\nsink(oi.classify(ip as string, 'ip'));",
            ]),
          },
        ],
      },
      {
        name: 'a type-only import is not a value binding',
        code: "import type { Redacted } from '@online-identifiers/redact';\nsink(ip!);",
        errors: [
          {
            messageId: 'found',
            suggestions: three([
              "import type { Redacted } from '@online-identifiers/redact';\nimport { redact } from '@online-identifiers/redact';\nsink(redact.ip(ip!));",
              "import type { Redacted } from '@online-identifiers/redact';\nimport { pseudonymize } from '@online-identifiers/redact';\nsink(pseudonymize(ip!));",
              "import type { Redacted } from '@online-identifiers/redact';\nimport { classify } from '@online-identifiers/redact';\nsink(classify(ip!, 'ip'));",
            ]),
          },
        ],
      },
    ],
  });
});
