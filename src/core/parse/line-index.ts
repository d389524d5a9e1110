import type { Position, SourceRange } from '../model/types';

/** Maps 0-based offsets to 1-based line/column positions and back. Handles LF, CRLF and CR. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (ch === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1, offset: clamped };
  }

  /** Offset of a 1-based line and column, clamped to the text. */
  offsetAt(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[index] + Math.max(0, column - 1), this.text.length);
  }

  range(startOffset: number, endOffset: number): SourceRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** The range of a whole line's content (without its line break). */
  lineRange(line: number): SourceRange {
    const start = this.offsetAt(line, 1);
    let end = line < this.lineStarts.length ? this.lineStarts[line] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.range(start, end);
  }
}
