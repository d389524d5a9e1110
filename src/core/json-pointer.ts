/** JSON Pointer (RFC 6901) helpers. */

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapeSegment(s)}`).join('');
}

/** The segments of a pointer; `''` (the whole document) has none. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The pointer itself, then each ancestor up to the root `''`. */
export function* pointerAndAncestors(pointer: string): Generator<string> {
  let current = pointer;
  for (;;) {
    yield current;
    if (current === '') return;
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
