/** A position in the YAML text: characters from the start, and 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

export const markText = (m: Mark) => `line ${m.line + 1} column ${m.column + 1}`;
const atStart = (m: Mark) => m.line === 0 && m.column === 0;

/**
 * A syntax error, worded and placed as the reference's YAML reader reports it: the problem and
 * where, then what was being read and where that began (each position left out when it is the
 * very start of the text, the second also when it repeats the first).
 */
export class YamlSyntaxError extends Error {
  constructor(
    readonly problem: string,
    readonly problemMark: Mark,
    readonly context?: string,
    readonly contextMark?: Mark,
  ) {
    super(syntaxText(problem, problemMark, context, contextMark));
  }
}

function syntaxText(problem: string, mark: Mark, context?: string, contextMark?: Mark): string {
  let text = problem;
  if (!atStart(mark)) text += ` at ${markText(mark)}`;
  if (context) {
    text += `, ${context}`;
    if (contextMark && !atStart(contextMark) && (contextMark.line !== mark.line || contextMark.column !== mark.column)) {
      text += ` at ${markText(contextMark)}`;
    }
  }
  return text;
}

/** An alias naming an anchor that was never defined. */
export class UnknownAnchorError extends Error {
  constructor(mark: Mark) {
    super(`unknown anchor at ${markText(mark)}`);
  }
}

/**
 * A value of the wrong shape for what was asked: prefixed with the dotted path of the value
 * (nothing at the top) and followed by its position (nothing at the very start).
 */
export class YamlValueError extends Error {
  constructor(message: string, path: string, mark: Mark) {
    super(`${path === '.' ? '' : `${path}: `}${message}${atStart(mark) ? '' : ` at ${markText(mark)}`}`);
  }
}

export class MultipleDocumentsError extends Error {
  constructor() {
    super('deserializing from YAML containing more than one document is not supported');
  }
}
