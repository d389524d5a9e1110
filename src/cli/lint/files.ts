import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { describeFsError } from '../../core/format/write-file';
import { CliError } from '../io';

const POSTMORTEM_FILE = /\.postmortem\.md$/i;

/**
 * The files to lint for the given paths, in a stable order and each once: a file as given (whatever
 * its name), a directory searched recursively for `*.postmortem.md`, skipping `node_modules`, folders
 * whose name starts with a dot, and symbolic links to folders. Throws a CliError for a missing path.
 */
export async function postmortemFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const given of paths) {
    const stat = await fs.stat(path.resolve(cwd, given)).catch((error: unknown) => {
      throw new CliError(`cannot read ${given}: ${describeFsError(error)}`);
    });
    if (stat.isDirectory()) {
      for (const file of await walk(given, cwd)) add(file);
    } else {
      add(given);
    }
  }
  return files;
}

async function walk(directory: string, cwd: string): Promise<string[]> {
  const entries = await fs.readdir(path.resolve(cwd, directory), { withFileTypes: true }).catch((error: unknown) => {
    throw new CliError(`cannot read ${directory}: ${describeFsError(error)}`);
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    const child = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      found.push(...(await walk(child, cwd)));
    } else if ((entry.isFile() || entry.isSymbolicLink()) && POSTMORTEM_FILE.test(entry.name)) {
      if (entry.isSymbolicLink() && !(await fs.stat(path.resolve(cwd, child)).catch(() => null))?.isFile()) continue;
      found.push(child);
    }
  }
  return found;
}
