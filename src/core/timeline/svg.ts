/**
 * The timeline as an SVG picture for slides: a header with the durations, a vertical time axis coloured
 * by incident phase, entries with their source colour and milestone badges, gaps to scale. Every text
 * from the document is escaped; the picture references nothing outside itself.
 */
import type { MilestoneName } from '../model/types';
import { plainText } from './inline';
import { SOURCE_STYLES, type SourceKind } from './sources';
import { formatDuration, type TimelineView } from './view-model';

const WIDTH = 960;
const MARGIN = 32;
const AXIS_X = 136;
const TEXT_X = 158;
const LINE_HEIGHT = 20;
const ROW_PADDING = 10;
const CHARS_PER_LINE = 98;
const MAX_LINES = 3;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const MILESTONE_COLORS: Record<MilestoneName, string> = { started: '#d1242f', detected: '#bc4c00', mitigated: '#9a6700', resolved: '#1a7f37' };
const PHASES = [
  { until: 'detected', label: 'Undetected', color: '#d1242f' },
  { until: 'mitigated', label: 'Detected, not mitigated', color: '#e16f24' },
  { until: 'resolved', label: 'Mitigated, not resolved', color: '#d4a72c' },
] as const;
const NEUTRAL = '#afb8c1';

/** Escapes text for XML content and attribute values and drops the characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Breaks text into at most `max` lines of about `width` characters (the last one ends with … when cut). */
export function wrap(text: string, width = CHARS_PER_LINE, max = MAX_LINES): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const piece = word.length > width ? word.slice(0, width - 1) + '…' : word;
    if (current && current.length + 1 + piece.length > width) {
      lines.push(current);
      current = piece;
      if (lines.length === max) break;
    } else {
      current = current ? `${current} ${piece}` : piece;
    }
  }
  if (lines.length < max && current) lines.push(current);
  else if (lines.length === max && current) lines[max - 1] += '…';
  return lines.length ? lines : [''];
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x}" y="${y}"${attrs ? ' ' + attrs : ''}>${escapeXml(content)}</text>`;
}

function phaseColor(view: TimelineView, atMs: number): string {
  const started = view.milestones.started ? Date.parse(view.milestones.started.at) : null;
  if (started === null || atMs < started) return NEUTRAL;
  for (const phase of PHASES) {
    const end = view.milestones[phase.until];
    if (!end || atMs < Date.parse(end.at)) return phase.color;
  }
  return NEUTRAL;
}

/** Renders the view model as a standalone SVG document. */
export function renderTimelineSvg(view: TimelineView): string {
  const body: string[] = [];
  const axis: { y1: number; y2: number; color: string; dashed: boolean }[] = [];
  let y = MARGIN + 20;

  body.push(text(MARGIN, y, view.title ?? 'Untitled postmortem', 'class="title"'));
  y += 24;
  const span = view.days.length ? (view.days.length > 1 ? `${view.days[0].label} – ${view.days[view.days.length - 1].label}` : view.days[0].label) : 'no timed entries';
  body.push(text(MARGIN, y, `Timeline · ${view.entries.length} ${view.entries.length === 1 ? 'entry' : 'entries'} · ${span} · times in UTC`, 'class="muted"'));
  y += 20;

  const tiles: [string, number | null][] = [
    ['Time to detect', view.durations.timeToDetectSeconds],
    ['Time to mitigate', view.durations.timeToMitigateSeconds],
    ['Time to resolve', view.durations.timeToResolveSeconds],
    ['Total impact', view.durations.totalImpactSeconds],
  ];
  const tileWidth = (WIDTH - 2 * MARGIN - 3 * 12) / 4;
  tiles.forEach(([label, seconds], i) => {
    const x = MARGIN + i * (tileWidth + 12);
    body.push(`<rect x="${x}" y="${y}" width="${tileWidth}" height="58" rx="6" class="tile"/>`);
    body.push(text(x + 12, y + 21, label, 'class="muted"'));
    body.push(text(x + 12, y + 46, formatDuration(seconds), seconds === null ? 'class="value unknown"' : 'class="value"'));
  });
  y += 58 + 28;

  let previousAxisY: number | null = null;
  let previousMs: number | null = null;
  const usedKinds = new Set<SourceKind>();
  for (const day of view.days) {
    y += 6;
    body.push(text(MARGIN, y + 14, day.label, 'class="day"'));
    body.push(`<line x1="${MARGIN}" y1="${y + 22}" x2="${WIDTH - MARGIN}" y2="${y + 22}" class="rule"/>`);
    y += 34;
    for (const row of day.rows) {
      if (row.kind === 'entry' && row.entry.gap) {
        const gap = row.entry.gap;
        const space = Math.max(gap.pixels, 26);
        const mid = y + space / 2;
        if (gap.compressed) {
          body.push(`<path d="M${AXIS_X - 9} ${mid - 1} l18 -6 M${AXIS_X - 9} ${mid + 6} l18 -6" class="break"/>`);
          body.push(text(TEXT_X, mid + 5, `${formatDuration(gap.seconds)} later`, 'class="gap"'));
        } else {
          body.push(text(TEXT_X, mid + 5, `${formatDuration(gap.seconds)} with no entries`, 'class="gap"'));
        }
        if (previousAxisY !== null) {
          axis.push({ y1: previousAxisY, y2: gap.compressed ? mid - 8 : y + space, color: phaseColor(view, previousMs!), dashed: true });
          previousAxisY = gap.compressed ? mid + 8 : y + space;
        }
        y += space;
      }
      const atMs = row.kind === 'entry' ? row.entry.atMs : row.milestone.atMs;
      const dotY = y + 14;
      if (previousAxisY !== null) axis.push({ y1: previousAxisY, y2: dotY, color: phaseColor(view, previousMs!), dashed: false });
      previousAxisY = dotY;
      previousMs = atMs;
      if (row.kind === 'milestone') {
        const { name, utcTime, origin } = row.milestone;
        body.push(text(AXIS_X - 20, dotY + 5, utcTime, 'class="time" text-anchor="end"'));
        body.push(`<path d="M${AXIS_X} ${dotY - 8} l8 8 l-8 8 l-8 -8 z" fill="${MILESTONE_COLORS[name]}"/>`);
        body.push(text(TEXT_X, dotY + 5, `${capitalize(name)}${origin === 'front-matter' ? ' (from the front matter)' : ''}`, `class="milestone-row" fill="${MILESTONE_COLORS[name]}"`));
        y += 28 + ROW_PADDING;
        continue;
      }
      const { entry } = row;
      const kind = entry.sourceKind ?? 'other';
      usedKinds.add(kind);
      body.push(text(AXIS_X - 20, dotY + 5, entry.utcTime, 'class="time" text-anchor="end"'));
      const color = SOURCE_STYLES[kind].color;
      body.push(entry.milestones.length ? `<circle cx="${AXIS_X}" cy="${dotY}" r="8" fill="#fff" stroke="${MILESTONE_COLORS[entry.milestones[0]]}" stroke-width="3"/><circle cx="${AXIS_X}" cy="${dotY}" r="4" fill="${color}"/>` : `<circle cx="${AXIS_X}" cy="${dotY}" r="6" fill="${color}"/>`);
      let x = TEXT_X;
      for (const name of entry.milestones) {
        const width = name.length * 7.4 + 16;
        body.push(`<rect x="${x}" y="${dotY - 10}" width="${width}" height="20" rx="10" fill="${MILESTONE_COLORS[name]}"/>`);
        body.push(text(x + width / 2, dotY + 4, name.toUpperCase(), 'class="badge" text-anchor="middle"'));
        x += width + 8;
      }
      const label = (entry.source ? `[${entry.source}] ` : '') + plainText(entry.text);
      const lines = wrap(label, Math.max(20, CHARS_PER_LINE - Math.round((x - TEXT_X) / 7.2)));
      lines.forEach((line, i) => body.push(text(i === 0 ? x : TEXT_X, dotY + 5 + i * LINE_HEIGHT, line, 'class="entry"')));
      y += 28 + (lines.length - 1) * LINE_HEIGHT + ROW_PADDING;
    }
  }
  if (view.entries.length === 0) {
    body.push(text(MARGIN, y + 10, 'No timeline entries with a time yet.', 'class="muted"'));
    y += 30;
  }

  y += 16;
  const legend: string[] = [];
  let lx = MARGIN;
  const legendItem = (swatch: string, label: string): void => {
    legend.push(swatch.replace(/\{x\}/g, String(lx)).replace(/\{y\}/g, String(y)));
    legend.push(text(lx + 16, y + 4, label, 'class="legend"'));
    lx += 16 + label.length * 7 + 20;
  };
  for (const kind of Object.keys(SOURCE_STYLES) as SourceKind[]) {
    if (usedKinds.has(kind)) legendItem(`<circle cx="{x}" cy="{y}" r="5" fill="${SOURCE_STYLES[kind].color}" transform="translate(5 0)"/>`, SOURCE_STYLES[kind].label);
  }
  for (const phase of PHASES) legendItem(`<rect x="{x}" y="{y}" width="12" height="4" transform="translate(0 -2)" fill="${phase.color}"/>`, phase.label);
  const height = y + MARGIN;

  const axisLines = axis
    .filter((s) => s.y2 > s.y1)
    .map((s) => `<line x1="${AXIS_X}" y1="${s.y1}" x2="${AXIS_X}" y2="${s.y2}" stroke="${s.color}" stroke-width="4"${s.dashed ? ' stroke-dasharray="2 5" stroke-linecap="round"' : ''}/>`);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeXml(`Timeline of ${view.title ?? 'a postmortem'}`)}">`,
    `<style>text{font-family:${FONT};fill:#1f2328}.title{font-size:22px;font-weight:600}.muted{font-size:13px;fill:#59636e}.value{font-size:20px;font-weight:600}.unknown{fill:#8c959f;font-style:italic}.tile{fill:#f6f8fa;stroke:#d1d9e0}.day{font-size:14px;font-weight:600}.rule{stroke:#d1d9e0}.time{font-size:13px;font-variant-numeric:tabular-nums;fill:#59636e}.entry{font-size:14px}.badge{font-size:11px;font-weight:700;fill:#fff;letter-spacing:.04em}.gap{font-size:12px;font-style:italic;fill:#59636e}.break{stroke:#59636e;stroke-width:2;fill:none}.milestone-row{font-size:13px;font-weight:600}.legend{font-size:12px;fill:#59636e}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...axisLines,
    ...body,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}

function capitalize(name: string): string {
  return name[0].toUpperCase() + name.slice(1);
}
