import type { PhraseMatch } from './phrases';
import data from './counterfactual.phrases.json';
import { matcherFor, scanPhrases, sentenceAround, sentenceStartBefore, wordsAfter, wordsBefore } from './phrase-rule';
import type { ProseRun } from './prose';
import { OUTSIDE_ROLES } from './subject';
import type { Rule } from './types';

/** Irregular past participles (regular ones end in -ed). */
const IRREGULAR_PARTICIPLES = new Set(
  ('been had done gone seen taken made found told brought thought written run hit put set got gotten kept left built sent spent caught ' +
    'known given chosen broken spoken woken driven ridden risen shown thrown grown drawn fallen forgotten begun come become eaten ' +
    'held heard lost meant met paid read said sold stood understood won shut cut let felt fought led dealt taught sought bought ' +
    'spotted stopped dropped').split(' '),
);
/** Words ending in -ed/-en that are not participles after "have" ("should have a speed limit"). */
const NOT_PARTICIPLES = new Set('need needs feed seed speed bed red shed token tokens screen screens kitchen oxygen citizen hyphen garden'.split(' '));
/**
 * "everyone … should have barely noticed": with a degree or likelihood adverb "should have" is an
 * expectation (what probably happened), not an alternative past; those adverbs are not skipped.
 */
const HEDGES = new Set(['barely', 'hardly', 'scarcely', 'likely', 'probably', 'mostly', 'largely', 'merely', 'nearly']);
/** Participles whose modal perfect is hindsight ("should have known"): the hindsight rule reports those. */
const HINDSIGHT_PARTICIPLES = new Set(['known', 'foreseen', 'anticipated', 'predicted', 'realized', 'realised', 'expected']);
/** "everyone should have felt some relief": an expectation of how people fared, not an unrealized alternative. */
const EXPERIENCE = new Set(['felt', 'experienced', 'enjoyed', 'appreciated']);
const HINDSIGHT_AFTER_BEEN = new Set(['obvious', 'apparent', 'evident', 'foreseeable', 'predictable', 'clear']);
/** What "could/would/might have" counts with: prevention, detection and response verbs. */
const PREVENTION = new Set(
  ('prevented avoided caught detected noticed stopped mitigated reduced limited helped saved spotted identified found flagged blocked averted ' +
    'happened occurred shortened minimized minimised contained alerted warned surfaced revealed discovered done handled responded acted ' +
    'recovered restored resolved fixed rolled reverted escalated paged checked tested verified avoidable preventable'
  ).split(' '),
);
/** Words that may stand between the modal and its participle ("would *not* have", "could have *easily*"). */
const ADVERBS = new Set('not never also easily likely probably possibly potentially otherwise already quickly sooner much far been'.split(' '));
/** Failure verbs that, with users as subject, describe a symptom ("users failed to connect", "users missed emails"). */
const SYMPTOM_VERBS = /^(?:failed to|missed)$/i;
const CONDITION = /\b(?:if|had|without|unless|otherwise)\b/i;
/**
 * "would have allowed us to catch …", "could have enabled the team to detect …": an enabling verb whose
 * complement is a prevention or detection verb (base form) is a prevention claim about the past.
 */
const ENABLING = new Set(['allowed', 'enabled', 'let', 'permitted', 'helped']);
const PREVENTION_BASE = new Set(
  ('prevent avoid catch detect notice stop mitigate reduce limit spot identify find flag block avert shorten minimize minimise contain ' +
    'alert warn surface reveal discover handle respond act recover restore resolve fix roll revert escalate page check test verify').split(' '),
);
/**
 * "the best approach would have been to revert", "the right call would have been to…": an evaluative
 * word in the subject of "would have been to" recommends a course not taken. Not "the best case".
 */
const EVALUATIVE_SUBJECT = new Set(['best', 'better', 'right', 'correct', 'proper', 'wiser', 'safer', 'ideal', 'preferable', 'sensible']);
const OUTCOME_NOUNS = new Set(['case', 'cases', 'scenario', 'scenarios', 'outcome', 'outcomes', 'result']);
/**
 * "It would have been a good idea / better / wiser to…", "More logging would have been helpful": a modal
 * perfect with "been" and an evaluative adjective recommends an alternative past. Not "worse", "difficult"
 * or "possible": those describe (hedged) outcomes, not a better course people did not take.
 */
const EVALUATIVE = new Set(
  'better best wise wiser prudent preferable advisable sensible smart smarter safer helpful useful beneficial ideal nice good appropriate'.split(' '),
);
/** "could have been deployed a couple of days earlier": an alternative past in time. */
const SOONER = new Set(['earlier', 'sooner', 'faster', 'quicker']);
/** "… earlier in the day", "earlier that week": a time reference, not a comparison. */
const TIME_REFERENCE = new Set(['in', 'that', 'this', 'today', 'on', 'than']);
const DETERMINERS = new Set('a an the this that these those some any no more less many few one two three several our their its his her my your enough'.split(' '));

/**
 * "could've lead to a quicker recovery": after "have", "lead" followed by "to" is the common misspelling
 * of the participle "led" ("should have lead time" is possession and stays a noun).
 */
function participleSpelling(word: string | undefined, next: string | undefined): string | undefined {
  return word === 'lead' && next === 'to' ? 'led' : word;
}

export function isParticiple(word: string | undefined): boolean {
  if (!word || NOT_PARTICIPLES.has(word) || DETERMINERS.has(word)) return false;
  return IRREGULAR_PARTICIPLES.has(word) || /^[\p{L}-]{2,}(?:ed|en)$/u.test(word);
}

function acceptModal(run: ProseRun, match: PhraseMatch): boolean {
  if (match.entry.id === 'should-have') {
    // "should have essentially been added": -ly adverbs between the modal and its participle are skipped.
    const words = wordsAfter(run.text, match.end, 6);
    let k = 0;
    while (k < words.length - 1 && isAdverb(words[k]) && !HEDGES.has(words[k])) k++;
    const [raw, second] = words.slice(k);
    const first = participleSpelling(raw, second);
    if (!isParticiple(first)) return false;
    if (HINDSIGHT_PARTICIPLES.has(first!) || EXPERIENCE.has(first!)) return false;
    if (first === 'been' && second && HINDSIGHT_AFTER_BEEN.has(second)) return false;
    return true;
  }
  // could / would / might have: possibility and hedged description ("customers could have seen
  // errors") are not counterfactuals; prevention and response verbs, an evaluative "been" ("would have
  // been a good idea"), a participle with "earlier/sooner", or an explicit condition are.
  const after = wordsAfter(run.text, match.end, 12);
  let i = 0;
  let been = false;
  while (i < after.length - 1 && (ADVERBS.has(after[i]) || isAdverb(after[i]))) {
    if (after[i] === 'been') been = true;
    i++;
  }
  const verb = participleSpelling(after[i], after[i + 1]);
  if (been && verb !== undefined && isEvaluative(verb, after[i + 1])) return true;
  if (been && verb === 'to' && hasEvaluativeSubject(wordsBefore(run.text, match.start, 4))) return true;
  if (!isParticiple(verb) && !(verb && PREVENTION.has(verb))) return false;
  if (PREVENTION.has(verb!)) return true;
  // "would have allowed us to find and catch": within the next few words, a prevention verb after "to".
  if (ENABLING.has(verb!) && enablesPrevention(after.slice(i + 1, i + 7))) return true;
  if (after.slice(i + 1).some((word, k, rest) => SOONER.has(word) && !TIME_REFERENCE.has(rest[k + 1] ?? ''))) return true;
  // An explicit condition elsewhere in the sentence; the modal's own participle ("would have had to")
  // is not one.
  const from = sentenceStartBefore(run.text, match.start);
  const to = from + sentenceAround(run.text, match.start, match.end).length;
  // After "been", "had" opens an inverted condition ("as it would have been had there not been …").
  const own = been && verb === 'had' ? i : i + 1;
  return CONDITION.test(run.text.slice(from, match.start)) || CONDITION.test(run.text.slice(afterWords(run.text, match.end, own), to));
}

/** The index just past the next `count` whitespace-separated words after `index`. */
function afterWords(text: string, index: number, count: number): number {
  const word = /\S+/gu;
  word.lastIndex = index;
  let end = index;
  for (let k = 0; k < count; k++) {
    const match = word.exec(text);
    if (!match) break;
    end = match.index + match[0].length;
  }
  return end;
}

/** "allowed us to find and catch", "let the team detect": a prevention verb in base form among the words. */
function enablesPrevention(words: readonly string[]): boolean {
  return words.some((word) => PREVENTION_BASE.has(word));
}

/** "the best approach", "the right thing" before "would have been to"; not "the best case". */
function hasEvaluativeSubject(words: readonly string[]): boolean {
  return words.some((word, k) => EVALUATIVE_SUBJECT.has(word) && !OUTCOME_NOUNS.has(words[k + 1] ?? ''));
}

/** An -ly adverb ("successfully", "easily"); "only" and "early" are not skipped. */
function isAdverb(word: string): boolean {
  return /^[a-z]{3,}ly$/.test(word) && word !== 'only' && word !== 'early';
}

/** "better", "wise", or "a good idea" / "a better approach" after "been". */
function isEvaluative(word: string, next: string | undefined): boolean {
  // "good" and "nice" only before "to" / "if" ("it would have been good to test…"), not "good for us".
  if (word === 'good' || word === 'nice') return next === 'to' || next === 'if';
  if (EVALUATIVE.has(word)) return true;
  return (word === 'a' || word === 'an') && next !== undefined && EVALUATIVE.has(next);
}

function acceptCondition(run: ProseRun, match: PhraseMatch): boolean {
  const after = wordsAfter(run.text, match.end, 3);
  let i = 0;
  while (i < after.length - 1 && ADVERBS.has(after[i]) && after[i] !== 'been') i++;
  return isParticiple(after[i]);
}

export const counterfactual: Rule = {
  id: 'counterfactual',
  category: 'blameless',
  defaultSeverity: 'warning',
  description: 'Counterfactuals about what people did: "should have", "could have avoided", "failed to" (with a person as subject), "if only".',
  docsUrl: 'docs/rules/counterfactual.md',
  check(context) {
    const matcher = matcherFor('counterfactual', data, context.config.extraPhrases.counterfactual);
    scanPhrases(context, matcher, {
      skipForwardLooking: true,
      accept(run, match) {
        switch (match.entry.id) {
          case 'should-have':
          case 'could-would-have':
            return acceptModal(run, match);
          case 'had-we':
            return acceptCondition(run, match);
          case 'if-only': {
            const [next] = wordsAfter(run.text, match.end, 1);
            return next !== undefined && (next === 'had' || context.subjects.isPersonWord(next));
          }
          case 'failed-to': {
            // "Missed to remove the cleanup step": "missed to" + a verb is said of people; it counts without
            // a subject (a list item or a note) or with a person as subject, not with a system ("the cron job missed to run").
            if (!match.needsPerson) {
              const subject = context.subjects.headBefore(run.text, match.start);
              return subject === null || context.subjects.isPersonWord(subject);
            }
            // "users failed to log in" is a symptom; "the user didn't think to scroll down" is a verdict.
            const head = context.subjects.headBefore(run.text, match.start);
            return head === null || !OUTSIDE_ROLES.has(head) || !SYMPTOM_VERBS.test(match.text);
          }
          default:
            return true;
        }
      },
    });
  },
};
