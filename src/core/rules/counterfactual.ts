import data from './counterfactual.phrases.json';
import hindsightData from './hindsight.phrases.json';
import { isParticiple, participleSpelling } from './participle';
import { matcherFor, scanPhrases, sentenceStartBefore, wordsAfter, wordsBefore } from './phrase-rule';
import { PhraseMatcher, type PhraseMatch } from './phrases';
import type { ProseRun } from './prose';
import { OUTSIDE_ROLES, PEOPLE_PRONOUNS, type SubjectFinder } from './subject';
import type { Rule } from './types';

/** The modal perfects of hindsight ("should have known", "could have foreseen"): the hindsight rule reports those. */
const HINDSIGHT_MODALS = new PhraseMatcher(hindsightData.entries.filter((entry) => entry.id === 'should-have-known'));
/**
 * "when they shouldn't have", "as this one could have.", "they would have anyway": the participle
 * is left out (punctuation, the end, or a conjunction follows "have"); still a modal perfect.
 */
const AFTER_ELIDED = new Set(['if', 'when', 'but', 'unless', 'because', 'though', 'although', 'anyway']);
/**
 * Words that may stand between "have" and its participle ("would have *not* been", "should have *essentially* been",
 * "should have *double* checked").
 */
const BETWEEN = new Set(['not', 'never', 'also', 'even', 'all', 'both', 'already', 'otherwise', 'much', 'far', 'first', 'just', 'only', 'still', 'ever', 'double']);
/**
 * "the failure to notify users", "a failure to test the failover": a failure to act is said of people when the act is
 * one people do (tell, check, plan); "the failure to create pods", "failure to retrieve logs" are symptoms of a system.
 */
const PEOPLE_ACTS = new Set(
  ('notify inform communicate tell warn announce alert escalate prioritise prioritize plan coordinate review test check verify ' +
    'validate document follow act respond consult ask involve share anticipate recognise recognize').split(' '),
);
/** Failure verbs in the past tense, said of people: a report of the past even in an action item ("But I forgot to check"). */
const PAST_FAILURE = /^(?:failed|forgot|forgotten|neglected|omitted|missed|overlooked|didn't|did\s+not|hadn't|had\s+not|never)\b/iu;
/** Words that deny the failure verb after them; the subject finder skips them, so they are checked here. */
const DENIALS = new Set(['not', 'never']);
/** Failure verbs that, with users as subject, describe a symptom ("users failed to connect", "users missed emails"). */
const SYMPTOM_VERBS = /^(?:failed to|missed)$/i;

/**
 * "The company failed to grow", "the launch failed to take off": outcomes no one performs, not acts left undone
 * ("we failed to notify" is one).
 */
const FAILED_OUTCOME = /^\s+(?:grow|thrive|take\s+off|catch\s+on|gain\s+traction)\b/iu;

/** "we missed our January deadline", "we missed it by 8 months": a date or target not reached is an outcome, not an act left undone. */
const MISSED_OUTCOME = /^\s+(?:(?:our|the|a|an|its|their|this|that|my|every|each)\s+)?(?:[\p{L}-]+\s+)?(?:deadlines?|targets?|dates?|goals?|estimates?|windows?|slas?|slos?)\b|^\s+it\s+by\b/iu;

/**
 * "it would be a bigger mistake if I failed to learn from it": a failure imagined ahead, in a condition after *would* /
 * *will* (not *would have*, which looks back).
 */
function isHypothetical(text: string, index: number): boolean {
  const words = wordsBefore(text, index, 12);
  const condition = words.lastIndexOf('if');
  if (condition < 0 || words.length - condition > 3) return false;
  return words.slice(0, condition).some((word, i, before) => /^(?:would|will|[a-z]+'d|[a-z]+'ll)$/u.test(word) && before[i + 1] !== 'have');
}

/**
 * Verbs that open an indirect question with *if* ("to see if I'd missed a notification", "find out if we forgot", "I
 * wondered if anyone had noticed"): what follows is asked, not stated.
 */
const ASKING = new Set(
  ('see saw check checked checking verify verified confirm confirmed ask asked asking wonder wondered wondering know knew out').split(' '),
);

/**
 * "to see if I'd missed a renewal notification", "we checked whether we had missed any alerts": an indirect question
 * asks whether people failed, it does not say they did.
 */
function isIndirectQuestion(text: string, index: number): boolean {
  const words = wordsBefore(text, index, 6);
  const k = Math.max(words.lastIndexOf('if'), words.lastIndexOf('whether'));
  if (k < 0 || words.length - k > 3) return false;
  return words[k] === 'whether' || ASKING.has(words[k - 1] ?? '');
}

/** Subjects of a wished-for past after "if only": "if only it were so", "if only that had worked". */
const WISHED_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'things']);

/**
 * "Forgot to renew the domain.", "Missed the step in my notes.": a note in diary style opens its sentence with the
 * verb, the writer understood. Only verbs of people count (not "Failed to connect", a system's log line), and
 * "missed" only before a determiner ("Missed alerts piled up" is a noun phrase).
 */
const DIARY_OBJECT = new Set(['the', 'a', 'an', 'my', 'our', 'this', 'that', 'one', 'some', 'to']);

function isDiaryNote(run: ProseRun, match: PhraseMatch): boolean {
  if (match.entry.id !== 'failed-to' || /^fail/iu.test(match.text)) return false;
  if (run.text.slice(sentenceStartBefore(run.text, match.start), match.start).trim() !== '') return false;
  if (!/^missed$/iu.test(match.text)) return true;
  const [next] = wordsAfter(run.text, match.end, 1);
  return next !== undefined && DIARY_OBJECT.has(next);
}

/** An -ly adverb ("successfully", "probably"); "early" is an adjective there ("should have early warnings"). */
function isAdverb(word: string): boolean {
  return /^[a-z]{3,}ly$/.test(word) && word !== 'early';
}

/**
 * A modal perfect (should / could / would / ought to + have + a past participle) is counterfactual
 * whatever its subject, as issue 4 defines it: "a canary would have caught it", "the RAID should have
 * mitigated this", and hedged consequences ("customers would have seen a 502"), which state what might
 * have been instead of what is known to have happened. Not possession or requirements, where "have" is
 * the main verb ("should have a default of 5", "would have to restart"), and not the modal perfects of
 * hindsight ("should have known"), which the hindsight rule reports.
 */
function acceptModal(run: ProseRun, match: PhraseMatch, subjects: SubjectFinder): boolean {
  const words = wordsAfter(run.text, match.end, 6);
  if (words.length === 0) {
    const rest = run.text.slice(match.end);
    // Before a colon a list follows: possessions of a thing ("the canary should have: alerts…"), or what a
    // person should have done ("Even so, I should have:").
    if (/^\s*:/u.test(rest)) return subjects.isPerson(run.text, match.start);
    return /^\s*(?:[.,;!?)\]]|$)/u.test(rest);
  }
  // "as they should have automatically, and…": only adverbs before the clause ends, the participle left out.
  if (AFTER_ELIDED.has(words[0]) || isElidedAfterAdverbs(run.text.slice(match.end, match.end + 120))) return true;
  let k = 0;
  while (k < words.length - 1 && (BETWEEN.has(words[k]) || isAdverb(words[k]))) k++;
  if (!isParticiple(participleSpelling(words[k], words[k + 1]))) return false;
  return !HINDSIGHT_MODALS.matches(run.text.slice(match.start, match.start + 80)).some((found) => found.start === 0);
}

/**
 * The text after "have" is adverbs only, up to the clause's end ("should have automatically, and…"). The caller passes
 * a bounded window: a clause of adverbs is short, and a scan to the end of the run would be quadratic on long runs.
 */
function isElidedAfterAdverbs(rest: string): boolean {
  const clause = /^([^.,;:!?)\]]*)(?:[.,;:!?)\]]|$)/u.exec(rest)?.[1] ?? '';
  const words = clause.trim().toLowerCase().split(/\s+/u).filter(Boolean);
  return words.length > 0 && words.every((word) => BETWEEN.has(word) || isAdverb(word));
}

/** "how had I managed to…?": a question, not a condition. */
const QUESTION_WORDS = new Set(['how', 'why', 'what', 'where', 'who', 'which']);
/**
 * "Had we tested…" (inverted) and "if we had tested…" are conditions; not after a verb of asking ("I wondered if we had
 * tested it"), and not
 * after a subject of "had" ("we had we had made", a doubled word, is no inversion).
 */
function isCondition(run: ProseRun, match: PhraseMatch): boolean {
  const [before] = wordsBefore(run.text, match.start, 1);
  if (before === undefined) return true;
  return /^if\s/iu.test(match.text) ? !ASKING.has(before) : !(PEOPLE_PRONOUNS.has(before) || before === 'it' || QUESTION_WORDS.has(before));
}

function acceptCondition(run: ProseRun, match: PhraseMatch): boolean {
  const after = wordsAfter(run.text, match.end, 3);
  let i = 0;
  while (i < after.length - 1 && BETWEEN.has(after[i])) i++;
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
      subjectless: isDiaryNote,
      accept(run, match) {
        // Action items look forward: "should" there is a plan and a failure verb a risk ("so we don't miss
        // alerts"). A modal perfect still looks back ("this check would have caught it"), and so does a person's
        // failure verb in the past tense ("But I forgot to check the API").
        if (run.forwardLooking) {
          const looksBack = match.entry.id === 'could-would-have' || match.entry.id === 'should-have' || (match.entry.id === 'failed-to' && match.needsPerson && PAST_FAILURE.test(match.text));
          if (!looksBack) return false;
        }
        switch (match.entry.id) {
          case 'should-have':
          case 'could-would-have':
            return acceptModal(run, match, context.subjects);
          case 'had-we':
            return isCondition(run, match) && acceptCondition(run, match);
          case 'wish-had':
            // "I wish I tested it", "things I wish I did differently" (a past tense) or "I wish we had tested it"; not
            // "I wish we had more time".
            return /(?:ed|did|made|took|spent|chose)$/iu.test(match.text) || acceptCondition(run, match);
          case 'why-didnt': {
            // "Why didn't I know about this sooner?" asks how information flowed, not what people failed to do.
            const [verb] = wordsAfter(run.text, match.end, 1);
            return verb !== 'know';
          }
          case 'failure-to': {
            if (/^(?:our|my|his|her)\s/iu.test(match.text)) return true;
            const [verb] = wordsAfter(run.text, match.end, 1);
            return verb !== undefined && PEOPLE_ACTS.has(verb);
          }
          case 'if-only': {
            // "if only we had tested", "If only it were so!"; not "if only to confirm".
            const [next, then] = wordsAfter(run.text, match.end, 2);
            if (next === undefined) return false;
            return next === 'had' || next === 'were' || context.subjects.isPersonWord(next) || (WISHED_SUBJECTS.has(next) && (then === 'had' || then === 'were'));
          }
          case 'failed-to': {
            // "Missed to remove the cleanup step": "missed to" + a verb is said of people; it counts without
            // a subject (a list item or a note) or with a person as subject, not with a system ("the cron job missed to run").
            if (!match.needsPerson) {
              const subject = context.subjects.headBefore(run.text, match.start);
              return subject === null || context.subjects.isPersonWord(subject);
            }
            // "we've not forgotten about you", "we have not missed a release since": the failure denied.
            if (DENIALS.has(wordsBefore(run.text, match.start, 1)[0] ?? '')) return false;
            if (/^failed to$/iu.test(match.text) && FAILED_OUTCOME.test(run.text.slice(match.end))) return false;
            if (/^missed$/iu.test(match.text) && MISSED_OUTCOME.test(run.text.slice(match.end))) return false;
            if (isHypothetical(run.text, match.start) || isIndirectQuestion(run.text, match.start)) return false;
            // "users failed to log in" is a symptom; "the user didn't think to scroll down" is a verdict.
            const head = context.subjects.headBefore(run.text, match.start);
            // "Capturing the moments you missed": the generic "you", anyone at all.
            if (head === 'you') return false;
            return head === null || !OUTSIDE_ROLES.has(head) || !SYMPTOM_VERBS.test(match.text);
          }
          default:
            return true;
        }
      },
    });
  },
};
