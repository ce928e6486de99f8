import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  KEYED_HASH_FACTORIES,
  RUNTIME_SANITIZER_EXPORTS,
  SANITIZER_NAME_PREFIXES,
  SANITIZER_NAME_STARTS,
  UNKEYED_HASH_FACTORIES,
} from '../catalog';
import { calleeName, dottedPath, unwrap } from './ast';
import { splitWords } from './names';
import type { Resolver } from './resolve';
import type { Settings } from './settings';
import type { TypeFacts } from './types';

type Node = TSESTree.Node;

/**
 * Treatment: decides whether a value is classified on its way, by a
 * sanitizer call (the runtime's exports, sanitizer names, the `sanitizers`
 * option), a keyed hash chain, or a declared type (the runtime's brands,
 * with type information). An unkeyed hash is not a treatment: the flow
 * module marks what passes through one.
 */
export class TreatmentJudge {
  constructor(
    private readonly settings: Settings,
    private readonly resolver: Resolver,
    private readonly types: TypeFacts | undefined,
  ) {}

  /** Is this value classified by its declared type (`Redacted<T>`, `Pseudonymized`, `Classified<T>`)? */
  isClassifiedByType(node: Node): boolean {
    return this.types?.isClassified(node) ?? false;
  }

  /** Runtime exports, sanitizer names (`redact*`, `mask*`, …), names from the `sanitizers` option. */
  isSanitizer(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = unwrap(node.callee);
    const origin = this.resolver.importOf(callee);
    if (origin && this.settings.runtimeModules.has(origin.module) && RUNTIME_SANITIZER_EXPORTS.includes(origin.path[0] ?? '')) {
      return true;
    }
    const path = dottedPath(callee);
    if (path !== undefined) {
      for (const entry of this.settings.sanitizers) {
        if (entry === path || (entry.endsWith('.*') && path.startsWith(entry.slice(0, -1))) || path.endsWith(`.${entry}`)) {
          return true;
        }
      }
    }
    // A declared request type outranks a sanitizer-like name: `maskRequest(req): Request` still returns the request.
    if (this.types?.isRequest(node)) return false;
    const names: string[] = [];
    const name = calleeName(node);
    if (name !== undefined) names.push(name);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.Identifier) names.push(object.name);
    }
    return names.some((candidate) => {
      const first = splitWords(candidate)[0];
      const lower = candidate.toLowerCase();
      return (
        (first !== undefined && SANITIZER_NAME_PREFIXES.includes(first)) ||
        SANITIZER_NAME_STARTS.some((start) => lower.startsWith(start))
      );
    });
  }

  /**
   * `createHmac(alg, key).update(x).digest()` (keyed) or
   * `createHash(alg).update(x).digest()` (unkeyed): the chain's inputs.
   */
  hashChain(node: TSESTree.CallExpression | TSESTree.NewExpression): { keyed: boolean; inputs: Node[] } | undefined {
    const inputs: Node[] = [];
    let current: Node = node;
    for (let guard = 0; guard < 20; guard++) {
      if (current.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrap(current.callee);
      const name = calleeName(current);
      if (name !== undefined && (KEYED_HASH_FACTORIES.includes(name) || UNKEYED_HASH_FACTORIES.includes(name))) {
        return guard === 0 ? undefined : { keyed: KEYED_HASH_FACTORIES.includes(name), inputs };
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !['update', 'digest', 'copy'].includes(name ?? '')) return undefined;
      if (name === 'update') inputs.push(...current.arguments);
      current = unwrap(callee.object);
    }
    return undefined;
  }
}
