// Tokenizes sample lines with the real TextMate engine and checks the postmortem scopes injected into the
// Markdown stand-in (see grammar-loader.ts). Linear time on hostile lines is measured by bench/grammar.ts.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import { loadGrammar } from './grammar-loader';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'postmortem.tmLanguage.json');

const TIMESTAMP = 'constant.numeric.timestamp.postmortem';
const OWNER = 'variable.other.owner.postmortem';
const SEVERITY = 'constant.language.severity.postmortem';
const DUE = 'constant.numeric.date.due.postmortem';
const SOURCE = 'entity.name.tag.source.postmortem';
const MILESTONE = 'keyword.other.milestone.postmortem';

let grammar: vsctm.IGrammar;

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenizes a whole document (lines share the rule stack) and returns the tokens of each line. */
function tokenize(text: string): Token[][] {
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The texts of the tokens that carry `scope`, over all lines. */
function withScope(text: string, scope: string): string[] {
  return tokenize(text)
    .flat()
    .filter((t) => t.scopes.includes(scope))
    .map((t) => t.text);
}

/** Adjacent tokens carrying `scope` joined: captures split a match into several tokens. */
function spans(text: string, scope: string): string[] {
  const out: string[] = [];
  for (const line of tokenize(text)) {
    let current: string | null = null;
    for (const token of line) {
      if (token.scopes.includes(scope)) current = (current ?? '') + token.text;
      else if (current !== null) {
        out.push(current);
        current = null;
      }
    }
    if (current !== null) out.push(current);
  }
  return out;
}

function scopesOf(text: string, needle: string): string[] {
  const token = tokenize(text)
    .flat()
    .find((t) => t.text === needle);
  assert.ok(token, `no token "${needle}" in ${JSON.stringify(text)}`);
  return token.scopes;
}

describe('grammar: text.postmortem', function () {
  before(async function () {
    grammar = await loadGrammar();
  });

  describe('timeline timestamps', function () {
    it('scopes the time at the start of a list item and keeps the Markdown list scopes', function () {
      const line = '- 14:02 [alert] Error rate above 5% {started}';
      assert.deepEqual(withScope(line, TIMESTAMP), ['14:02']);
      assert.ok(scopesOf(line, '-').includes('punctuation.definition.list.begin.markdown'));
      assert.ok(scopesOf(line, '14:02').includes('markup.list.unnumbered.markdown'));
      assert.ok(scopesOf(line, '14:02').includes('meta.timeline.entry.postmortem'));
    });

    const forms: Array<[string, string]> = [
      ['- 14:02:33 Pager fired', '14:02:33'],
      ['- 2024-03-05 14:02 UTC Rollback started', '2024-03-05 14:02 UTC'],
      ['- 2024-03-05T14:02:00Z Rollback started', '2024-03-05T14:02:00Z'],
      ['- 2024-03-05T14:02:00+02:00 Rollback started', '2024-03-05T14:02:00+02:00'],
      ['- 14:02 +02:00 Rollback started', '14:02 +02:00'],
      ['- 14:02 CET Rollback started', '14:02 CET'],
      ['- 14:02 PST Rollback started', '14:02 PST'],
      ['- 9:05 pm EDT Rollback started', '9:05 pm EDT'],
      ['- 14:02 UTC+1 Rollback started', '14:02 UTC+1'],
      ['* 14:02 Rollback started', '14:02'],
      ['+ 14:02 Rollback started', '14:02'],
      ['1. 14:02 Rollback started', '14:02'],
      ['-   14:02 Rollback started', '14:02'],
      ['- 14:02: Rollback started', '14:02'],
      ['- 14:02 — Rollback started', '14:02'],
    ];
    for (const [line, expected] of forms) {
      it(`reads ${JSON.stringify(expected)} in ${JSON.stringify(line)}`, function () {
        assert.deepEqual(spans(line, TIMESTAMP), [expected]);
      });
    }

    it('does not read a range end, a word or a time later in the line as a zone or a timestamp', function () {
      assert.deepEqual(spans('- 14:02-14:30 Degraded', TIMESTAMP), ['14:02']);
      assert.deepEqual(spans('- 14:02 API latency up', TIMESTAMP), ['14:02']);
      assert.deepEqual(withScope('- The deploy at 14:02 failed', TIMESTAMP), []);
      assert.deepEqual(withScope('14:02 is not in a list item', TIMESTAMP), []);
      assert.deepEqual(withScope('- 14:023 is not a time', TIMESTAMP), []);
      assert.deepEqual(withScope('- 1402 is not a time', TIMESTAMP), []);
    });

    it('reads a time wrapped in emphasis, code or brackets, as the parser does', function () {
      assert.deepEqual(withScope('- **14:02** Paged', TIMESTAMP), ['14:02']);
      assert.deepEqual(withScope('- `14:02 UTC` Paged', TIMESTAMP), ['14:02 UTC']);
      assert.deepEqual(withScope('- [14:02] [alert] Paged', TIMESTAMP), ['14:02']);
      assert.deepEqual(spans('- [14:02] [alert] Paged', SOURCE), ['[alert]']);
      assert.deepEqual(withScope('- _14:02_ Paged', TIMESTAMP), ['14:02']);
      assert.deepEqual(withScope('- [14:02](https://example.com) a link', TIMESTAMP), []);
    });

    it('ignores times in code', function () {
      assert.deepEqual(withScope('- Deployed at `14:02` quoted', TIMESTAMP), []);
      assert.deepEqual(withScope('```\n- 14:02 [alert] in a code block {started}\n```', TIMESTAMP), []);
      assert.deepEqual(withScope('```\n- 14:02 [alert] in a code block {started}\n```', MILESTONE), []);
    });

    it('keeps Markdown inline highlighting in the rest of the entry', function () {
      const line = '- 14:02 [deploy] Rolled out `v1.2.3` to **all** regions';
      assert.ok(scopesOf(line, '`v1.2.3`').includes('markup.inline.raw.string.markdown'));
      assert.deepEqual(withScope(line, SOURCE).join(''), '[deploy]');
    });

    it('scopes a nested timeline list and a numbered one', function () {
      const doc = '- 2024-03-05\n  - 14:02 Error rate above 5% {started}\n  - 14:09 Paged on-call {detected}';
      assert.deepEqual(withScope(doc, TIMESTAMP), ['14:02', '14:09']);
      assert.deepEqual(spans(doc, MILESTONE), ['{started}', '{detected}']);
    });

    it('scopes a time at the start of a table cell', function () {
      const doc = '| Time | Source | Event |\n| --- | --- | --- |\n| 14:02 UTC | [alert] | Error rate above 5% {started} |';
      assert.deepEqual(spans(doc, TIMESTAMP), ['14:02 UTC']);
      assert.deepEqual(spans(doc, SOURCE), ['[alert]']);
      assert.deepEqual(spans(doc, MILESTONE), ['{started}']);
      assert.deepEqual(spans('|2024-03-05T14:02:00Z|x|', TIMESTAMP), ['2024-03-05T14:02:00Z']);
    });

    it('scopes the date of a day heading and keeps the heading scopes', function () {
      const line = '### 2024-03-05';
      assert.deepEqual(withScope(line, 'constant.numeric.date.postmortem'), ['2024-03-05']);
      assert.ok(scopesOf(line, '2024-03-05').includes('markup.heading.markdown'));
    });
  });

  describe('source tags and milestones', function () {
    it('scopes every milestone marker', function () {
      for (const name of ['started', 'detected', 'mitigated', 'resolved']) {
        assert.deepEqual(spans(`- 14:02 Something {${name}}`, MILESTONE), [`{${name}}`]);
      }
      assert.deepEqual(spans('- 14:02 Something { Resolved }', MILESTONE), ['{ Resolved }']);
      assert.deepEqual(spans('- 14:02 Something {finished}', MILESTONE), []);
    });

    it('does not read links, reference links or task boxes as source tags', function () {
      assert.deepEqual(spans('- 14:02 [alert] see [runbook](https://example.com/rb)', SOURCE), ['[alert]']);
      assert.deepEqual(spans('- 14:02 see [runbook][rb]', SOURCE), []);
      assert.deepEqual(spans('- [ ] 14:02 done', SOURCE), []);
      assert.deepEqual(spans('- [x] not a timeline entry', SOURCE), []);
    });
  });

  describe('action items', function () {
    const item = '- [ ] Add a canary stage — owner: @dana, due 2024-04-01, OPS-123';

    it('scopes the owner handle and the due date', function () {
      assert.deepEqual(spans(item, OWNER), ['@dana']);
      assert.deepEqual(withScope(item, DUE), ['2024-04-01']);
      assert.deepEqual(withScope('- [ ] Fix alerts, due: 2024-04-01', DUE), ['2024-04-01']);
      assert.deepEqual(withScope('- [ ] Fix alerts, Due date 2024-04-01', DUE), ['2024-04-01']);
      assert.deepEqual(withScope('- [ ] Fix alerts (deadline: 2024-04-01)', DUE), ['2024-04-01']);
      assert.deepEqual(withScope('- [ ] Fix alerts by 2024-04-01', DUE), ['2024-04-01']);
      assert.deepEqual(withScope('- [ ] Released 2024-04-01', DUE), []);
    });

    it('scopes owners in tables and team handles, not e-mail addresses or URLs', function () {
      assert.deepEqual(spans('| Add a canary | @dana | 2024-04-01 | OPS-123 |', OWNER), ['@dana']);
      assert.deepEqual(spans('Ask @platform/sre or @dana.', OWNER), ['@platform/sre', '@dana']);
      assert.deepEqual(spans('Mail dana@example.com or see https://example.com/@dana', OWNER), []);
      assert.deepEqual(spans('Run `ssh deploy@host` as @ops-bot', OWNER), ['@ops-bot']);
    });
  });

  describe('severity', function () {
    it('scopes SEV1..SEV5 and P0..P4 only', function () {
      assert.deepEqual(spans('This was a SEV2 (P1) incident.', SEVERITY), ['SEV2', 'P1']);
      assert.deepEqual(spans('SEV0 SEV6 P5 P10 XSEV2 SEV22', SEVERITY), []);
    });

    it('scopes values in the front matter, which stays YAML', function () {
      const doc = '---\ntitle: Checkout outage\nseverity: SEV2\nauthors: ["@dana"]\n---\n\n## Summary';
      const lines = tokenize(doc);
      const sev = lines[2].find((t) => t.text === 'SEV2');
      assert.ok(sev, 'SEV2 token');
      assert.ok(sev.scopes.includes(SEVERITY));
      assert.ok(sev.scopes.includes('meta.embedded.block.frontmatter'));
      assert.ok(lines[1].some((t) => t.scopes.includes('entity.name.tag.yaml')));
    });
  });

  describe('regular expressions', function () {
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as unknown;

    function regexes(node: unknown, out: string[] = []): string[] {
      if (Array.isArray(node)) node.forEach((child) => regexes(child, out));
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'match' || key === 'begin' || key === 'end' || key === 'while') && typeof value === 'string') out.push(value);
          else regexes(value, out);
        }
      }
      return out;
    }

    /** True when a group repeated without bound contains a repetition without bound: the shape that backtracks. */
    function hasNestedUnboundedQuantifier(source: string): boolean {
      const stack: boolean[] = [];
      let unboundedInside = false;
      const unboundedAt = (i: number) => source[i] === '*' || source[i] === '+' || /^\{\d*,\}/.test(source.slice(i));
      for (let i = 0; i < source.length; i++) {
        const ch = source[i];
        if (ch === '\\') {
          i++;
        } else if (ch === '[') {
          for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
        } else if (ch === '(') {
          stack.push(unboundedInside);
          unboundedInside = false;
        } else if (ch === ')') {
          const inner: boolean = unboundedInside;
          const repeated: boolean = unboundedAt(i + 1);
          if (repeated && inner) return true;
          unboundedInside = (stack.pop() ?? false) || inner || repeated;
        } else if (unboundedAt(i) && source[i - 1] !== '(') {
          unboundedInside = true;
        }
      }
      return false;
    }

    it('has no nested unbounded quantifiers', function () {
      const all = regexes(raw);
      assert.ok(all.length > 5);
      assert.equal(hasNestedUnboundedQuantifier('(a+)+'), true, 'the checker finds the classic shape');
      for (const source of all) assert.equal(hasNestedUnboundedQuantifier(source), false, source);
    });

  });
});
