import type { ListItem, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../parse/line-index';
import { daysInMonth } from '../time/timestamp';
import type { Problems } from './problems';
import { normalizeHeading } from './sections';
import { ACTION_TYPES, type ActionItem, type ActionType, type TicketRef } from './types';

export interface ActionContext {
  text: string;
  lines: LineIndex;
  problems: Problems;
}

// Annotation patterns. Each is linear: bounded or single-class quantifiers, no nested repetition.
const OWNER_LABEL = /\b(?:owners?|assignee|assigned to|dri)[ \t]*[:=][ \t]*(@[\w.-]+|[^,;|\n()—–]{1,80}?)(?=[ \t]*(?:[,;|\n()—–]|$|\bdue\b|\bpriority\b|\btype\b))/i;
const HANDLE = /(?<![\w@.`])@[A-Za-z0-9][\w.-]{0,38}(?<![.-])/;
const DUE = /\b(?:due(?:[ \t]+date)?|deadline|by)[ \t]*:?[ \t]*(\d{4})-(\d{2})-(\d{2})\b/i;
const DATE_CELL = /^(\d{4})-(\d{2})-(\d{2})$/;
const TICKET_KEY = /(?<![\w-])([A-Z][A-Z0-9]{1,9}-\d{1,7})(?![\w-])|(?<![\w&])(#\d{1,7})\b/;
const NOT_TICKETS = new Set(['UTF', 'ISO', 'RFC', 'SHA', 'TLS', 'SSL', 'HTTP', 'IPV', 'CVE', 'SEV', 'COVID', 'AES', 'RSA']);
const LINK = /\[[^\]\n]{0,200}\]\((https?:\/\/[^)\s]{1,500})\)|<(https?:\/\/[^>\s]{1,500})>|(?<![(<\w])(https?:\/\/[^\s)>\]]{1,500})/;
const PRIORITY = /\b(?:priority|prio)[ \t]*[:=]?[ \t]*([\w-]{1,20})|\b(P[0-4])\b/i;
const TYPE = /\btype[ \t]*[:=][ \t]*([a-z]{1,20})|[([]\s*(prevent|mitigate|detect|process)\s*[)\]]/i;

const TEXT_HEADERS = ['action', 'action item', 'item', 'description', 'task', 'what', 'summary', 'title', 'remediation'];
const OWNER_HEADERS = ['owner', 'owners', 'assignee', 'who', 'dri', 'responsible'];
const DUE_HEADERS = ['due', 'due date', 'deadline', 'by when', 'target date', 'eta'];
const TICKET_HEADERS = ['ticket', 'issue', 'jira', 'link', 'tracker', 'tracking', 'reference', 'ref', 'tickets'];
const PRIORITY_HEADERS = ['priority', 'prio', 'p'];
const STATUS_HEADERS = ['status', 'state', 'done'];
const TYPE_HEADERS = ['type', 'kind', 'category'];
const DONE_VALUES = new Set(['done', 'closed', 'complete', 'completed', 'resolved', 'fixed', 'finished', 'yes', 'x', '✅', '✔', '✓', 'shipped']);

/** Reads the action items of one action-items section (its body nodes), in document order. */
export function readActionItems(nodes: RootContent[], context: ActionContext): ActionItem[] {
  const items: ActionItem[] = [];
  for (const node of nodes) {
    if (node.type === 'list') {
      for (const item of node.children) items.push(readListItem(item, context));
    } else if (node.type === 'table') {
      items.push(...readTable(node, context));
    }
  }
  return items;
}

function readListItem(item: ListItem, context: ActionContext): ActionItem {
  const start = item.position!.start.offset!;
  const end = item.position!.end.offset!;
  const first = item.children[0];
  // The text of the item itself: its first paragraph (nested lists are details of the same action).
  const contentStart = first?.position?.start.offset ?? end;
  const contentEnd = first?.position?.end.offset ?? end;
  const content = context.text.slice(contentStart, contentEnd);
  const fields = readAnnotations(content, contentStart, context);
  return {
    text: fields.text,
    raw: context.text.slice(start, end),
    owner: fields.owner,
    due: fields.due,
    ticket: fields.ticket,
    priority: fields.priority,
    status: item.checked === true ? 'done' : 'open',
    type: fields.type,
    form: 'list',
    range: context.lines.range(start, end),
  };
}

interface Annotations {
  text: string;
  owner: string | null;
  due: string | null;
  ticket: TicketRef | null;
  priority: string | null;
  type: ActionType | null;
}

/** Reads owner, due date, ticket, priority and type out of an action's text, and what remains of the text. */
function readAnnotations(content: string, offset: number, context: ActionContext): Annotations {
  const spans: [number, number][] = [];
  const take = (match: RegExpExecArray | null): RegExpExecArray | null => {
    if (match) spans.push([match.index, match.index + match[0].length]);
    return match;
  };

  const ownerMatch = take(OWNER_LABEL.exec(content));
  let owner = ownerMatch ? ownerMatch[1].trim() : null;
  if (!owner) {
    const handle = HANDLE.exec(content);
    if (handle) {
      owner = handle[0];
      // A handle closing the item is an annotation ("Fix the runbook @fox"); one inside the sentence is text.
      if (/^[\s).,;]*$/.test(content.slice(handle.index + handle[0].length))) take(handle);
    }
  }

  const dueMatch = take(DUE.exec(content));
  const due = dueMatch ? validDate(dueMatch.slice(1, 4), offset + dueMatch.index, offset + dueMatch.index + dueMatch[0].length, context) : null;

  const ticket = readTicket(content, take);
  const priorityMatch = take(PRIORITY.exec(content));
  const priority = priorityMatch ? (priorityMatch[1] ?? priorityMatch[2]) : null;
  const typeMatch = TYPE.exec(content);
  const typeName = typeMatch ? (typeMatch[1] ?? typeMatch[2]).toLowerCase() : null;
  const type = typeName && (ACTION_TYPES as readonly string[]).includes(typeName) ? (typeName as ActionType) : null;
  if (type) take(typeMatch);

  return { text: removeSpans(content, spans), owner, due, ticket, priority, type };
}

/** `YYYY-MM-DD` from its parts, or null with an `action-date` problem when the date is impossible. */
function validDate([year, month, day]: string[], start: number, end: number, context: ActionContext): string | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return `${year}-${month}-${day}`;
  context.problems.add('action-date', 'action-items', 'error', `Impossible due date ${year}-${month}-${day}.`, context.lines.range(start, end));
  return null;
}

function readTicket(content: string, take: (match: RegExpExecArray | null) => RegExpExecArray | null): TicketRef | null {
  const link = LINK.exec(content);
  let key: string | null = null;
  const keyPattern = new RegExp(TICKET_KEY.source, 'g');
  for (let match = keyPattern.exec(content); match; match = keyPattern.exec(content)) {
    const candidate = match[1] ?? match[2];
    if (!NOT_TICKETS.has(candidate.split('-')[0])) {
      key = candidate;
      // A bare key is an annotation; a key inside a link's text stays part of the text.
      if (!link || match.index < link.index || match.index >= link.index + link[0].length) take(match);
      break;
    }
  }
  const url = link ? (link[1] ?? link[2] ?? link[3]) : null;
  // A bare URL, or a link whose text is just the ticket key ("[OPS-1](…)"), is an annotation; a link
  // with words ("see [the runbook](…)") is part of the sentence.
  if (link && (!link[1] || (key !== null && link[0].startsWith(`[${key}](`)))) take(link);
  return key || url ? { key, url } : null;
}

/** Removes annotation spans and the separators they leave behind ("Fix X — owner: @a, due …" → "Fix X"). */
function removeSpans(content: string, spans: [number, number][]): string {
  let result = '';
  let last = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < last) continue;
    result += content.slice(last, start) + ' ';
    last = end;
  }
  result += content.slice(last);
  return result
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/\s*[,;|]\s*(?=[,;|]|$)/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/[ \t]*[—–-][ \t]*$/, '')
    .replace(/[ \t]*[,;:|][ \t]*$/, '')
    .trim();
}

function readTable(table: Table, context: ActionContext): ActionItem[] {
  const header = table.children[0];
  if (!header) return [];
  const names = header.children.map((cell) => normalizeHeading(toString(cell)));
  const column = (candidates: string[]): number => names.findIndex((name) => candidates.includes(name));
  let textColumn = column(TEXT_HEADERS);
  const columns = {
    owner: column(OWNER_HEADERS),
    due: column(DUE_HEADERS),
    ticket: column(TICKET_HEADERS),
    priority: column(PRIORITY_HEADERS),
    status: column(STATUS_HEADERS),
    type: column(TYPE_HEADERS),
  };
  const used = new Set(Object.values(columns));
  if (textColumn < 0) textColumn = names.findIndex((_, index) => !used.has(index));
  const items: ActionItem[] = [];
  for (const row of table.children.slice(1)) {
    const start = row.position!.start.offset!;
    const end = row.position!.end.offset!;
    const cell = (index: number): { text: string; offset: number } | null => {
      const node = index >= 0 ? row.children[index] : undefined;
      if (!node || node.children.length === 0) return null;
      const cellStart = node.children[0].position!.start.offset!;
      const cellEnd = node.children[node.children.length - 1].position!.end.offset!;
      return { text: context.text.slice(cellStart, cellEnd).trim(), offset: cellStart };
    };
    const textCell = cell(textColumn);
    const fields = textCell ? readAnnotations(textCell.text, textCell.offset, context) : null;
    const ownerCell = cell(columns.owner);
    const dueCell = cell(columns.due);
    const ticketCell = cell(columns.ticket);
    const priorityCell = cell(columns.priority);
    const statusCell = cell(columns.status);
    const typeCell = cell(columns.type);
    const typeName = typeCell?.text.toLowerCase() ?? null;
    const dueDate = dueCell ? DATE_CELL.exec(dueCell.text) : null;
    const due = dueDate && dueCell ? validDate(dueDate.slice(1, 4), dueCell.offset, dueCell.offset + dueCell.text.length, context) : (fields?.due ?? null);
    items.push({
      text: fields?.text ?? '',
      raw: context.text.slice(start, end),
      owner: ownerCell?.text.replace(/^[-—–]$|^n\/?a$|^tbd$|^none$/i, '') || fields?.owner || null,
      due,
      ticket: ticketCell ? readTicket(ticketCell.text, () => null) ?? { key: ticketCell.text, url: null } : (fields?.ticket ?? null),
      priority: priorityCell?.text || fields?.priority || null,
      status: statusCell && DONE_VALUES.has(statusCell.text.toLowerCase().replace(/[`*_~]/g, '')) ? 'done' : 'open',
      type: typeName && (ACTION_TYPES as readonly string[]).includes(typeName) ? (typeName as ActionType) : (fields?.type ?? null),
      form: 'table',
      range: context.lines.range(start, end),
    });
  }
  return items;
}
