/**
 * Past participles, for telling a perfect ("should have *rolled* back") from possession ("should have
 * *a default*") and a passive ("is clearly *communicated*") from a predicate ("is clearly *wrong*").
 */

/** Irregular past participles (regular ones end in -ed). */
const IRREGULAR_PARTICIPLES = new Set(
  ('been had done gone seen taken made found told brought thought written run hit put set got gotten kept left built sent spent caught ' +
    'known given chosen broken spoken woken driven ridden risen shown thrown grown drawn fallen forgotten begun come become eaten ' +
    'held heard lost meant met paid read said sold stood understood won shut cut let felt fought led dealt taught sought bought ' +
    'spotted stopped dropped withstood undergone overcome forgone mistaken overtaken withheld upheld overseen undertaken overdone ' +
    'redone rebuilt rerun reset rewritten spun stuck struck swung sunk sprung swept bent lent burnt dug fed fled bound ground ' +
    'wound hung sworn torn worn borne hidden bitten ' +
    // British spellings ("should have learnt Flask first").
    'learnt spelt dreamt spilt spoilt leant leapt smelt knelt dwelt').split(' '),
);
/** Words ending in -ed/-en that are not participles after "have" ("should have a speed limit", "should have open tickets"). */
const NOT_PARTICIPLES = new Set(
  ('need needs feed seed speed bed red shed token tokens screen screens kitchen oxygen citizen hyphen garden open often even ' +
    'ten seven eleven when then men women children dozen green hundred').split(' '),
);
const DETERMINERS = new Set('a an the this that these those some any no more less many few one two three several our their its his her my your enough'.split(' '));

/**
 * "could've lead to a quicker recovery": after "have", "lead" followed by "to" is the common misspelling
 * of the participle "led" ("should have lead time" is possession and stays a noun).
 */
export function participleSpelling(word: string | undefined, next: string | undefined): string | undefined {
  return word === 'lead' && next === 'to' ? 'led' : word;
}

export function isParticiple(word: string | undefined): boolean {
  if (!word || NOT_PARTICIPLES.has(word) || DETERMINERS.has(word)) return false;
  return IRREGULAR_PARTICIPLES.has(word) || /^[\p{L}-]{2,}(?:ed|en)$/u.test(word);
}
