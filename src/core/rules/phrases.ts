import { roleAlternation } from './subject';

/**
 * Phrase data, as it stands in the `*.phrases.json` files beside each rule (the shape follows
 * retext-equality's data: the phrases, why they are a problem, what to write instead, a source).
 *
 * A phrase is words separated by spaces, matched case-insensitively on word boundaries with any run
 * of whitespace between the words; `'` also matches `’`, and a `-` also matches a space or nothing.
 * Five placeholders are understood:
 * - `{person}` at the start: the phrase counts only when the word before it (its subject) is a person,
 *   role, team, people pronoun, @handle or participant (see subject.ts); `{person}` itself is not matched;
 * - `{role}`: any role noun (engineer, operator, admin, on-call, team…);
 * - `{word}`: any one word (e.g. `{word}'s fault`);
 * - `{adverb}`: one adverb that may split a verb group: an -ly word, *also, always, never, only, still, even, just,
 *   then, already* or *of course* (e.g. `would {adverb} have` for "would normally have", "could of course have");
 * - `{pronoun}`: a subject after an inverted modal: *we, I, they, he, she, you, it, this, that, anyone,
 *   someone* or *the* + a role noun (e.g. `would {pronoun} have` for "Would it have helped?").
 */
export interface PhraseEntry {
  id: string;
  phrases: string[];
  /** Why this phrase is a problem; becomes part of the diagnostic message. */
  note: string;
  /** What to write instead (advice for the writer). */
  suggestion: string;
  /** A mechanical replacement, when one exists (`""` = delete the phrase); enables a quick fix. */
  replacement?: string;
  source?: string;
  /** action-vague: counts only in short items (the phrase may be fine with a concrete object). */
  weak?: boolean;
}

export interface PhraseData {
  $comment?: string;
  entries: PhraseEntry[];
}

export interface PhraseMatch {
  start: number;
  end: number;
  /** The matched text as written. */
  text: string;
  entry: PhraseEntry;
  /** The phrase matched requires a person as its subject. */
  needsPerson: boolean;
}

interface Alternative {
  entry: PhraseEntry;
  needsPerson: boolean;
}

/** One regular expression for a whole phrase list: one scan of each run, no backtracking blow-up. */
export class PhraseMatcher {
  private readonly regex: RegExp | null;
  private readonly alternatives: Alternative[] = [];

  constructor(entries: readonly PhraseEntry[]) {
    const sources: string[] = [];
    const all: Array<{ source: string; alternative: Alternative; length: number }> = [];
    for (const entry of entries) {
      for (const phrase of entry.phrases) {
        const needsPerson = phrase.startsWith('{person}');
        const body = needsPerson ? phrase.slice('{person}'.length).trim() : phrase.trim();
        all.push({ source: phraseSource(body), alternative: { entry, needsPerson }, length: body.length });
      }
    }
    // Longest first, so that "should have known better" wins over "should have known".
    all.sort((a, b) => b.length - a.length);
    for (const { source, alternative } of all) {
      sources.push(`(${source})`);
      this.alternatives.push(alternative);
    }
    this.regex = sources.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}_@])(?:${sources.join('|')})(?![\\p{L}\\p{N}_])`, 'giu') : null;
  }

  /** All matches in `text`, left to right, not overlapping (collected eagerly: the regex is shared). */
  matches(text: string): PhraseMatch[] {
    const regex = this.regex;
    if (!regex) return [];
    const found: PhraseMatch[] = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      let group = 1;
      while (match[group] === undefined) group++;
      const { entry, needsPerson } = this.alternatives[group - 1];
      found.push({ start: match.index, end: match.index + match[0].length, text: match[0], entry, needsPerson });
    }
    return found;
  }
}

const ROLE = `(?:${roleAlternation()})`;
// One quantifier over one class: with the word-start look-behind each word is scanned once (linear).
const WORD = '[\\p{L}\\p{N}_@]+';
const ADVERB = '(?:\\p{L}+ly|also|always|never|only|still|even|just|then|already|of\\s+course)';
const PRONOUN = `(?:we|i|they|he|she|you|it|this|that|anyone|someone|the\\s+${ROLE})`;

/** The regular-expression source of one phrase (no capture groups). */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .split(/(\{role\}|\{word\}|\{adverb\}|\{pronoun\})/)
        .map((part) => {
          if (part === '{role}') return ROLE;
          if (part === '{word}') return WORD;
          if (part === '{adverb}') return ADVERB;
          if (part === '{pronoun}') return PRONOUN;
          return part
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/['’]/g, "['’]")
            .replace(/-/g, '(?:-|\\s+)?');
        })
        .join(''),
    )
    .join('\\s+');
}

/** Lower-cased, whitespace-collapsed and apostrophe-normalized form of a phrase, for comparing. */
export function normalizePhrase(phrase: string): string {
  return phrase.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ').trim();
}

/** Entries for phrases a configuration adds to a rule. */
export function extraEntries(ruleId: string, phrases: readonly string[] | undefined, note: string, suggestion: string): PhraseEntry[] {
  if (!phrases || phrases.length === 0) return [];
  return [{ id: `${ruleId}-configured`, phrases: [...phrases], note, suggestion }];
}
