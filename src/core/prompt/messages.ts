import type { ResponseItem } from '../../model/index.ts';

/** One message with a text part per section, the way the reference groups context into messages. */
export function textMessage(role: 'developer' | 'user', texts: readonly string[]): ResponseItem {
  return { type: 'message', role, content: texts.map((text) => ({ type: 'input_text', text })) };
}
