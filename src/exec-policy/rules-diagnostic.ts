/**
 * Error texts for rules files in the layout the reference's Starlark evaluator prints them (an
 * annotated source snippet, with a one-frame traceback for errors raised inside a call), since
 * that text reaches clients in the `configWarning` notification.
 */
import type { Span } from './rules-syntax.ts';
import type { TextPosition, TextRange } from './types.ts';

/** 1-based line and column of an offset. */
export function positionOf(src: string, offset: number): TextPosition {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

export const rangeOf = (src: string, span: Span): TextRange => ({ start: positionOf(src, span.start), end: positionOf(src, span.end) });

/** An error found before anything ran (syntax, unknown names). */
export function plainDiagnostic(path: string, src: string, span: Span, message: string): string {
  return `starlark error: error: ${message}\n${snippet(path, src, span)}`;
}

/** An error raised by the call at `call` (a builtin refusing its arguments). */
export function callDiagnostic(path: string, src: string, call: Span, message: string): string {
  const { line } = positionOf(src, call.start);
  const firstLine = src.split('\n')[line - 1]!.trim();
  return `starlark error: Traceback (most recent call last):\n  * ${path}:${line}, in <module>\n      ${firstLine}\nerror: ${message}\n${snippet(path, src, call)}`;
}

function snippet(path: string, src: string, span: Span): string {
  // A position past the final newline is on no line; the reference then prints this stub.
  if (span.start >= src.length && src.endsWith('\n')) return `--> ${path}:1:1\n |\n |\n`;
  const start = positionOf(src, span.start);
  const last = positionOf(src, Math.max(span.start, span.end - 1));
  const lines = src.split('\n');
  const width = String(last.line).length;
  const pad = ' '.repeat(width);
  const number = (n: number) => String(n).padStart(width);
  const out = [`${pad}--> ${path}:${start.line}:${start.column}`, `${pad} |`];
  if (start.line === last.line) {
    const carets = span.end - span.start;
    out.push(`${number(start.line)} | ${lines[start.line - 1]}`, `${pad} | ${' '.repeat(start.column - 1)}${'^'.repeat(carets)}`);
  } else {
    const opensAtLineStart = start.column === 1;
    out.push(opensAtLineStart ? `${number(start.line)} | / ${lines[start.line - 1]}` : `${number(start.line)} |   ${lines[start.line - 1]}`);
    if (!opensAtLineStart) out.push(`${pad} |  ${'_'.repeat(start.column)}^`);
    for (let n = start.line + 1; n <= last.line; n++) out.push(`${number(n)} | | ${lines[n - 1]}`);
    out.push(`${pad} | |${'_'.repeat(last.column)}^`);
  }
  out.push(`${pad} |`, '');
  return out.join('\n');
}
