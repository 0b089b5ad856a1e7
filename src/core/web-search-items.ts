/**
 * The provider's own web search (`web_search_call` output items) as `webSearch` thread items,
 * the way the reference reports them: the item keeps the call's id ("" when the provider gave
 * none), its action in the protocol's camelCase, and a one-line `query` describing the action.
 * A call whose action is not known yet (the usual `output_item.added`) reads as `other` with an
 * empty query.
 */
import type { ResponseItem, WebSearchAction as ModelAction } from '../model/index.ts';
import type { ThreadItem, WebSearchAction } from '../protocol/index.ts';

type WebSearchCall = Extract<ResponseItem, { type: 'web_search_call' }>;
type WebSearchItem = Extract<ThreadItem, { type: 'webSearch' }>;

export function webSearchItem(call: WebSearchCall): WebSearchItem {
  return {
    type: 'webSearch',
    id: call.id ?? '',
    query: call.action ? webSearchDetail(call.action) : '',
    action: call.action ? protocolAction(call.action) : { type: 'other' },
  };
}

/**
 * What the search did, in one line: the query (or the first of several, marked with "..."), the
 * page opened, or the pattern looked for and where.
 */
export function webSearchDetail(action: ModelAction): string {
  switch (action.type) {
    case 'search': {
      if (action.query) return action.query;
      const first = action.queries?.[0] ?? '';
      return first && action.queries!.length > 1 ? `${first} ...` : first;
    }
    case 'open_page':
      return action.url ?? '';
    case 'find_in_page':
      if (action.pattern !== undefined) return action.url !== undefined ? `'${action.pattern}' in ${action.url}` : `'${action.pattern}'`;
      return action.url ?? '';
    default:
      return '';
  }
}

function protocolAction(action: ModelAction): WebSearchAction {
  switch (action.type) {
    case 'search':
      return { type: 'search', query: action.query ?? null, queries: action.queries ?? null };
    case 'open_page':
      return { type: 'openPage', url: action.url ?? null };
    case 'find_in_page':
      return { type: 'findInPage', url: action.url ?? null, pattern: action.pattern ?? null };
    default:
      return { type: 'other' };
  }
}
