/**
 * The server's fuzzy file searches: one-shot searches (a newer search with the same cancellation
 * token cancels the older, which then answers with no files) and search sessions (a file list
 * gathered once per session, re-ranked whenever the client changes the query, results delivered
 * as notifications).
 *
 * Like the reference, tokens and session ids are shared by the whole server, and session
 * notifications go to every connection, not only the one that started the session.
 */
import type { FuzzyFileSearchResult } from '../protocol/index.ts';
import { collectFiles, rankFiles, type FoundFile } from './file-search.ts';
import { loadGlobalExcludes, type WalkContext } from './walk.ts';

export type Notify = (method: 'fuzzyFileSearch/sessionUpdated' | 'fuzzyFileSearch/sessionCompleted', params: unknown) => void;

/**
 * A session's first results wait this long after its walk ends, as the reference's matcher
 * publishes on a 10 ms tick: a client that stops a session right after starting it gets no
 * notifications, as with the reference.
 */
const FIRST_SNAPSHOT_DELAY_MS = 10;

interface Session {
  readonly id: string;
  readonly roots: readonly string[];
  readonly abort: AbortController;
  files: FoundFile[] | null;
  query: string;
  /** Bumped on every query change, so a delivery for an older query is dropped. */
  generation: number;
}

export class FileSearchService {
  private readonly pending = new Map<string, AbortController>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly notify: Notify) {}

  async search(query: string, roots: readonly string[], cancellationToken: string | null): Promise<FuzzyFileSearchResult[]> {
    const abort = new AbortController();
    if (cancellationToken !== null) {
      this.pending.get(cancellationToken)?.abort();
      this.pending.set(cancellationToken, abort);
    }
    try {
      if (query === '' || roots.length === 0) return [];
      const files = await collectFiles(roots, await walkContext(abort.signal));
      return abort.signal.aborted ? [] : rankFiles(query, roots, files);
    } finally {
      if (cancellationToken !== null && this.pending.get(cancellationToken) === abort) this.pending.delete(cancellationToken);
    }
  }

  /** Replaces any session with the same id. The caller has checked that id and roots are not empty. */
  startSession(id: string, roots: readonly string[]): void {
    this.stopSession(id);
    const session: Session = { id, roots, abort: new AbortController(), files: null, query: '', generation: 0 };
    this.sessions.set(id, session);
    void walkContext(session.abort.signal)
      .then((ctx) => collectFiles(roots, ctx))
      .catch((): FoundFile[] => [])
      .then((files) => {
        session.files = files;
        setTimeout(() => this.deliver(session, session.generation), FIRST_SNAPSHOT_DELAY_MS);
      });
  }

  /** False when there is no such session. Results follow as notifications. */
  updateSession(id: string, query: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    session.query = query;
    session.generation++;
    const generation = session.generation;
    if (session.files !== null) setImmediate(() => this.deliver(session, generation));
    return true;
  }

  stopSession(id: string): void {
    this.sessions.get(id)?.abort.abort();
    this.sessions.delete(id);
  }

  private deliver(session: Session, generation: number): void {
    if (session.abort.signal.aborted || generation !== session.generation || session.files === null) return;
    const { id, query } = session;
    const files = query === '' ? [] : rankFiles(query, session.roots, session.files);
    this.notify('fuzzyFileSearch/sessionUpdated', { sessionId: id, query, files });
    this.notify('fuzzyFileSearch/sessionCompleted', { sessionId: id });
  }
}

async function walkContext(signal: AbortSignal): Promise<WalkContext> {
  return { signal, globalExcludes: await loadGlobalExcludes(), cwd: process.cwd() };
}
