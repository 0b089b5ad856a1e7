import type { ThreadItem } from '../protocol/index.ts';
import { lastProposedPlan, ProposedPlanParser, stripProposedPlans, type PlanSegment } from './proposed-plan.ts';

type Phase = Extract<ThreadItem, { type: 'agentMessage' }>['phase'];

/** What a plan-mode response's messages become on the wire, in order. */
export type PlanStreamEvent =
  | { type: 'started'; item: ThreadItem }
  | { type: 'agentMessageDelta'; itemId: string; delta: string }
  | { type: 'planDelta'; itemId: string; delta: string }
  | { type: 'completed'; item: ThreadItem };

interface MessageState {
  parser: ProposedPlanParser;
  phase: Phase;
  started: boolean;
  /** Blank text seen before the message started, given to it with its first visible text. */
  leadingBlank: string;
}

/**
 * The assistant messages of one model response in Plan mode, as the reference streams them: the
 * `<proposed_plan>` block becomes the turn's plan item (id `<turnId>-plan`), the rest stays the
 * message's. A message is only started once it has visible text, so one that holds nothing but a
 * plan never appears. The plan item streams from the first block of the response and completes,
 * with the last block of its message's final text, when that message is done; any later block of
 * the same response is left out of both. Each method returns the events to send, in order.
 */
export class PlanModeStream {
  private readonly planId: string;
  private planStarted = false;
  private planCompleted = false;
  private readonly messages = new Map<string, MessageState>();

  constructor(turnId: string) {
    this.planId = `${turnId}-plan`;
  }

  messageAdded(id: string, phase: Phase): PlanStreamEvent[] {
    this.messages.set(id, { parser: new ProposedPlanParser(), phase, started: false, leadingBlank: '' });
    return [];
  }

  messageDelta(id: string, delta: string): PlanStreamEvent[] {
    const state = this.messages.get(id);
    return state ? this.segments(id, state, state.parser.push(delta)) : [];
  }

  /** The message's final text decides the plan's and the message's completed text. */
  messageDone(id: string, text: string, phase: Phase): PlanStreamEvent[] {
    const state = this.messages.get(id) ?? { parser: new ProposedPlanParser(), phase, started: false, leadingBlank: '' };
    this.messages.delete(id);
    const out = this.segments(id, state, state.parser.finish());
    const plan = lastProposedPlan(text);
    if (plan !== null) {
      out.push(...this.startPlan());
      if (!this.planCompleted) {
        this.planCompleted = true;
        out.push({ type: 'completed', item: { type: 'plan', id: this.planId, text: plan } });
      }
    }
    const visible = stripProposedPlans(text);
    if (visible.trim() === '') return out;
    if (!state.started) out.push({ type: 'started', item: { type: 'agentMessage', id, text: '', phase: state.phase } });
    out.push({ type: 'completed', item: { type: 'agentMessage', id, text: visible, phase } });
    return out;
  }

  private segments(id: string, state: MessageState, segments: PlanSegment[]): PlanStreamEvent[] {
    const out: PlanStreamEvent[] = [];
    for (const segment of segments) {
      if (segment.kind === 'text') {
        if (!state.started && segment.text.trim() === '') {
          state.leadingBlank += segment.text;
          continue;
        }
        let delta = segment.text;
        if (!state.started) {
          state.started = true;
          delta = state.leadingBlank + delta;
          out.push({ type: 'started', item: { type: 'agentMessage', id, text: '', phase: state.phase } });
        }
        out.push({ type: 'agentMessageDelta', itemId: id, delta });
      } else if (segment.kind === 'planStart') {
        out.push(...this.startPlan());
      } else if (segment.kind === 'planText' && !this.planCompleted) {
        out.push(...this.startPlan(), { type: 'planDelta', itemId: this.planId, delta: segment.text });
      }
    }
    return out;
  }

  private startPlan(): PlanStreamEvent[] {
    if (this.planStarted || this.planCompleted) return [];
    this.planStarted = true;
    return [{ type: 'started', item: { type: 'plan', id: this.planId, text: '' } }];
  }
}
