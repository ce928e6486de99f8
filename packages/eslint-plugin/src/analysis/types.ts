import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { BRAND_TYPES, REQUEST_TYPE_MODULES, REQUEST_TYPES } from '../catalog';

/** Answers from declared types, when the file was linted with type information (typed linting). */
export interface TypeFacts {
  /** Is the value's type one of the runtime's brands (`Redacted<T>`, `Pseudonymized`, `Classified<T>`)? */
  isClassified(node: TSESTree.Node): boolean;
  /** Is the value's declared type a known request type (`express.Request`, `FastifyRequest`, `IncomingMessage`…)? */
  isRequest(node: TSESTree.Node): boolean;
}

// The few TypeScript checker shapes used here, declared structurally so the
// plugin needs no `typescript` import (it is only present with typed linting).
interface TsSymbol {
  getName(): string;
  getDeclarations(): readonly { getSourceFile(): { fileName: string } }[] | undefined;
}
interface TsType {
  flags: number;
  aliasSymbol?: TsSymbol;
  getSymbol(): TsSymbol | undefined;
  getProperties(): readonly TsSymbol[];
  isUnion(): this is TsType & { types: TsType[] };
  isIntersection(): this is TsType & { types: TsType[] };
}
interface TsProgram {
  getTypeChecker(): { getFullyQualifiedName(symbol: TsSymbol): string };
  getCurrentDirectory?(): string;
}
interface Services {
  program: TsProgram | null;
  getTypeAtLocation?: (node: TSESTree.Node) => TsType;
}
/** The part of the `typescript` module read here: its flag enums, whose numbers differ between versions. */
interface TsModule {
  readonly version: string;
  readonly TypeFlags: { readonly Undefined: number; readonly Null: number };
}

/** Type facts for this file, or undefined when no type information is available. */
export function typeFactsFor(sourceCode: Readonly<TSESLint.SourceCode>): TypeFacts | undefined {
  const services = sourceCode.parserServices as unknown as Partial<Services> | undefined;
  const program = services?.program;
  const getType = services?.getTypeAtLocation;
  if (!program || !getType) return undefined;
  const ts = typescriptFor(program);
  // Without the compiler's own flag numbers nothing can tell `undefined` apart: no type facts rather than wrong ones.
  if (!ts) return undefined;
  const nullish = ts.TypeFlags.Undefined | ts.TypeFlags.Null;
  const isNullish = (type: TsType): boolean => (type.flags & nullish) !== 0;
  const checker = program.getTypeChecker();
  const brandNames = new Set(BRAND_TYPES);
  const requestNames = new Set(REQUEST_TYPES.map((entry) => entry.name));

  const typeOf = (node: TSESTree.Node): TsType | undefined => {
    try {
      return getType(node);
    } catch {
      // Nodes the TS program does not map (synthesized or malformed) have no type.
      return undefined;
    }
  };

  const isBrand = (type: TsType, depth: number): boolean => {
    if (depth > 4) return false;
    const alias = type.aliasSymbol?.getName();
    if (alias !== undefined && brandNames.has(alias)) return true;
    const symbol = type.getSymbol();
    if (symbol && brandNames.has(symbol.getName())) return true;
    if (type.isUnion()) return type.types.every((part) => isBrand(part, depth + 1) || isNullish(part));
    if (type.isIntersection()) return type.types.some((part) => isBrand(part, depth + 1));
    // The runtime brands with unique symbols (`redactedBrand`…), which survive alias erasure.
    return type.getProperties().some((property) => BRAND_PROPERTY.test(property.getName()));
  };

  const declaredIn = (symbol: TsSymbol): boolean => {
    const name = checker.getFullyQualifiedName(symbol);
    const files = (symbol.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile().fileName);
    return REQUEST_TYPE_MODULES.some(
      (module) =>
        name.includes(`"${module}"`) ||
        name.includes(`/${module}/`) ||
        files.some((file) => file.includes(`/${module}/`) || file.includes(`/@types/${module}/`) || file.endsWith(`/${module}.d.ts`)),
    );
  };

  return {
    isClassified(node) {
      const type = typeOf(node);
      return type !== undefined && isBrand(type, 0);
    },
    isRequest(node) {
      const type = typeOf(node);
      if (!type) return false;
      const candidates = type.isUnion() ? type.types.filter((part) => !isNullish(part)) : [type];
      return (
        candidates.length > 0 &&
        candidates.every((part) => {
          const symbol = part.aliasSymbol ?? part.getSymbol();
          return symbol !== undefined && requestNames.has(symbol.getName()) && declaredIn(symbol);
        })
      );
    },
  };
}

const BRAND_PROPERTY = /^__@(?:redacted|pseudonymized|classified)Brand@/;

const typescriptByDirectory = new Map<string, TsModule | undefined>();

/**
 * The `typescript` module that built `program`: the one installed in the
 * linted project (resolved from the program's current directory, as
 * typescript-eslint's parser resolves it), else the one beside this plugin.
 * Flags and symbols are read from it because their numbers change between
 * major versions (TypeScript 6 renumbered `TypeFlags.Undefined` and `Null`).
 *
 * @param program the typescript-eslint parser services' program
 * @returns the module, or undefined when no `typescript` can be loaded; never throws
 */
export function typescriptFor(program: { getCurrentDirectory?(): string }): TsModule | undefined {
  let directory = '';
  try {
    directory = program.getCurrentDirectory?.() ?? '';
  } catch {
    // A foreign program object: fall back to the plugin's own resolution.
  }
  if (typescriptByDirectory.has(directory)) return typescriptByDirectory.get(directory);
  const from = [directory ? path.join(directory, 'package.json') : undefined, __filename];
  let found: TsModule | undefined;
  for (const base of from) {
    if (base === undefined) continue;
    try {
      const candidate = createRequire(base)('typescript') as Partial<TsModule>;
      if (typeof candidate.TypeFlags?.Undefined === 'number' && typeof candidate.TypeFlags.Null === 'number') {
        found = candidate as TsModule;
        break;
      }
    } catch {
      // Not installed there: try the next place.
    }
  }
  typescriptByDirectory.set(directory, found);
  return found;
}
