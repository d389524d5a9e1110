import * as path from 'node:path';
import { CONFIG_FILE_NAMES, configFormatOf, parseConfigText, type LoadedConfig } from './load';

/** The path operations the search needs: Node's `path` for the CLI, `path.posix` over `Uri.path` in the editor. */
export interface PathApi {
  dirname(file: string): string;
  join(directory: string, name: string): string;
}

export interface FindConfigOptions {
  /** Reads a file's text; `undefined` when there is no such file. May throw for a file that exists but cannot be read. */
  read(file: string): Promise<string | undefined>;
  /** The last folder searched (the workspace folder in the editor); default: up to the file-system root. */
  stopAt?: string;
  pathApi?: PathApi;
}

export interface FoundConfig extends LoadedConfig {
  /** The configuration file, as `join` built it. */
  file: string;
}

/**
 * The project configuration that governs a folder: the first `.postmortemrc.json`, `.postmortemrc.yaml`
 * or `.postmortemrc.yml` found in `directory` or its parents, up to `stopAt` (inclusive) or the root.
 * The nearest file wins alone (files are not merged). The CLI and the extension both call this, with
 * their own way of reading files, so they find the same file.
 */
export async function findConfig(directory: string, options: FindConfigOptions): Promise<FoundConfig | undefined> {
  const api = options.pathApi ?? path;
  const stop = options.stopAt === undefined ? undefined : trimSlash(options.stopAt);
  let current = directory;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = api.join(current, name);
      const text = await options.read(file);
      if (text !== undefined) return { file, ...parseConfigText(text, configFormatOf(name)) };
    }
    if (stop !== undefined && trimSlash(current) === stop) return undefined;
    const parent = api.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function trimSlash(folder: string): string {
  return folder.length > 1 ? folder.replace(/[\\/]+$/, '') : folder;
}
