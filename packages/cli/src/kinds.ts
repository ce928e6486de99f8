import { KINDS, kindOfMessage, type Kind } from 'eslint-plugin-online-identifiers/catalog';

export { KINDS, kindOfMessage, type Kind };

/** Kinds in the order POLICY.md lists them, for stable reports. */
export const KIND_ORDER = Object.keys(KINDS) as Kind[];

export interface ParsedFinding {
  readonly kind: Kind | undefined;
  /** Source text the identifier came from, e.g. `req.ip`. */
  readonly origin: string | undefined;
  /** The sink call, e.g. `logger.info`. */
  readonly sink: string | undefined;
}

const MESSAGE_SHAPE = / from (.+?) reaches (.+?) without classification/;

/**
 * Reads kind, origin and sink back from a finding's message, whose shape is a
 * contract: `<Label> from <origin> reaches <sink> without classification`.
 */
export function parseFinding(message: string): ParsedFinding {
  const match = MESSAGE_SHAPE.exec(message);
  return { kind: kindOfMessage(message), origin: match?.[1], sink: match?.[2] };
}
