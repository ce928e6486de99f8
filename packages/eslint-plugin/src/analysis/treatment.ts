import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import {
  KEYED_HASH_FACTORIES,
  RUNTIME_SANITIZER_EXPORTS,
  SANITIZER_NAME_PREFIXES,
  SANITIZER_NAME_STARTS,
  UNKEYED_HASH_FACTORIES,
} from '../catalog';
import { calleeName, dottedPath, isFunction, propertyName, unwrap } from './ast';
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

  /**
   * A function value that sanitizes what it is given: a sanitizer by name
   * or path (`redactIp`, `redact.ip`, `privacy.strip`), or a local function
   * whose every return is a sanitizer call (`(v) => mask(v)`).
   */
  isSanitizerFunction(value: Node): boolean {
    const node = unwrap(value);
    if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) {
      if (this.isSanitizerCallee(node)) return true;
    }
    const fn = isFunction(node) ? node : this.resolver.localFunction(node);
    if (!fn) return false;
    const returns = this.resolver.returnsOf(fn);
    return returns.length > 0 && returns.every((result) => {
      const inner = unwrap(result);
      return (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) && this.isSanitizer(inner);
    });
  }

  /** Runtime exports, sanitizer names (`redact*`, `mask*`, …), names from the `sanitizers` option. */
  isSanitizer(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = unwrap(node.callee);
    if (this.isDeclaredSanitizer(callee)) return true;
    // A declared request type outranks a sanitizer-like name: `maskRequest(req): Request` still returns the request.
    if (this.types?.isRequest(node)) return false;
    return this.hasSanitizerName(callee);
  }

  /** A callee that sanitizes: a runtime export, an entry of the `sanitizers` option, or a sanitizer name. */
  isSanitizerCallee(callee: Node): boolean {
    return this.isDeclaredSanitizer(callee) || this.hasSanitizerName(callee);
  }

  /** The runtime's exports (`redact.ip`, `pseudonymize`, `classify`) and the `sanitizers` option's names and paths. */
  private isDeclaredSanitizer(callee: Node): boolean {
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
    return false;
  }

  /** Sanitizer names: the callee's or its receiver's first word (`redactEmail`, `mask.ip`, `truncateIp`). */
  private hasSanitizerName(callee: Node): boolean {
    const names: string[] = [];
    if (callee.type === AST_NODE_TYPES.Identifier) names.push(callee.name);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(callee);
      if (name !== undefined) names.push(name);
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
