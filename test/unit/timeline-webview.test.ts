/**
 * The webview's trust boundary: the messages the extension accepts from it, the HTML shell and its
 * Content-Security-Policy, and hostile document text in the view model and the SVG picture.
 * (The rendered DOM itself is checked in the browser: test/integration/ui/timeline.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { buildTimelineView, escapeXml, renderTimelineSvg, wrap } from '../../src/core/timeline';
import { buildWebviewHtml, contentSecurityPolicy, createNonce } from '../../src/core/timeline/html';
import { parseWebviewMessage } from '../../src/core/timeline/messages';
import { fixture } from './helpers';

const CSP_SOURCE = 'https://*.vscode-cdn.net';
const html = (nonce = createNonce()) =>
  buildWebviewHtml({ cspSource: CSP_SOURCE, nonce, scriptUri: 'https://x.vscode-cdn.net/media/dist/timeline.js', styleUri: 'https://x.vscode-cdn.net/media/dist/timeline.css', codiconUri: 'https://x.vscode-cdn.net/media/dist/codicon.css' });

describe('timeline webview: messages from the webview', () => {
  it('accepts the known messages, rebuilt from their known fields only', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 1 }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', line: 12, command: 'rm -rf' }), { type: 'reveal', line: 12 });
    assert.deepEqual(parseWebviewMessage({ type: 'action', action: 'sort' }), { type: 'action', action: 'sort' });
    const report = { version: 3, texts: ['a'], durations: ['Time to detect: 7 min'], milestones: ['Started'], flagged: 0, highlighted: null };
    assert.deepEqual(parseWebviewMessage({ type: 'rendered', report: { ...report, html: '<b>' } }), { type: 'rendered', report });
  });

  it('rejects anything else', () => {
    const bad: unknown[] = [
      null,
      'reveal',
      [],
      { type: 'nope' },
      { type: 'reveal' },
      { type: 'reveal', line: 0 },
      { type: 'reveal', line: -3 },
      { type: 'reveal', line: 1.5 },
      { type: 'reveal', line: '12' },
      { type: 'reveal', line: Number.MAX_SAFE_INTEGER },
      { type: 'action', action: 'workbench.action.terminal.new' },
      { type: 'action', action: 'toString' },
      { type: 'action', action: ['sort'] },
      { type: 'rendered', report: { version: 1, texts: [1], durations: [], milestones: [], flagged: 0, highlighted: null } },
      { type: 'rendered', report: { version: 1, texts: 'a', durations: [], milestones: [], flagged: 0, highlighted: null } },
      { type: 'rendered', report: { version: 1, texts: [], durations: [], milestones: [], flagged: -1, highlighted: null } },
      { type: 'rendered', report: { version: 1, texts: ['x'.repeat(5000)], durations: [], milestones: [], flagged: 0, highlighted: null } },
      { type: 'rendered' },
    ];
    for (const message of bad) assert.equal(parseWebviewMessage(message), null, JSON.stringify(message)?.slice(0, 80));
  });
});

describe('timeline webview: HTML and Content-Security-Policy', () => {
  it('allows nothing by default, scripts only by nonce, styles and fonts from the extension only', () => {
    const nonce = createNonce();
    const csp = contentSecurityPolicy(CSP_SOURCE, nonce);
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('script-src'), `'nonce-${nonce}'`);
    assert.equal(directives.get('style-src'), CSP_SOURCE);
    assert.equal(directives.get('font-src'), CSP_SOURCE);
    assert.equal(directives.get('form-action'), "'none'");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*(?!\.vscode-cdn)|data:|https?:\/\/(?!\*\.vscode-cdn)/);
    const page = html(nonce);
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`));
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
    assert.ok(page.includes(`<script nonce="${nonce}" src="https://x.vscode-cdn.net/media/dist/timeline.js"></script>`));
    assert.doesNotMatch(page, /<form|command:|\son\w+=|style=|javascript:/i);
  });

  it('uses a fresh 128-bit nonce every time and refuses a weak one', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[0-9a-f]{32}$/);
    assert.throws(() => html('abc'), /nonce/);
    assert.throws(() => html('"><script>alert(1)</script>'), /nonce/);
    assert.throws(() => buildWebviewHtml({ cspSource: "'self'; script-src *", nonce: createNonce(), scriptUri: 's', styleUri: 's', codiconUri: 'c' }), /CSP source/);
    assert.ok(buildWebviewHtml({ cspSource: "'self' https://*.vscode-cdn.net", nonce: createNonce(), scriptUri: 's', styleUri: 's', codiconUri: 'c' }));
  });

  it('escapes resource URIs into attributes', () => {
    const page = buildWebviewHtml({ cspSource: CSP_SOURCE, nonce: createNonce(), scriptUri: 'x"><script>alert(1)</script>', styleUri: 's', codiconUri: 'c' });
    assert.ok(page.includes('src="x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"'));
    assert.equal((page.match(/<script\b/g) ?? []).length, 1);
  });
});

describe('timeline: hostile document text', () => {
  const view = buildTimelineView(analyze(fixture('timeline/hostile.postmortem.md')));

  it('keeps HTML, script end tags and javascript: links as plain text tokens in the view model', () => {
    assert.equal(view.entries.length, 4);
    for (const entry of view.entries) for (const token of entry.inline) assert.ok(['text', 'em', 'strong', 'code'].includes(token.kind));
    assert.ok(view.entries[0].inline.some((t) => t.kind === 'text' && t.text.includes('<img src=x onerror="alert(\'entry\')">')));
    assert.ok(view.entries[1].inline.some((t) => t.text.includes('</script><script>alert(3)</script>')));
    const third = view.entries[2].inline.map((t) => t.text).join('');
    assert.ok(third.startsWith('click me and <a href="javascript:alert(5)">link</a>'), third);
    assert.doesNotMatch(third, /javascript:alert\(4\)/, 'a Markdown link keeps its text, not its target');
    assert.match(view.title ?? '', /<img src=x onerror=/);
  });

  it('escapes every text in the SVG picture: no element or attribute comes from the document', () => {
    const svg = renderTimelineSvg(view);
    assert.doesNotMatch(svg, /<img|<script|<a\b|<\/script>|\son\w+="|href="/i);
    assert.ok(svg.includes('&lt;img src=x onerror=&quot;alert(&apos;entry&apos;)&quot;&gt;'));
    assert.ok(svg.includes('&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;'));
    assert.ok(svg.includes('${alert(6)} &lt;b&gt; &amp; &quot;quotes&quot; &apos;single&apos;'), 'entities are decoded once, then escaped');
    const elements = new Set(Array.from(svg.matchAll(/<([a-zA-Z]+)/g), (m) => m[1]));
    for (const element of elements) assert.ok(['circle', 'line', 'path', 'rect', 'style', 'svg', 'text'].includes(element), element);
  });

  it('drops characters XML cannot hold and wraps long text', () => {
    assert.equal(escapeXml('a\u0000b\u001fc\ud800d<&>'), 'abcd&lt;&amp;&gt;');
    assert.deepEqual(wrap('one two three four', 9, 2), ['one two', 'three…']);
    assert.deepEqual(wrap('x'.repeat(30), 10, 2), ['xxxxxxxxx…']);
  });

  it('renders the example postmortem with its durations and every entry', () => {
    const svg = renderTimelineSvg(buildTimelineView(analyze(fixture('../../examples/checkout-outage.postmortem.md'))));
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="960" height="\d+"/);
    for (const text of ['Time to detect', '7 min', '39 min', '1 h 18 min', 'MITIGATED', 'Rollback of config v412 starts, region by region']) assert.ok(svg.includes(text), text);
  });
});
