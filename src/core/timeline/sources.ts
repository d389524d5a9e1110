/**
 * Entry sources (`[alert]`, `[deploy]`, a table's Source column) grouped into the kinds the timeline
 * draws: one codicon for the webview and one colour for the SVG each, so both pictures agree.
 */
export const SOURCE_KINDS = ['alert', 'page', 'deploy', 'commit', 'chat', 'ticket', 'customer', 'metrics', 'note', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface SourceStyle {
  /** Codicon name (without `codicon-`). */
  icon: string;
  /** Legend label. */
  label: string;
  /** Colour for the SVG picture (light background). */
  color: string;
}

export const SOURCE_STYLES: Record<SourceKind, SourceStyle> = {
  alert: { icon: 'bell', label: 'Alert', color: '#d1242f' },
  page: { icon: 'megaphone', label: 'Page', color: '#bc4c00' },
  deploy: { icon: 'rocket', label: 'Deploy', color: '#8250df' },
  commit: { icon: 'git-commit', label: 'Commit', color: '#6639ba' },
  chat: { icon: 'comment-discussion', label: 'Chat', color: '#0969da' },
  ticket: { icon: 'issues', label: 'Ticket', color: '#1a7f37' },
  customer: { icon: 'person', label: 'Customer', color: '#9a6700' },
  metrics: { icon: 'graph-line', label: 'Metrics', color: '#0a7ea4' },
  note: { icon: 'note', label: 'Note', color: '#57606a' },
  other: { icon: 'circle-filled', label: 'Other', color: '#8c959f' },
};

const ALIASES: Record<string, SourceKind> = {
  alert: 'alert', alarm: 'alert', monitor: 'alert', monitoring: 'alert', alerting: 'alert', pagerduty: 'page', opsgenie: 'page',
  page: 'page', pager: 'page', 'on-call': 'page', oncall: 'page', call: 'page', escalation: 'page',
  deploy: 'deploy', deployment: 'deploy', release: 'deploy', rollout: 'deploy', rollback: 'deploy', config: 'deploy', change: 'deploy',
  commit: 'commit', git: 'commit', pr: 'commit', 'pull-request': 'commit', merge: 'commit', code: 'commit',
  chat: 'chat', slack: 'chat', teams: 'chat', irc: 'chat', message: 'chat', bridge: 'chat', zoom: 'chat', meeting: 'chat',
  ticket: 'ticket', jira: 'ticket', issue: 'ticket', incident: 'ticket',
  customer: 'customer', support: 'customer', 'status-page': 'customer', statuspage: 'customer', status: 'customer', twitter: 'customer', user: 'customer',
  metrics: 'metrics', metric: 'metrics', graph: 'metrics', dashboard: 'metrics', grafana: 'metrics', datadog: 'metrics', logs: 'metrics', log: 'metrics',
  note: 'note', notes: 'note', info: 'note', action: 'note', decision: 'note',
};

/** The kind a source tag belongs to; an unknown tag is `other`, no tag is null. */
export function sourceKind(source: string | null): SourceKind | null {
  if (source === null || source.trim() === '') return null;
  return ALIASES[source.trim().toLowerCase()] ?? 'other';
}
