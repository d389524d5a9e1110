import { matchCase, matcherFor, scanPhrases, wordsAfter } from './phrase-rule';
import data from './root-cause.phrases.json';
import type { Rule } from './types';

/** "the root cause analysis" names a practice, not a single cause. */
const PRACTICE = new Set(['analysis', 'analyses', 'analyzing', 'analysing']);

export const rootCause: Rule = {
  id: 'root-cause',
  category: 'blameless',
  defaultSeverity: 'information',
  description: 'A singular "the root cause": suggest contributing factors.',
  docsUrl: 'docs/rules/root-cause.md',
  check(context) {
    scanPhrases(context, matcherFor('root-cause', data, undefined), {
      accept: (run, match) => !PRACTICE.has(wordsAfter(run.text, match.end, 1)[0] ?? ''),
      fix(run, match) {
        const replacement = match.entry.replacement;
        if (replacement === undefined) return undefined;
        return {
          start: run.start + match.start,
          end: run.start + match.end,
          replacement: matchCase(match.text, replacement),
          description: `Replace “${match.text}” with “${matchCase(match.text, replacement)}”`,
        };
      },
    });
  },
};
