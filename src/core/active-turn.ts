import type { UserInput } from '../protocol/index.ts';
import { TurnDiffTracker } from '../tools/apply-patch/index.ts';
import { PermissionGrants } from '../tools/permissions/grants.ts';

/** The turn a thread is running: its id, how to stop it, and input steered into it. */
export class ActiveTurn {
  readonly abort = new AbortController();
  /** Input from turn/steer, taken into the model history before the next request. */
  readonly steered: UserInput[][] = [];
  /** Set once turn/started has been sent: a steer before it waits for the turn to begin. */
  started = false;
  /** Files the turn changed, for `turn/diff/updated`. */
  readonly diff = new TurnDiffTracker();
  /**
   * Server requests (approvals, user input, dynamic tool calls) still waiting for a client,
   * withdrawn when the turn ends; the value says whether clients hear of their resolution.
   */
  readonly pendingRequests = new Map<number, boolean>();
  /** Permissions granted through `request_permissions`: they last until the turn ends. */
  readonly permissionGrants = new PermissionGrants();

  constructor(
    readonly id: string,
    /** Regular turns take steering; compaction and review turns do not. */
    readonly kind: 'regular' | 'compact',
  ) {}
}
