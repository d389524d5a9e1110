export { analyzeOptionsOf, DEFAULT_CONFIG } from './defaults';
export { CONFIG_FILE_NAMES, CONFIG_KEYS, configFormatOf, parseConfigText, validateConfig, type ConfigFormat, type ConfigProblem, type LoadedConfig } from './load';
export { mergeConfig, resolveConfig, untrustedLayer } from './merge';
export { PHRASE_RULE_IDS, type PartialConfig, type PhraseRuleId, type PostmortemConfig } from './types';
export { findConfig, type FindConfigOptions, type FoundConfig, type PathApi } from './discover';
export { configFromSettings, SETTING_KEYS, TRUST_RESTRICTED_SETTINGS, type InspectedSettings, type SettingKey, type SettingLevels } from './settings';
