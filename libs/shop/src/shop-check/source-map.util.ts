import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface SyntaxProblem {
  line: number;
  message: string;
}

/**
 * A YAML text (JSON is YAML too) with the line of every node, so that a schema issue's path can be shown as the
 * line that holds it. `firstLine` is where the text starts in its file (front matter starts on line 2).
 */
export class SourceMap {
  private constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly firstLine: number,
  ) {}

  static parse(text: string, firstLine = 1): SourceMap {
    const lines = new LineCounter();
    return new SourceMap(parseDocument(text, { lineCounter: lines }), lines, firstLine);
  }

  get syntaxErrors(): SyntaxProblem[] {
    return this.doc.errors.map((error) => ({
      line: (error.linePos?.[0].line ?? 1) + this.firstLine - 1,
      // The pretty message repeats the position and quotes the source below it; the line number says that already.
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    }));
  }

  data(): unknown {
    return this.doc.toJS();
  }

  /** The line of the deepest node the path reaches: a missing field points at the object it is missing from. */
  lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = this.doc.contents;
    let offset = (node as { range?: number[] } | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(key));
        if (!pair) break;
        offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        offset = (node as { range?: number[] }).range?.[0] ?? offset;
      } else {
        break;
      }
    }
    return this.lines.linePos(offset).line + this.firstLine - 1;
  }
}

/** `JSON.parse`'s error as a line: V8 names the character position, which is turned into its line. */
export function jsonSyntaxProblem(text: string): SyntaxProblem | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : text.length;
    return { line: text.slice(0, at).split('\n').length, message: message.replace(/ in JSON at position \d+.*$/, '') };
  }
}
