import * as path from 'node:path';
import type { Analysis, AnalyzeOptions } from '../../core/analyze';
import { writeFileSafely } from '../../core/format/write-file';
import { buildTimelineView, renderTimelineSvg, timelineJson, timelineMarkdown } from '../../core/timeline';
import { CliError, EXIT, readText, type CliIo } from '../io';

export const TIMELINE_FORMATS = ['json', 'markdown', 'svg'] as const;
export type TimelineFormat = (typeof TIMELINE_FORMATS)[number];

export interface TimelineArgs {
  file: string;
  format?: string;
  output?: string;
  force: boolean;
}

/**
 * `postmortem timeline FILE [--format json|markdown|svg] [-o OUT] [--force]`: the sidebar view's
 * timeline as JSON (the stable `{entries, milestones, durations}` shape), a Markdown table, or the
 * SVG picture the view exports. Prints to stdout unless `-o OUT` names a file.
 */
export async function timelineCommand(args: TimelineArgs, io: CliIo, analyze: (text: string, options?: AnalyzeOptions) => Analysis): Promise<number> {
  const format = timelineFormat(args);
  const view = buildTimelineView(analyze(await readText(args.file, io.cwd)));
  const content =
    format === 'json' ? JSON.stringify(timelineJson(view), null, 2) + '\n' : format === 'markdown' ? timelineMarkdown(view) : renderTimelineSvg(view);
  if (args.output === undefined || args.output === '-') {
    io.out(content);
    return EXIT.ok;
  }
  const written = await writeFileSafely(path.resolve(io.cwd, args.output), content, { force: args.force, notSameAs: path.resolve(io.cwd, args.file) });
  if (!written.ok) {
    throw new CliError(written.reason === 'exists' ? `${args.output} already exists (use --force to overwrite)` : `cannot write ${args.output}: ${written.message}`);
  }
  io.out(`wrote ${args.output}\n`);
  return EXIT.ok;
}

/** --format if given, else what `-o`'s extension says (.json, .md, .svg), else JSON. */
function timelineFormat(args: TimelineArgs): TimelineFormat {
  if (args.format !== undefined) {
    if (!(TIMELINE_FORMATS as readonly string[]).includes(args.format)) {
      throw new CliError(`unknown timeline format "${args.format}" (use json, markdown or svg)`);
    }
    return args.format as TimelineFormat;
  }
  if (args.output && /\.svg$/i.test(args.output)) return 'svg';
  if (args.output && /\.(md|markdown)$/i.test(args.output)) return 'markdown';
  return 'json';
}
