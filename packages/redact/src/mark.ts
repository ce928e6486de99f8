// The runtime mark of a classified value. Kept apart from classify.ts so the
// walker can recognise classified values without an import cycle.
export const CLASSIFIED: unique symbol = Symbol.for('online-identifiers.classified');

export interface ClassifiedLike {
  readonly value: unknown;
  readonly kind: string;
  readonly purpose: string;
}

export function isClassified(value: unknown): value is ClassifiedLike {
  try {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[CLASSIFIED] === true;
  } catch {
    return false; // a Proxy whose get trap throws is not one of ours
  }
}
