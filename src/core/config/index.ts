export { DEFAULT_CONFIG } from './defaults';
export { CONFIG_FILE_NAMES, CONFIG_KEYS, configFormatOf, parseConfigText, validateConfig, type ConfigFormat, type ConfigProblem, type LoadedConfig } from './load';
export { mergeConfig, resolveConfig } from './merge';
export { PHRASE_RULE_IDS, type PartialConfig, type PhraseRuleId, type PostmortemConfig } from './types';
