/**
 * Raw Responses API items, as `thread/resume.history` takes them and `rawResponseItem/completed`
 * reports them. Keys are snake_case as the model API writes them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Nullable, Opt, Published, StrEnum, Tagged, u64 } from '../schema-kit.ts';
import { MessagePhase } from './shared.ts';

export const ContentItem = Tagged(
  'type',
  {
    input_text: { text: Type.String() },
    input_image: { image_url: Type.String() },
    output_text: { text: Type.String() },
  },
  { $id: 'ContentItem' },
);
export type ContentItem = Static<typeof ContentItem>;

export const ImageDetail = StrEnum(['auto', 'low', 'high', 'original'], { $id: 'ImageDetail' });
export type ImageDetail = Static<typeof ImageDetail>;

export const FunctionCallOutputContentItem = Tagged(
  'type',
  { input_text: { text: Type.String() }, input_image: { image_url: Type.String(), detail: Opt(ImageDetail) } },
  { $id: 'FunctionCallOutputContentItem' },
);
export type FunctionCallOutputContentItem = Static<typeof FunctionCallOutputContentItem>;

export const FunctionCallOutputBody = Type.Union([Type.String(), Type.Array(FunctionCallOutputContentItem)], {
  $id: 'FunctionCallOutputBody',
});
export type FunctionCallOutputBody = Static<typeof FunctionCallOutputBody>;

export const FunctionCallOutputPayload = Published(
  { ...FunctionCallOutputBody, $id: 'FunctionCallOutputPayload', title: 'FunctionCallOutputBody' },
  Type.Object({ body: FunctionCallOutputBody, success: Opt(Type.Boolean()) }),
);
export type FunctionCallOutputPayload = Static<typeof FunctionCallOutputPayload>;

export const GhostCommit = Type.Object({
  id: Type.String(),
  parent: Opt(Type.String()),
  preexisting_untracked_files: Type.Array(Type.String({ serdeExpected: 'path string' })),
  preexisting_untracked_dirs: Type.Array(Type.String({ serdeExpected: 'path string' })),
}, { $id: 'GhostCommit' });
export type GhostCommit = Static<typeof GhostCommit>;

export const LocalShellAction = Tagged(
  'type',
  {
    exec: Type.Object({
      command: Type.Array(Type.String()),
      timeout_ms: Opt(u64()),
      working_directory: Opt(Type.String()),
      env: Opt(Dict(Type.String())),
      user: Opt(Type.String()),
    }, { serdeNewtype: 'LocalShellExecAction' }),
  },
  { $id: 'LocalShellAction' },
);
export type LocalShellAction = Static<typeof LocalShellAction>;

export const LocalShellStatus = StrEnum(['completed', 'in_progress', 'incomplete'], { $id: 'LocalShellStatus' });
export type LocalShellStatus = Static<typeof LocalShellStatus>;

export const ReasoningItemContent = Tagged(
  'type',
  { reasoning_text: { text: Type.String() }, text: { text: Type.String() } },
  { $id: 'ReasoningItemContent' },
);
export type ReasoningItemContent = Static<typeof ReasoningItemContent>;

export const ReasoningItemReasoningSummary = Tagged(
  'type',
  { summary_text: { text: Type.String() } },
  { $id: 'ReasoningItemReasoningSummary' },
);
export type ReasoningItemReasoningSummary = Static<typeof ReasoningItemReasoningSummary>;

export const ResponsesApiWebSearchAction = Tagged(
  'type',
  {
    search: {
      query: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
      queries: Type.Optional(Nullable(Type.Array(Type.String()), { serdeSeqDefault: true })),
    },
    open_page: { url: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })) },
    find_in_page: {
      url: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
      pattern: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
    },
    other: {},
  },
  { $id: 'ResponsesApiWebSearchAction', title: 'WebSearchAction', serdeOther: 'other' },
);
export type ResponsesApiWebSearchAction = Static<typeof ResponsesApiWebSearchAction>;

export const ResponseItem = Tagged(
  'type',
  {
    message: {
      id: Type.Optional(Nullable(Type.String({ writeOnly: true }), { serdeSeqDefault: true })),
      role: Type.String(),
      content: Type.Array(ContentItem),
      end_turn: Type.Optional(Nullable(Type.Boolean(), { serdeSeqDefault: true })),
      phase: Type.Optional(Nullable(MessagePhase, { serdeSeqDefault: true })),
    },
    reasoning: {
      id: Published(Type.Optional(Type.String({
        writeOnly: true,
        serdeSeqDefault: true,
      })), Type.String({ writeOnly: true })),
      summary: Type.Array(ReasoningItemReasoningSummary),
      content: Type.Optional(Nullable(Type.Array(ReasoningItemContent), { default: null })),
      encrypted_content: Opt(Type.String()),
    },
    local_shell_call: {
      id: Type.Optional(Nullable(Type.String({ writeOnly: true }), { serdeSeqDefault: true })),
      call_id: Opt(Type.String()),
      status: LocalShellStatus,
      action: LocalShellAction,
    },
    function_call: {
      id: Type.Optional(Nullable(Type.String({ writeOnly: true }), { serdeSeqDefault: true })),
      name: Type.String(),
      arguments: Type.String(),
      call_id: Type.String(),
    },
    function_call_output: { call_id: Type.String(), output: FunctionCallOutputPayload },
    custom_tool_call: {
      id: Type.Optional(Nullable(Type.String({ writeOnly: true }), { serdeSeqDefault: true })),
      status: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
      call_id: Type.String(),
      name: Type.String(),
      input: Type.String(),
    },
    custom_tool_call_output: { call_id: Type.String(), output: FunctionCallOutputPayload },
    web_search_call: {
      id: Type.Optional(Nullable(Type.String({ writeOnly: true }), { serdeSeqDefault: true })),
      status: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
      action: Type.Optional(Nullable(ResponsesApiWebSearchAction, { serdeSeqDefault: true })),
    },
    image_generation_call: {
      id: Type.String(),
      status: Type.String(),
      revised_prompt: Type.Optional(Nullable(Type.String(), { serdeSeqDefault: true })),
      result: Type.String(),
    },
    ghost_snapshot: { ghost_commit: GhostCommit },
    compaction: { encrypted_content: Type.String() },
    other: {},
  },
  { $id: 'ResponseItem', serdeOther: 'other' },
);
export type ResponseItem = Static<typeof ResponseItem>;
