import { ForwardLocator, positionAt } from './locations';

// The XHTML entity table espree decodes JSX text with: acorn-jsx's, the same
// range espree depends on (one copy installed). Loaded on the first JSX
// character reference, by a plain require that a bundler carries.
let entities: Record<string, string> | undefined;
function entityTable(): Record<string, string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  entities ??= require('acorn-jsx/xhtml') as Record<string, string>;
  return entities;
}

/**
 * JSX text with its character references decoded, as ESTree parsers give
 * `value` (oxc keeps the source text there). Unknown names stay as written.
 */
export function decodeJsxEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|([A-Za-z][A-Za-z0-9]*));/g, (match, hex?: string, decimal?: string, name?: string) => {
    if (name !== undefined) return entityTable()[name] ?? match;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

/** An AST node as oxc-parser hands it over (ESTree or TS-ESTree, with `range`). */
export interface RawNode {
  type: string;
  range: [number, number];
  start?: number;
  end?: number;
  loc?: unknown;
  [key: string]: unknown;
}

/**
 * What the AST says about the token that starts at an offset, for the
 * lexer: the cases the source text alone cannot decide (regular expression
 * or division, where a template or JSX text ends, JSX names with dashes).
 */
export interface TokenHint {
  end: number;
  type: 'String' | 'Numeric' | 'RegularExpression' | 'Template' | 'JSXText' | 'JSXIdentifier';
  regex?: { pattern: string; flags: string };
  /** The token's value when it is not the source text. */
  value?: string;
}

export interface ConversionFacts {
  /** Token hints by start offset. */
  hints: Map<number, TokenHint>;
  /** Start offsets of identifiers written as a name (not a keyword); a typed parameter's range runs on past its name. */
  identifiers: Set<number>;
  /** Starts of identifiers typescript-estree calls JSXIdentifier (member expressions inside JSX). */
  jsxMemberIdentifiers: Set<number>;
  /** Offsets of a `>` that closes type arguments or a JSX tag: never part of `>>` or `>=`. */
  loneGreaterThan: Set<number>;
}

type KeysOf = (node: RawNode) => readonly string[];

/**
 * Makes oxc's AST the one ESLint expects, in place, and gathers what the
 * lexer needs: `loc` on every node (from UTF-16 `range`), template elements
 * spanning their delimiters as espree and typescript-estree have them.
 * Recursive like the parsers it replaces; a RangeError on absurd nesting is
 * the caller's cue to fall back.
 */
export function convertProgram(program: RawNode, starts: readonly number[], keysOf: KeysOf, typescript: boolean): ConversionFacts {
  const facts: ConversionFacts = {
    hints: new Map(),
    identifiers: new Set(),
    jsxMemberIdentifiers: new Set(),
    loneGreaterThan: new Set(),
  };
  const locator = new ForwardLocator(starts);
  const locate = (node: RawNode) => {
    const [start, end] = node.range;
    node.loc = { start: locator.at(start), end: positionAt(starts, end) };
  };

  const visit = (node: RawNode, parent: RawNode | null, key: string, insideJsx: boolean): void => {
    switch (node.type) {
      case 'TemplateElement': {
        // In its JS AST oxc spans the text only; espree includes `` ` ``, `${` and `}` (its TS AST does).
        if (!typescript) node.range = [node.range[0] - 1, node.range[1] + (node.tail ? 1 : 2)];
        facts.hints.set(node.range[0], { end: node.range[1], type: 'Template' });
        break;
      }
      case 'Literal':
        noteLiteral(node, parent, facts.hints);
        break;
      case 'Identifier':
        // `import.meta` and `new.target` keep their keyword token.
        if (!(parent?.type === 'MetaProperty' && key === 'meta')) facts.identifiers.add(node.range[0]);
        if (
          typescript &&
          insideJsx &&
          parent?.type === 'MemberExpression' &&
          parent.computed === false &&
          (key === 'object' || key === 'property')
        ) {
          facts.jsxMemberIdentifiers.add(node.range[0]);
        }
        break;
      case 'JSXText':
        node.value = decodeJsxEntities(node.value as string);
        // espree's token holds the text with entities decoded; typescript-estree's the source.
        facts.hints.set(node.range[0], { end: node.range[1], type: 'JSXText', ...(typescript ? {} : { value: node.value as string }) });
        break;
      case 'JSXIdentifier':
        facts.hints.set(node.range[0], { end: node.range[1], type: 'JSXIdentifier' });
        break;
      case 'JSXOpeningElement':
      case 'JSXClosingElement':
      case 'JSXOpeningFragment':
      case 'JSXClosingFragment':
      case 'TSTypeParameterInstantiation':
      case 'TSTypeParameterDeclaration':
        facts.loneGreaterThan.add(node.range[1] - 1);
        break;
      default:
        break;
    }
    locate(node);
    const childInsideJsx = insideJsx || node.type.startsWith('JSX');
    for (const childKey of keysOf(node)) {
      const child = node[childKey];
      if (Array.isArray(child)) {
        for (const element of child as (RawNode | null)[]) {
          if (element !== null && typeof element.type === 'string') visit(element, node, childKey, childInsideJsx);
        }
      } else if (child !== null && typeof child === 'object' && typeof (child as RawNode).type === 'string') {
        visit(child as RawNode, node, childKey, childInsideJsx);
      }
    }
  };
  visit(program, null, '', false);
  return facts;
}

function noteLiteral(node: RawNode, parent: RawNode | null, hints: Map<number, TokenHint>): void {
  const [start, end] = node.range;
  const { value } = node;
  if (node.regex) {
    hints.set(start, { end, type: 'RegularExpression', regex: node.regex as TokenHint['regex'] });
  } else if (typeof value === 'string') {
    // Both parsers call an attribute's quoted value JSX text, and decode its references.
    const jsx = parent?.type === 'JSXAttribute';
    if (jsx) node.value = decodeJsxEntities(value);
    hints.set(start, { end, type: jsx ? 'JSXText' : 'String' });
  } else if (typeof value === 'number' || typeof value === 'bigint' || typeof node.bigint === 'string') {
    hints.set(start, { end, type: 'Numeric' });
  }
}
