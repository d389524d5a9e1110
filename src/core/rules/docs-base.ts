/**
 * Where the rule docs are published: `docs/rules/<id>.md` of the repository named in package.json's
 * `repository` (a GitHub, GitLab or other `https` URL, or the `{ "url": … }` form), on its default
 * branch; undefined when there is none. The CLI's SARIF and the editor's diagnostic links share it.
 */
export function repositoryDocsBase(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : typeof repository === 'object' && repository !== null ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  const github = /^github:(.+)$/.exec(raw) ?? /^([\w.-]+\/[\w.-]+)$/.exec(raw);
  let url = github ? `https://github.com/${github[1]}` : raw.replace(/^git\+/, '').replace(/^git:\/\//, 'https://');
  if (!/^https?:\/\//.test(url)) return undefined;
  url = url.replace(/\.git$/, '').replace(/\/+$/, '');
  return /github\.com|gitlab\.com/.test(url) ? `${url}/blob/HEAD/` : `${url}/`;
}
