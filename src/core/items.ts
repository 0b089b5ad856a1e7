import type { ResponseItem } from '../model/index.ts';
import type { ThreadItem, UserInput } from '../protocol/index.ts';

/** The userMessage item for a turn's input; text inputs always carry `text_elements`. */
export function userMessageItem(id: string, input: readonly UserInput[]): ThreadItem {
  const content = input.map((part) => (part.type === 'text' ? { ...part, text_elements: part.text_elements ?? [] } : part));
  return { type: 'userMessage', id, content };
}

/** The text of an assistant message: its output_text parts joined. */
export function messageText(item: Extract<ResponseItem, { type: 'message' }>): string {
  let text = '';
  for (const part of item.content) if (part.type === 'output_text' || part.type === 'input_text') text += part.text;
  return text;
}

export function agentMessageItem(id: string, item: Extract<ResponseItem, { type: 'message' }>): ThreadItem {
  return { type: 'agentMessage', id, text: messageText(item), phase: item.phase ?? null };
}

export function reasoningItem(id: string, item: Extract<ResponseItem, { type: 'reasoning' }>): ThreadItem {
  return {
    type: 'reasoning',
    id,
    summary: item.summary.map((s) => s.text),
    content: (item.content ?? []).map((c) => c.text),
  };
}

/** The first text the user typed, which becomes the thread's preview. */
export function previewOf(input: readonly UserInput[]): string {
  for (const part of input) if (part.type === 'text' && part.text) return part.text;
  return '';
}
