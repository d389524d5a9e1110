import type { ProseRun } from './prose';
import { extraEntries, PhraseMatcher, type PhraseData, type PhraseEntry, type PhraseMatch } from './phrases';
import type { Report, RuleContext } from './types';

export interface ScanOptions {
  /** A further test of a match in its run (grammar, subject); default: accept. */
  accept?(run: ProseRun, match: PhraseMatch): boolean;
  /**
   * A match that needs a person but whose subject is not one: may it stand without a subject (a note in diary
   * style, "Forgot to renew the domain.")? Default: no.
   */
  subjectless?(run: ProseRun, match: PhraseMatch): boolean;
  /** A mechanical fix, in document offsets. */
  fix?(run: ProseRun, match: PhraseMatch): Report['fix'];
}

/**
 * Runs a phrase matcher over the prose and reports each accepted match with its entry's note and
 * suggestion. Matches that need a person as subject are checked with the context's subject finder.
 */
export function scanPhrases(context: RuleContext, matcher: PhraseMatcher, options: ScanOptions = {}): void {
  for (const run of context.prose) {
    for (const match of matcher.matches(run.text)) {
      if (match.needsPerson && !context.subjects.isPerson(run.text, match.start) && !options.subjectless?.(run, match)) continue;
      if (options.accept && !options.accept(run, match)) continue;
      const start = run.start + match.start;
      const end = run.start + match.end;
      if (context.isAllowed(start, end)) continue;
      context.report({
        start,
        end,
        phrase: collapse(match.text),
        message: messageFor(match.text, match.entry),
        fix: options.fix?.(run, match),
      });
    }
  }
}

export function messageFor(text: string, entry: PhraseEntry): string {
  return `“${collapse(text)}”: ${entry.note} ${entry.suggestion}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The next `count` words after `index` (lower case, ’ read as ', punctuation stripped), stopping at a sentence end. */
export function wordsAfter(text: string, index: number, count: number): string[] {
  const words: string[] = [];
  const regex = /[^\s]+/gu;
  regex.lastIndex = index;
  for (let match = regex.exec(text); match && words.length < count; match = regex.exec(text)) {
    const raw = match[0];
    const word = raw.toLowerCase().replace(/’/g, "'").replace(/^[^\p{L}\p{N}@]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
    if (word !== '') words.push(word);
    if (/[.!?;:,)]$/.test(raw) || word === '') break;
    if (match.index > index + 200) break;
  }
  return words;
}

/** The previous `count` words before `index` (lower case, ’ read as '), nearest last, within 80 characters. */
export function wordsBefore(text: string, index: number, count: number): string[] {
  const slice = text.slice(Math.max(0, index - 80), index);
  const words = slice.split(/\s+/).filter((word) => word !== '').map((word) => word.toLowerCase().replace(/’/g, "'").replace(/[^\p{L}\p{N}']+/gu, ''));
  return words.slice(-count);
}

/** The sentence around `[start, end)` in a run (split at . ! ? followed by a space, and at blank lines). */
export function sentenceAround(text: string, start: number, end: number): string {
  const from = sentenceStartBefore(text, start);
  let to = end;
  while (to < text.length && to < end + 300 && !(/[.!?]/.test(text[to]) && /\s|$/.test(text[to + 1] ?? ''))) to++;
  return text.slice(from, to);
}

/** Where the sentence holding `index` starts (at most 300 characters back). */
export function sentenceStartBefore(text: string, index: number): number {
  let from = index;
  while (from > 0 && from > index - 300 && !(/[.!?]/.test(text[from - 1]) && /\s/.test(text[from] ?? ' '))) from--;
  return from;
}

/**
 * A fix that deletes a word (an adverb such as "obviously") with its comma and one space, and
 * capitalizes what follows when the word began a sentence.
 */
export function dropWordFix(run: ProseRun, match: PhraseMatch, description: string): Report['fix'] {
  const text = run.text;
  let start = match.start;
  let end = match.end;
  const sentenceStart = /(^|[.!?:]\s+|\n\s*)$/.test(text.slice(Math.max(0, start - 4), start)) || text.slice(0, start).trim() === '';
  if (text[end] === ',') end++;
  if (/[ \t]/.test(text[end] ?? '')) {
    while (/[ \t]/.test(text[end] ?? '')) end++;
  } else {
    // "… wrong, obviously." : take the comma or space before instead.
    while (start > 0 && /[ \t]/.test(text[start - 1])) start--;
    if (text[start - 1] === ',') start--;
  }
  let replacement = '';
  if (sentenceStart && /\p{Ll}/u.test(text[end] ?? '')) {
    replacement = text[end].toUpperCase();
    end++;
  }
  return { start: run.start + start, end: run.start + end, replacement, description };
}

/** Keeps the case of the first letter of `original` in `replacement` ("The root cause" → "A contributing factor"). */
export function matchCase(original: string, replacement: string): string {
  if (replacement === '') return replacement;
  return /^\p{Lu}/u.test(original) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

const matcherCache = new Map<string, PhraseMatcher>();

/**
 * The matcher for a rule's phrase data plus the phrases the configuration adds. Compiled once per
 * distinct list and reused between keystrokes.
 */
export function matcherFor(ruleId: string, data: PhraseData, extra: readonly string[] | undefined): PhraseMatcher {
  const key = `${ruleId}\u0000${(extra ?? []).join('\u0000')}`;
  let matcher = matcherCache.get(key);
  if (!matcher) {
    const first = data.entries[0];
    matcher = new PhraseMatcher([...data.entries, ...extraEntries(ruleId, extra, first.note, first.suggestion)]);
    if (matcherCache.size > 50) matcherCache.clear();
    matcherCache.set(key, matcher);
  }
  return matcher;
}
