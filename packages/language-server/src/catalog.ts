// The plugin's catalog of identifier kinds (labels and why each is personal
// data), for hover. Contract: the subpath `eslint-plugin-online-identifiers/catalog`.
// Until the plugin's package.json exports that subpath, it is loaded from
// next to the plugin's entry; without either, hover still names the rule.
import * as path from 'node:path';

export type Kind = 'ip' | 'cookie' | 'session' | 'token' | 'user' | 'storage' | 'device' | 'request';

export interface KindInfo {
  readonly label: string;
  readonly why: string;
}

interface CatalogModule {
  KINDS: Readonly<Record<Kind, KindInfo>>;
  kindOfMessage(message: string): Kind | undefined;
}

function isCatalog(value: unknown): value is CatalogModule {
  return typeof value === 'object' && value !== null && 'KINDS' in value && 'kindOfMessage' in value;
}

function load(): CatalogModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional at runtime, see above
    const module: unknown = require('eslint-plugin-online-identifiers/catalog');
    if (isCatalog(module)) return module;
  } catch {
    // subpath not exported (yet): try the file next to the entry
  }
  try {
    const entry = require.resolve('eslint-plugin-online-identifiers');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- path computed at runtime
    const module: unknown = require(path.join(path.dirname(entry), 'catalog', 'index.js'));
    if (isCatalog(module)) return module;
  } catch {
    // bundled without the plugin's files: hover falls back to the rule and message
  }
  return undefined;
}

let catalog: CatalogModule | null | undefined;

/** The kind a finding's message names, with its label and why, if the catalog is available. */
export function kindOf(message: string): { kind: Kind; info: KindInfo } | undefined {
  if (catalog === undefined) catalog = load() ?? null;
  if (!catalog) return undefined;
  const kind = catalog.kindOfMessage(message);
  return kind ? { kind, info: catalog.KINDS[kind] } : undefined;
}
