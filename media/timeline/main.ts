/**
 * The Timeline view's script (bundled by scripts/build.mjs to media/dist/timeline.js). It renders the
 * view model the extension posts, as DOM built with `textContent` only: no document text ever becomes
 * markup. It posts back small typed messages (see src/core/timeline/messages.ts) and keeps its scroll
 * position and zone toggle in the webview state.
 */
import type { FromWebview, RenderedReport, TimelinePayload, ToWebview } from '../../src/core/timeline/messages';
import type { DayRow, Gap, TimelineView, ViewEntry } from '../../src/core/timeline/view-model';
import { formatDuration } from '../../src/core/timeline/view-model';
import { SOURCE_STYLES } from '../../src/core/timeline/sources';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): State | undefined;
  setState(state: State): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface State {
  scrollTop: number;
  showZone: boolean;
  payload: TimelinePayload | null;
  empty: 'no-editor' | 'not-postmortem' | null;
  focusedLine: number | null;
}

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
const state: State = { scrollTop: 0, showZone: false, payload: null, empty: null, focusedLine: null, ...vscode.getState() };
let highlighted: number | null = null;

const MILESTONE_LABELS = { started: 'Started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' } as const;

function save(): void {
  vscode.setState(state);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function icon(name: string, label?: string): HTMLElement {
  const node = el('span', `codicon codicon-${name}`);
  if (label) {
    node.title = label;
    node.setAttribute('role', 'img');
    node.setAttribute('aria-label', label);
  } else {
    node.setAttribute('aria-hidden', 'true');
  }
  return node;
}

function button(label: string, iconName: string, action: () => void): HTMLButtonElement {
  const node = el('button', 'action');
  node.type = 'button';
  node.append(icon(iconName), document.createTextNode(' ' + label));
  node.addEventListener('click', action);
  return node;
}

function entryText(entry: ViewEntry): HTMLElement {
  const node = el('span', 'text');
  for (const token of entry.inline) {
    node.append(token.kind === 'text' ? document.createTextNode(token.text) : el(token.kind === 'strong' ? 'strong' : token.kind === 'em' ? 'em' : 'code', undefined, token.text));
  }
  return node;
}

function entryLabel(entry: ViewEntry): string {
  const parts = [`${entry.utcTime} UTC`];
  if (entry.zoneTime) parts.push(`(${entry.zoneTime})`);
  if (entry.source) parts.push(`source ${entry.source}`);
  for (const name of entry.milestones) parts.push(`milestone ${name}`);
  let label = `${parts.join(', ')}: ${entry.inline.map((t) => t.text).join('')}`;
  if (entry.problems.length) label += `. ${entry.problems.length} ${entry.problems.length === 1 ? 'problem' : 'problems'}: ${entry.problems.map((p) => p.message).join(' ')}`;
  return label;
}

function gapRow(gap: Gap): HTMLElement {
  const node = el('li', gap.compressed ? 'gap compressed' : 'gap');
  node.style.minHeight = `${gap.pixels}px`;
  node.append(el('span', 'gap-label', gap.compressed ? `${formatDuration(gap.seconds)} later` : `${formatDuration(gap.seconds)} with no entries`));
  return node;
}

function entryRow(entry: ViewEntry): HTMLElement {
  const node = el('li', 'entry');
  node.dataset.line = String(entry.line);
  node.tabIndex = -1;
  node.setAttribute('aria-label', entryLabel(entry));
  if (entry.milestones.length) node.classList.add('milestone', `milestone-${entry.milestones[0]}`);
  const time = el('span', 'time', state.showZone && entry.zoneTime ? entry.zoneTime.split(' ')[0] : entry.utcTime);
  time.title = [`${entry.day} ${entry.utcTime} UTC`, entry.zoneTime, `written "${entry.timeText}"`].filter(Boolean).join(' · ');
  const dot = el('span', 'dot');
  const kind = entry.sourceKind;
  dot.append(icon(kind ? SOURCE_STYLES[kind].icon : 'circle-small', kind ? entry.source ?? undefined : 'no source'));
  const body = el('span', 'body');
  for (const name of entry.milestones) body.append(el('span', `badge badge-${name}`, MILESTONE_LABELS[name]));
  body.append(entryText(entry));
  node.append(time, dot, body);
  if (entry.problems.length) {
    const marker = icon(entry.problems.some((p) => p.severity === 'error') ? 'error' : entry.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info', entry.problems.map((p) => `${p.message} (${p.rule})`).join('\n'));
    marker.classList.add('problem');
    node.append(marker);
    node.classList.add('flagged');
  }
  return node;
}

function milestoneRow(row: Extract<DayRow, { kind: 'milestone' }>['milestone']): HTMLElement {
  const node = el('li', `milestone-row milestone-${row.name}`);
  node.append(el('span', 'time', row.utcTime), el('span', 'dot diamond'), el('span', 'body', `${MILESTONE_LABELS[row.name]}${row.origin === 'front-matter' ? ' (front matter)' : ''}`));
  return node;
}

function header(view: TimelineView, name: string): HTMLElement {
  const node = el('header');
  const title = el('h2', 'title', view.title ?? name);
  title.title = name;
  node.append(title);
  const durations = el('dl', 'durations');
  const items: [string, number | null, string][] = [
    ['Time to detect', view.durations.timeToDetectSeconds, 'started and detected'],
    ['Time to mitigate', view.durations.timeToMitigateSeconds, 'started and mitigated'],
    ['Time to resolve', view.durations.timeToResolveSeconds, 'started and resolved'],
    ['Total impact', view.durations.totalImpactSeconds, 'started and resolved'],
  ];
  for (const [label, seconds, needs] of items) {
    const item = el('div', seconds === null ? 'duration unknown' : 'duration');
    const value = el('dd', undefined, formatDuration(seconds));
    if (seconds === null) value.title = `Unknown: needs the ${needs} milestones ({started} … in the timeline or in the front matter).`;
    item.append(el('dt', undefined, label), value);
    durations.append(item);
  }
  node.append(durations);
  const tools = el('div', 'tools');
  if (view.zone) {
    const toggle = button(state.showZone ? view.zone : 'UTC', 'globe', () => {
      state.showZone = !state.showZone;
      save();
      render();
    });
    toggle.classList.add('zone-toggle');
    toggle.setAttribute('aria-pressed', String(state.showZone));
    toggle.title = state.showZone ? `Times in ${view.zone}; show UTC` : `Times in UTC; show ${view.zone}`;
    tools.append(toggle);
  }
  tools.append(legend(view));
  node.append(tools);
  return node;
}

function legend(view: TimelineView): HTMLElement {
  const details = el('details', 'legend');
  details.append(el('summary', undefined, 'Legend'));
  const list = el('ul');
  const kinds = new Set(view.entries.map((e) => e.sourceKind ?? 'other'));
  for (const [kind, style] of Object.entries(SOURCE_STYLES)) {
    if (!kinds.has(kind as keyof typeof SOURCE_STYLES)) continue;
    const item = el('li');
    item.append(icon(style.icon), document.createTextNode(' ' + style.label));
    list.append(item);
  }
  for (const [name, label] of Object.entries(MILESTONE_LABELS)) list.append(el('li', `legend-milestone badge-${name}`, label));
  const gap = el('li', undefined, `Gap: ${formatDuration(view.gapSeconds)} or more without entries`);
  list.append(gap);
  details.append(list);
  return details;
}

function hint(reason: 'no-editor' | 'not-postmortem'): HTMLElement {
  const node = el('div', 'hint');
  node.append(
    el('p', undefined, reason === 'not-postmortem' ? 'The Timeline follows the active postmortem (*.postmortem.md). This editor is not one.' : 'Open a postmortem (*.postmortem.md) to see its timeline here.'),
    button('New Postmortem', 'new-file', () => vscode.postMessage({ type: 'action', action: 'newPostmortem' })),
  );
  return node;
}

function timeline(payload: TimelinePayload): HTMLElement[] {
  const { view } = payload;
  const parts: HTMLElement[] = [header(view, payload.document.name)];
  if (view.entries.length === 0) {
    const empty = el('div', 'hint');
    empty.append(
      el('p', undefined, 'No timeline entries with a time yet. Add one under "## Timeline", e.g. "- 14:02 UTC [alert] Error rate above 5%".'),
      button('Add Timeline Entry Now', 'add', () => vscode.postMessage({ type: 'action', action: 'addEntryNow' })),
    );
    parts.push(empty);
  }
  for (const day of view.days) {
    const section = el('section', 'day');
    section.setAttribute('aria-label', day.label);
    section.append(el('h3', undefined, day.label));
    const list = el('ol', 'entries');
    for (const row of day.rows) {
      if (row.kind === 'entry') {
        if (row.entry.gap) list.append(gapRow(row.entry.gap));
        list.append(entryRow(row.entry));
      } else {
        list.append(milestoneRow(row.milestone));
      }
    }
    section.append(list);
    parts.push(section);
  }
  if (view.unplaced.length) {
    const section = el('section', 'day unplaced');
    section.append(el('h3', undefined, 'Not placed: time unknown'));
    const list = el('ol', 'entries');
    for (const entry of view.unplaced) {
      const node = el('li', 'entry');
      node.dataset.line = String(entry.line);
      node.tabIndex = -1;
      node.setAttribute('aria-label', `Line ${entry.line}, time "${entry.timeText}" could not be placed: ${entry.text}`);
      node.append(el('span', 'time', entry.timeText), el('span', 'dot'), el('span', 'body', entry.text));
      list.append(node);
    }
    section.append(list);
    parts.push(section);
  }
  return parts;
}

function entries(): HTMLElement[] {
  return Array.from(app.querySelectorAll<HTMLElement>('li.entry'));
}

function render(): void {
  const scroller = document.scrollingElement ?? document.documentElement;
  const scrollTop = scroller.scrollTop || state.scrollTop;
  const hadFocus = app.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.line : undefined;
  const parts = state.payload ? timeline(state.payload) : [hint(state.empty ?? 'no-editor')];
  app.replaceChildren(...parts);
  app.setAttribute('aria-busy', 'false');
  const rows = entries();
  const current = rows.find((r) => r.dataset.line === String(hadFocus ?? state.focusedLine)) ?? rows[0];
  if (current) current.tabIndex = 0;
  if (hadFocus !== undefined && current) current.focus({ preventScroll: true });
  applyHighlight(false);
  scroller.scrollTop = scrollTop;
  report();
}

function applyHighlight(reveal: boolean): void {
  for (const row of entries()) {
    const on = highlighted !== null && row.dataset.line === String(highlighted);
    row.classList.toggle('current', on);
    if (on) {
      row.setAttribute('aria-current', 'true');
      if (reveal) row.scrollIntoView({ block: 'nearest' });
    } else {
      row.removeAttribute('aria-current');
    }
  }
}

function report(): void {
  const rows = entries();
  const rendered: RenderedReport = {
    version: state.payload?.document.version ?? null,
    texts: rows.map((r) => (r.querySelector('.text') ?? r.querySelector('.body'))?.textContent ?? ''),
    durations: Array.from(app.querySelectorAll('.duration')).map((d) => `${d.querySelector('dt')?.textContent}: ${d.querySelector('dd')?.textContent}`),
    milestones: Array.from(app.querySelectorAll('.entries .badge, .milestone-row .body')).map((b) => b.textContent ?? ''),
    flagged: app.querySelectorAll('li.entry.flagged').length,
    highlighted: rows.some((r) => r.classList.contains('current')) ? highlighted : null,
  };
  vscode.postMessage({ type: 'rendered', report: rendered });
}

function reveal(row: HTMLElement): void {
  const line = Number(row.dataset.line);
  if (Number.isInteger(line) && line > 0) vscode.postMessage({ type: 'reveal', line });
}

function focusRow(row: HTMLElement | undefined): void {
  if (!row) return;
  for (const r of entries()) r.tabIndex = -1;
  row.tabIndex = 0;
  row.focus();
  state.focusedLine = Number(row.dataset.line);
  save();
}

app.addEventListener('click', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLElement>('li.entry');
  if (!row) return;
  focusRow(row);
  reveal(row);
});

app.addEventListener('keydown', (event) => {
  const row = (event.target as HTMLElement).closest<HTMLElement>('li.entry');
  if (!row) return;
  const rows = entries();
  const index = rows.indexOf(row);
  const moves: Record<string, number | undefined> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1, PageDown: Math.min(rows.length - 1, index + 10), PageUp: Math.max(0, index - 10) };
  if (event.key in moves) {
    event.preventDefault();
    focusRow(rows[moves[event.key]!]);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    reveal(row);
  }
});

let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    state.scrollTop = (document.scrollingElement ?? document.documentElement).scrollTop;
    save();
  }, 150);
});

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'timeline':
      state.payload = message.payload;
      state.empty = null;
      save();
      render();
      break;
    case 'empty':
      state.payload = null;
      state.empty = message.reason;
      save();
      render();
      break;
    case 'highlight':
      highlighted = message.line;
      applyHighlight(true);
      report();
      break;
  }
});

// Show the last state at once (no blank flash when the view is shown again), then ask for fresh data.
if (state.payload || state.empty) render();
vscode.postMessage({ type: 'ready' });
