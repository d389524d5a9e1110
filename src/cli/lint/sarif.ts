import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getRule, RULES, ruleDocsUrl } from '../../core/rules/registry';
import type { RuleSeverity } from '../../core/rules/types';
import type { LintFinding } from './findings';

/** SARIF 2.1.0 levels for our severities ("off" only appears as a rule's default). */
const LEVEL = { error: 'error', warning: 'warning', information: 'note', off: 'none' } as const satisfies Record<RuleSeverity, string>;

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

export interface SarifTool {
  name: string;
  version: string;
  /** The project's home page (absolute); omitted when package.json names no repository. */
  informationUri?: string;
  /** Prefix of `docs/rules/<id>.md` (absolute, ends with `/`); without it rules carry no help link. */
  docsBase?: string;
}

/**
 * The findings as a SARIF 2.1.0 log, for code-scanning UIs (GitHub code scanning, VS Code's SARIF
 * viewer): one run; `tool.driver.rules` lists every lint rule (with its default level and docs page)
 * and every parser problem id that was reported; each result points at its rule by id and index, at
 * its file relative to the working directory (`uriBaseId` %SRCROOT%) and at a 1-based region in UTF-16
 * code units, the same positions as the stylish and JSON output.
 */
export function formatSarif(findings: readonly LintFinding[], tool: SarifTool, cwd: string): string {
  const ruleIds = [...RULES.map((rule) => rule.id)];
  for (const finding of findings) if (!ruleIds.includes(finding.rule)) ruleIds.push(finding.rule);
  const rules = ruleIds.map((id) => {
    const rule = getRule(id);
    return {
      id,
      shortDescription: { text: rule?.description ?? `Parser problem: ${id}` },
      ...(tool.docsBase ? { helpUri: ruleDocsUrl(id, tool.docsBase) } : {}),
      defaultConfiguration: { level: LEVEL[rule?.defaultSeverity ?? severityOf(findings, id)] },
      properties: { category: rule?.category ?? findings.find((f) => f.rule === id)?.category ?? 'structure' },
    };
  });
  const results = findings.map((finding) => ({
    ruleId: finding.rule,
    ruleIndex: ruleIds.indexOf(finding.rule),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, cwd),
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function severityOf(findings: readonly LintFinding[], id: string): RuleSeverity {
  return findings.find((f) => f.rule === id)?.severity ?? 'warning';
}

/** A file inside `cwd` as a relative URI reference against %SRCROOT%; anything else as an absolute file URI. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(path.resolve(directory)).href;
  return href.endsWith('/') ? href : `${href}/`;
}
