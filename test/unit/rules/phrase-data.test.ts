import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { normalizePhrase, PhraseMatcher, type PhraseData } from '../../../src/core/rules/phrases';

const DIR = path.join(__dirname, '..', '..', '..', 'src', 'core', 'rules');
const files = readdirSync(DIR).filter((name) => name.endsWith('.phrases.json'));

describe('phrase data', () => {
  it('exists for the phrase rules', () => {
    assert.deepEqual(files.sort(), ['action-vague.phrases.json', 'blame.phrases.json', 'counterfactual.phrases.json', 'hindsight.phrases.json', 'root-cause.phrases.json']);
  });
  for (const file of files) {
    describe(file, () => {
      const data: PhraseData = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
      it('every entry has an id, phrases, a note and a suggestion', () => {
        for (const entry of data.entries) {
          assert.match(entry.id, /^[a-z][a-z0-9-]*$/);
          assert.ok(entry.phrases.length > 0, entry.id);
          assert.ok(entry.note.length > 20, entry.id);
          assert.ok(entry.suggestion.length > 10, entry.id);
        }
      });
      it('has no duplicate ids or phrases', () => {
        const ids = data.entries.map((entry) => entry.id);
        assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
        const phrases = data.entries.flatMap((entry) => entry.phrases.map(normalizePhrase));
        assert.deepEqual(phrases.filter((phrase, i) => phrases.indexOf(phrase) !== i), []);
      });
      it('every phrase compiles and matches itself', () => {
        for (const entry of data.entries) {
          for (const phrase of entry.phrases) {
            const sample = phrase.replace('{person} ', '').replaceAll('{role}', 'engineer').replaceAll('{word}', 'Bob').replaceAll('{adverb}', 'probably').replaceAll('{pronoun}', 'we');
            const matcher = new PhraseMatcher([{ ...entry, phrases: [phrase] }]);
            assert.equal([...matcher.matches(`x ${sample} y`)].length, 1, `${entry.id}: ${phrase}`);
          }
        }
      });
    });
  }
  it('placeholders are only used where understood', () => {
    for (const file of files) {
      const data: PhraseData = JSON.parse(readFileSync(path.join(DIR, file), 'utf8'));
      for (const phrase of data.entries.flatMap((entry) => entry.phrases)) {
        assert.ok(!/\{(?!person\}|role\}|word\}|adverb\}|pronoun\})/.test(phrase), phrase);
        assert.ok(phrase.indexOf('{person}') <= 0, phrase);
      }
    }
  });
});
