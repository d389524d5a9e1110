import { DEFAULT_CONFIG } from './defaults';
import type { PartialConfig, PhraseRuleId, PostmortemConfig } from './types';

/**
 * Merges configuration layers, later layers winning, into a complete configuration.
 *
 * Precedence, lowest first: built-in defaults < editor settings < the project's `.postmortemrc`.
 * The project file wins because it is what CI runs: whatever it says, the editor shows the same
 * findings as `postmortem lint`. Settings fill in everything the file does not say.
 *
 * - `rules`: merged per rule id (a layer changes only the ids it names).
 * - `allow`, `extraPhrases`: additive (union of all layers, duplicates dropped).
 * - every other key: replaced by the last layer that gives it.
 */
export function mergeConfig(...layers: Array<PartialConfig | null | undefined>): PostmortemConfig {
  const result: PostmortemConfig = {
    ...DEFAULT_CONFIG,
    rules: { ...DEFAULT_CONFIG.rules },
    allow: [...DEFAULT_CONFIG.allow],
    extraPhrases: {},
    requiredSections: [...DEFAULT_CONFIG.requiredSections],
    forwardLookingSections: [...DEFAULT_CONFIG.forwardLookingSections],
  };
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.rules) Object.assign(result.rules, layer.rules);
    if (layer.allow) result.allow = unique([...result.allow, ...layer.allow]);
    if (layer.extraPhrases) {
      for (const [id, phrases] of Object.entries(layer.extraPhrases) as [PhraseRuleId, string[]][]) {
        result.extraPhrases[id] = unique([...(result.extraPhrases[id] ?? []), ...phrases]);
      }
    }
    if (layer.requiredSections) result.requiredSections = [...layer.requiredSections];
    if (layer.forwardLookingSections) result.forwardLookingSections = [...layer.forwardLookingSections];
    if (layer.checkQuotes !== undefined) result.checkQuotes = layer.checkQuotes;
    if (layer.timelineGapMinutes !== undefined) result.timelineGapMinutes = layer.timelineGapMinutes;
    if (layer.severityScale !== undefined) result.severityScale = layer.severityScale ? [...layer.severityScale] : null;
  }
  return result;
}

/**
 * The documented order: defaults, then settings, then the project file. With `trusted: false` (an
 * untrusted workspace) the project file's `extraPhrases` are ignored; the settings layer is filtered
 * where it is read (`configFromSettings`), since only the workspace's own values are suspect there.
 */
export function resolveConfig(layers: { settings?: PartialConfig | null; file?: PartialConfig | null; trusted?: boolean }): PostmortemConfig {
  return mergeConfig(layers.settings, layers.trusted === false ? untrustedLayer(layers.file) : layers.file);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * What of a workspace-supplied configuration layer is honoured in an untrusted workspace: everything
 * but `extraPhrases` (custom patterns the workspace could use to flood or mislead the writer). Severity
 * changes, the allowlist and required sections only ever narrow or re-rank the built-in checks.
 */
export function untrustedLayer(layer: PartialConfig | null | undefined): PartialConfig | null {
  if (!layer) return null;
  const { extraPhrases: _ignored, ...rest } = layer;
  return rest;
}
