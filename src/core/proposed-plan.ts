/**
 * `<proposed_plan>` blocks in an assistant's text, found while it streams. A tag counts only on a
 * line of its own (surrounding whitespace aside), so the parser holds back the start of each line
 * until it can tell whether the line is a tag: a line that cannot become one is released at once,
 * a tag line never is. Inside a block another opening tag is plain plan text, and outside one a
 * closing tag is plain text; a block still open when the text ends is closed there.
 */

const OPEN = '<proposed_plan>';
const CLOSE = '</proposed_plan>';

export type PlanSegment =
  | { kind: 'text'; text: string }
  | { kind: 'planStart' }
  | { kind: 'planText'; text: string }
  | { kind: 'planEnd' };

export class ProposedPlanParser {
  private inPlan = false;
  /** The current line, held back while it may still turn out to be a tag line. */
  private pending = '';
  /** Whether the current line is still being held back (false once it proved to be text). */
  private atLineStart = true;

  /** The segments of the next piece of text, adjacent text of one kind joined. */
  push(delta: string): PlanSegment[] {
    const out: PlanSegment[] = [];
    for (const ch of delta) {
      if (!this.atLineStart) {
        this.emitText(out, ch);
        if (ch === '\n') this.atLineStart = true;
        continue;
      }
      this.pending += ch;
      if (ch === '\n') {
        this.endLine(out);
      } else if (!couldBeTag(this.pending)) {
        this.emitText(out, this.pending);
        this.pending = '';
        this.atLineStart = false;
      }
    }
    return out;
  }

  /** What is still held back when the text ends, and the end of a block left open. */
  finish(): PlanSegment[] {
    const out: PlanSegment[] = [];
    if (this.pending) this.endLine(out);
    if (this.inPlan) {
      out.push({ kind: 'planEnd' });
      this.inPlan = false;
    }
    this.atLineStart = true;
    return out;
  }

  private endLine(out: PlanSegment[]): void {
    const line = this.pending;
    this.pending = '';
    this.atLineStart = true;
    const tag = line.trim();
    if (tag === OPEN && !this.inPlan) {
      this.inPlan = true;
      out.push({ kind: 'planStart' });
    } else if (tag === CLOSE && this.inPlan) {
      this.inPlan = false;
      out.push({ kind: 'planEnd' });
    } else {
      this.emitText(out, line);
    }
  }

  private emitText(out: PlanSegment[], text: string): void {
    if (!text) return;
    const kind = this.inPlan ? 'planText' : 'text';
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  }
}

/** A line start that may still grow into a tag line: blank so far, or the beginning of a tag. */
function couldBeTag(line: string): boolean {
  const start = line.trim();
  return start === '' || OPEN.startsWith(start) || CLOSE.startsWith(start);
}

function segmentsOf(text: string): PlanSegment[] {
  const parser = new ProposedPlanParser();
  return [...parser.push(text), ...parser.finish()];
}

/** The text without its plan blocks (tag lines included). */
export function stripProposedPlans(text: string): string {
  return segmentsOf(text)
    .map((s) => (s.kind === 'text' ? s.text : ''))
    .join('');
}

/** The content of the text's last plan block; null when it has none. */
export function lastProposedPlan(text: string): string | null {
  let plan: string | null = null;
  for (const s of segmentsOf(text)) {
    if (s.kind === 'planStart') plan = '';
    else if (s.kind === 'planText') plan = (plan ?? '') + s.text;
  }
  return plan;
}
