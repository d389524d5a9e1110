import { parse as parseYaml } from 'yaml';
import { SECTION_KINDS, type SectionKind } from '../model/types';
import { RULE_IDS } from '../rules/registry';
import type { RuleSeverity } from '../rules/types';
import { PHRASE_RULE_IDS, type PartialConfig, type PhraseRuleId } from './types';

/** File names the CLI and the extension look for, in this order, in a folder and its parents. */
export const CONFIG_FILE_NAMES = ['.postmortemrc.json', '.postmortemrc.yaml', '.postmortemrc.yml'] as const;

export type ConfigFormat = 'json' | 'yaml';

export interface ConfigProblem {
  /** Where in the file, as a JSON pointer-like path (`/rules/blame`), or `` for the whole file. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface LoadedConfig {
  /** What could be read; invalid values are dropped (and reported), valid ones kept. */
  config: PartialConfig;
  problems: ConfigProblem[];
}

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'information', 'off'];
/** Prefixes of the ids the parser reports problems under; configurable like lint rules. */
const PARSER_RULE_PREFIXES = ['front-matter-', 'timeline-', 'milestone-', 'section-', 'action-', 'document-'];

/** The keys a `.postmortemrc` may hold (kept equal to the JSON Schema's by a test). */
export const CONFIG_KEYS = [
  'rules',
  'allow',
  'extraPhrases',
  'requiredSections',
  'checkQuotes',
  'forwardLookingSections',
  'timelineGapMinutes',
  'severityScale',
] as const;

export function configFormatOf(fileName: string): ConfigFormat {
  return /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

/**
 * Reads a `.postmortemrc` from its text (the caller reads the file: no fs access here) and validates it.
 * Never throws: a syntax error gives an empty configuration and an error problem.
 */
export function parseConfigText(text: string, format: ConfigFormat): LoadedConfig {
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    return { config: {}, problems: [{ path: '', severity: 'error', message: `Not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}` }] };
  }
  return validateConfig(data ?? {});
}

/** Validates configuration data (from a file or from the editor's settings). */
export function validateConfig(data: unknown): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const config: PartialConfig = {};
  const problem = (path: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
    problems.push({ path, message, severity });
  };
  if (!isObject(data)) {
    problem('', 'The configuration must be an object (a mapping of keys to values).');
    return { config, problems };
  }
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules': {
        if (!isObject(value)) {
          problem('/rules', '"rules" must map rule ids to "error", "warning", "information" or "off".');
          break;
        }
        const rules: Record<string, RuleSeverity> = {};
        for (const [id, severity] of Object.entries(value)) {
          if (!SEVERITIES.includes(severity as RuleSeverity)) {
            problem(`/rules/${id}`, `Rule "${id}": severity must be one of ${SEVERITIES.join(', ')}.`);
            continue;
          }
          if (!RULE_IDS.includes(id) && !PARSER_RULE_PREFIXES.some((prefix) => id.startsWith(prefix))) {
            problem(`/rules/${id}`, `Unknown rule "${id}". Known rules: ${RULE_IDS.join(', ')}.`, 'warning');
          }
          rules[id] = severity as RuleSeverity;
        }
        config.rules = rules;
        break;
      }
      case 'allow':
        if (isStringArray(value)) config.allow = value;
        else problem('/allow', '"allow" must be a list of phrases.');
        break;
      case 'extraPhrases': {
        if (!isObject(value)) {
          problem('/extraPhrases', `"extraPhrases" must map a rule (${PHRASE_RULE_IDS.join(', ')}) to a list of phrases.`);
          break;
        }
        const extra: Partial<Record<PhraseRuleId, string[]>> = {};
        for (const [id, phrases] of Object.entries(value)) {
          if (!PHRASE_RULE_IDS.includes(id as PhraseRuleId)) problem(`/extraPhrases/${id}`, `"${id}" takes no extra phrases; use one of ${PHRASE_RULE_IDS.join(', ')}.`);
          else if (!isStringArray(phrases) || phrases.some((phrase) => phrase.trim() === '')) problem(`/extraPhrases/${id}`, 'Extra phrases must be a list of non-empty strings.');
          else extra[id as PhraseRuleId] = phrases;
        }
        config.extraPhrases = extra;
        break;
      }
      case 'requiredSections':
      case 'forwardLookingSections':
        if (isStringArray(value) && value.every((kind) => SECTION_KINDS.includes(kind as SectionKind))) config[key] = value as SectionKind[];
        else problem(`/${key}`, `"${key}" must be a list of section kinds: ${SECTION_KINDS.join(', ')}.`);
        break;
      case 'checkQuotes':
        if (typeof value === 'boolean') config.checkQuotes = value;
        else problem('/checkQuotes', '"checkQuotes" must be true or false.');
        break;
      case 'timelineGapMinutes':
        if (typeof value === 'number' && Number.isFinite(value) && value > 0) config.timelineGapMinutes = value;
        else problem('/timelineGapMinutes', '"timelineGapMinutes" must be a positive number of minutes.');
        break;
      case 'severityScale':
        if (value === null || (isStringArray(value) && value.length > 0)) config.severityScale = value as string[] | null;
        else problem('/severityScale', '"severityScale" must be a non-empty list of severity names (e.g. ["SEV1", "SEV2", "SEV3"]).');
        break;
      default:
        problem(`/${key}`, `Unknown key "${key}". Known keys: ${CONFIG_KEYS.join(', ')}.`, 'warning');
    }
  }
  return { config, problems };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
