import { validateConfig, type LoadedConfig } from './load';
import type { PartialConfig } from './types';

/** The `postmortem.*` editor settings that map onto configuration keys (same names, same shapes). */
export const SETTING_KEYS = ['rules', 'allow', 'extraPhrases', 'requiredSections', 'checkQuotes', 'severityScale'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** One setting's explicitly set values per level (what `WorkspaceConfiguration.inspect` reports). */
export interface SettingLevels {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
}

export type InspectedSettings = Partial<Record<SettingKey, SettingLevels | undefined>>;

/** Settings set by the workspace that an untrusted workspace may not supply: custom patterns. */
export const TRUST_RESTRICTED_SETTINGS: readonly SettingKey[] = ['extraPhrases'];

/**
 * The settings layer of the configuration, from the values a person set (defaults left out: the core
 * has its own). The most specific level wins, as in VS Code, except that `rules` and `extraPhrases`
 * objects are merged key by key (user < workspace < folder). In an untrusted workspace the workspace
 * and folder values of `extraPhrases` are ignored; the user's own still apply.
 * `severityScale: []` keeps its editor meaning, "accept any value". Pure: tested without VS Code.
 */
export function configFromSettings(settings: InspectedSettings, options: { trusted: boolean }): LoadedConfig {
  const data: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const levels = settings[key];
    if (!levels) continue;
    const workspaceAllowed = options.trusted || !TRUST_RESTRICTED_SETTINGS.includes(key);
    const values = [levels.globalValue, ...(workspaceAllowed ? [levels.workspaceValue, levels.workspaceFolderValue] : [])].filter((value) => value !== undefined && value !== null);
    if (values.length === 0) continue;
    if (key === 'rules' || key === 'extraPhrases') {
      data[key] = Object.assign({}, ...values.filter((value) => typeof value === 'object' && !Array.isArray(value)));
    } else {
      data[key] = values[values.length - 1];
    }
  }
  let anyScale = false;
  if (Array.isArray(data.severityScale) && data.severityScale.length === 0) {
    anyScale = true;
    delete data.severityScale;
  }
  const loaded = validateConfig(data);
  const config: PartialConfig = anyScale ? { ...loaded.config, severityScale: [] } : loaded.config;
  return { config, problems: loaded.problems };
}
