import type { ResponseItem } from '../../model/index.ts';
import { TURN_ABORTED_OPEN } from './context-markers.ts';

/**
 * Told to the model after the user interrupted a turn, so that the next turn does not take
 * half-finished tool calls for completed ones. The tag is the reference's; the words are ours.
 */
export function turnAbortedMessage(): ResponseItem {
  const text = [
    TURN_ABORTED_OPEN,
    'The user stopped the previous turn deliberately. Background exec sessions it started have been ended. Any tool call or command that was cut short may have done part of its work; check the current state before trying it again.',
    '</turn_aborted>',
  ].join('\n');
  return { type: 'message', role: 'user', content: [{ type: 'input_text', text }] };
}
