// The project's own flat config, read only in a trusted workspace (config
// files are code). From it we keep this plugin's rules, with their severities
// and options, and its files/ignores (through ESLint's own lookup), so the
// editor agrees with CI. Everything else in it (other plugins, parsers) is
// not ours to run.
import * as fs from 'node:fs/promises';
import { ESLint, type Linter } from 'eslint';
import { RULE_PREFIX } from './linter';

const PLUGIN_NAME = RULE_PREFIX.slice(0, -1);

export type ProjectConfigResult =
  /** No config file, or one that never mentions this plugin: use the built-in defaults. */
  | { kind: 'none' }
  /** The project does not lint this file with this plugin (ignored, or outside its `files`). */
  | { kind: 'ignored'; configFile: string }
  /** The project's entries for this plugin's rules, for this file. */
  | { kind: 'rules'; configFile: string; rules: Linter.RulesRecord }
  /** Loading the config failed; the caller falls back to the defaults and warns once. */
  | { kind: 'error'; configFile: string | undefined; error: Error };

export type ESLintFactory = (cwd: string) => Pick<ESLint, 'calculateConfigForFile' | 'findConfigFile'>;

// Only ever called for a trusted workspace: constructing it is what may load project code.
const defaultFactory: ESLintFactory = (cwd) => new ESLint({ cwd });

interface FolderState {
  eslint: Pick<ESLint, 'calculateConfigForFile' | 'findConfigFile'>;
  /** Whether each config file's source mentions the plugin at all. */
  mentions: Map<string, Promise<boolean>>;
}

/** Per workspace folder: one ESLint instance (it caches the loaded config arrays). */
export class ProjectConfigs {
  private readonly folders = new Map<string, FolderState>();

  constructor(private readonly factory: ESLintFactory = defaultFactory) {}

  async forFile(filePath: string, folder: string): Promise<ProjectConfigResult> {
    const state = this.folderState(folder);
    let configFile: string | undefined;
    try {
      configFile = await state.eslint.findConfigFile(filePath);
      if (!configFile) return { kind: 'none' };
      const config = (await state.eslint.calculateConfigForFile(filePath)) as Linter.Config | undefined;
      if (!config) return { kind: 'ignored', configFile };

      const rules: Linter.RulesRecord = {};
      for (const [id, entry] of Object.entries(config.rules ?? {})) {
        if (id.startsWith(RULE_PREFIX) && entry !== undefined) rules[id] = entry;
      }
      const registered = config.plugins !== undefined && PLUGIN_NAME in config.plugins;
      if (registered || Object.keys(rules).length > 0) return { kind: 'rules', configFile, rules };
      // The plugin is configured for other files only: this one is not linted by it.
      return (await this.mentionsPlugin(state, configFile)) ? { kind: 'ignored', configFile } : { kind: 'none' };
    } catch (thrown) {
      // The instance may hold a half-loaded state; start afresh next time.
      this.folders.delete(folder);
      return { kind: 'error', configFile, error: thrown instanceof Error ? thrown : new Error(String(thrown)) };
    }
  }

  /** Forgets loaded configs (a config file changed, trust changed). */
  drop(folder?: string): void {
    if (folder === undefined) this.folders.clear();
    else this.folders.delete(folder);
  }

  get size(): number {
    return this.folders.size;
  }

  private folderState(folder: string): FolderState {
    let state = this.folders.get(folder);
    if (!state) {
      state = { eslint: this.factory(folder), mentions: new Map() };
      this.folders.set(folder, state);
    }
    return state;
  }

  private mentionsPlugin(state: FolderState, configFile: string): Promise<boolean> {
    let mentions = state.mentions.get(configFile);
    if (!mentions) {
      mentions = fs.readFile(configFile, 'utf8').then(
        (text) => text.includes(PLUGIN_NAME),
        () => false,
      );
      state.mentions.set(configFile, mentions);
    }
    return mentions;
  }
}
