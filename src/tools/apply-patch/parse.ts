/**
 * The patch language the reference's models write (see the grammar in `../specs/apply-patch.ts`).
 *
 * Parsing follows the reference exactly, including where it is lenient: the text is trimmed, a
 * heredoc wrapper (`<<EOF`, `<<'EOF'`, `<<"EOF"` … `EOF`) is unwrapped, marker lines may carry
 * surrounding whitespace, blank lines between hunks are skipped, the first hunk of an update may
 * omit `@@`, and an empty line inside a hunk is an empty context line. The error texts are the
 * reference's: the model reads them and corrects its patch.
 */
import { lines as splitLines, trim } from './rust-str.ts';

export interface UpdateChunk {
  /** The `@@ <line>` anchor: the hunk applies after the first line matching it. */
  context: string | null;
  oldLines: string[];
  newLines: string[];
  /** `*** End of File`: the old lines must be the file's last lines. */
  endOfFile: boolean;
}

export type Hunk =
  | { type: 'add'; path: string; contents: string }
  | { type: 'delete'; path: string }
  | { type: 'update'; path: string; movePath: string | null; chunks: UpdateChunk[] };

export type ParseError = { kind: 'patch'; message: string } | { kind: 'hunk'; message: string; line: number };

export type ParseResult = { ok: true; hunks: Hunk[] } | { ok: false; error: ParseError };

const BEGIN = '*** Begin Patch';
const END = '*** End Patch';
const ADD = '*** Add File: ';
const DELETE = '*** Delete File: ';
const UPDATE = '*** Update File: ';
const MOVE = '*** Move to: ';
const EOF_MARKER = '*** End of File';
const HEREDOC_OPENERS = new Set(['<<EOF', "<<'EOF'", '<<"EOF"']);

/** How the reference words a parse error inside its tool output. */
export function formatParseError(error: ParseError): string {
  return error.kind === 'patch' ? `invalid patch: ${error.message}` : `invalid hunk at line ${error.line}, ${error.message}`;
}

class Failure {
  constructor(readonly error: ParseError) {}
}

const patchError = (message: string) => new Failure({ kind: 'patch', message });
const hunkError = (message: string, line: number) => new Failure({ kind: 'hunk', message, line });

export function parsePatch(text: string): ParseResult {
  try {
    const body = patchBody(splitLines(trim(text)));
    const hunks: Hunk[] = [];
    // Line numbers count from the Begin marker as line 1, even inside a heredoc.
    let line = 2;
    for (let rest = body; rest.length > 0; ) {
      const [hunk, used] = parseHunk(rest, line);
      hunks.push(hunk);
      line += used;
      rest = rest.slice(used);
    }
    return { ok: true, hunks };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, error: e.error };
    throw e;
  }
}

/** The lines between the markers, unwrapping a heredoc only when the bare text is not a patch. */
function patchBody(all: string[]): string[] {
  try {
    return strictBody(all);
  } catch (e) {
    const [first, last] = [all[0], all[all.length - 1]];
    if (all.length >= 4 && HEREDOC_OPENERS.has(first!) && last!.endsWith('EOF')) return strictBody(all.slice(1, -1));
    throw e;
  }
}

function strictBody(all: string[]): string[] {
  const first = all.length > 0 ? trim(all[0]!) : undefined;
  const last = all.length > 0 ? trim(all[all.length - 1]!) : undefined;
  if (first === BEGIN && last === END) return all.slice(1, -1);
  if (first !== undefined && first !== BEGIN) throw patchError("The first line of the patch must be '*** Begin Patch'");
  throw patchError("The last line of the patch must be '*** End Patch'");
}

function parseHunk(rest: string[], line: number): [Hunk, number] {
  const header = trim(rest[0]!);
  if (header.startsWith(ADD)) {
    let contents = '';
    let used = 1;
    while (used < rest.length && rest[used]!.startsWith('+')) {
      contents += `${rest[used]!.slice(1)}\n`;
      used++;
    }
    return [{ type: 'add', path: header.slice(ADD.length), contents }, used];
  }
  if (header.startsWith(DELETE)) return [{ type: 'delete', path: header.slice(DELETE.length) }, 1];
  if (header.startsWith(UPDATE)) return parseUpdate(header.slice(UPDATE.length), rest, line);
  throw hunkError(
    `'${header}' is not a valid hunk header. Valid hunk headers: '*** Add File: {path}', '*** Delete File: {path}', '*** Update File: {path}'`,
    line,
  );
}

function parseUpdate(path: string, rest: string[], line: number): [Hunk, number] {
  let used = 1;
  // The move marker is matched untrimmed, unlike the hunk headers.
  const movePath = rest[1]?.startsWith(MOVE) ? rest[1].slice(MOVE.length) : null;
  if (movePath !== null) used++;
  const chunks: UpdateChunk[] = [];
  while (used < rest.length) {
    const next = rest[used]!;
    if (trim(next) === '') {
      used++;
      continue;
    }
    if (next.startsWith('*')) break;
    const [chunk, chunkLines] = parseChunk(rest.slice(used), line + used, chunks.length === 0);
    chunks.push(chunk);
    used += chunkLines;
  }
  if (chunks.length === 0) throw hunkError(`Update file hunk for path '${path}' is empty`, line);
  return [{ type: 'update', path, movePath, chunks }, used];
}

function parseChunk(rest: string[], line: number, firstChunk: boolean): [UpdateChunk, number] {
  const head = rest[0]!;
  let start = 1;
  let context: string | null = null;
  if (head.startsWith('@@ ')) context = head.slice(3);
  else if (head !== '@@') {
    if (!firstChunk) throw hunkError(`Expected update hunk to start with a @@ context marker, got: '${head}'`, line);
    start = 0;
  }
  if (start >= rest.length) throw hunkError('Update hunk does not contain any lines', line + 1);
  const chunk: UpdateChunk = { context, oldLines: [], newLines: [], endOfFile: false };
  let used = 0;
  for (const text of rest.slice(start)) {
    if (text === EOF_MARKER) {
      if (used === 0) throw hunkError('Update hunk does not contain any lines', line + 1);
      chunk.endOfFile = true;
      used++;
      break;
    }
    const marker = text[0];
    const content = text.slice(1);
    if (marker === undefined) {
      chunk.oldLines.push('');
      chunk.newLines.push('');
    } else if (marker === ' ') {
      chunk.oldLines.push(content);
      chunk.newLines.push(content);
    } else if (marker === '+') chunk.newLines.push(content);
    else if (marker === '-') chunk.oldLines.push(content);
    else if (used === 0) {
      throw hunkError(
        `Unexpected line found in update hunk: '${text}'. Every line should start with ' ' (context line), '+' (added line), or '-' (removed line)`,
        line + 1,
      );
    } else break; // the next chunk's `@@`, or the next file's header
    used++;
  }
  return [chunk, used + start];
}
