/** `file:line:col  field /timeline/3/at: message` — the line export and validate print per error. */
export function fieldError(file: string, position: { line: number; column: number } | null, pointer: string, message: string): string {
  const where = position ? `${file}:${position.line}:${position.column}` : file;
  return pointer ? `${where}  field ${pointer}: ${message}` : `${where}  ${message}`;
}
