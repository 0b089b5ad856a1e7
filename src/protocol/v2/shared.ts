/**
 * Small v2 types used across method families: policies, enums of settings, text spans.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Default, OneOf, Opt, StrEnum, Tagged, usize } from '../schema-kit.ts';

export const AskForApproval = OneOf(
  [
    StrEnum(['untrusted', 'on-failure', 'on-request', 'never']),
    Type.Object({
      reject: Type.Object({
        sandbox_approval: Type.Boolean(),
        rules: Type.Boolean(),
        mcp_elicitations: Type.Boolean(),
      }),
    }, { additionalProperties: false }),
  ],
  { $id: 'AskForApproval', serdeVariants: ['untrusted', 'on-failure', 'on-request', 'reject', 'never'] },
);
export type AskForApproval = Static<typeof AskForApproval>;

export const Personality = StrEnum(['none', 'friendly', 'pragmatic'], { $id: 'Personality' });
export type Personality = Static<typeof Personality>;

export const SandboxMode = StrEnum(['read-only', 'workspace-write', 'danger-full-access'], { $id: 'SandboxMode' });
export type SandboxMode = Static<typeof SandboxMode>;

export const ServiceTier = StrEnum(['fast', 'flex'], { $id: 'ServiceTier' });
export type ServiceTier = Static<typeof ServiceTier>;

export const MessagePhase = OneOf([StrEnum(['commentary']), StrEnum(['final_answer'])], { $id: 'MessagePhase' });
export type MessagePhase = Static<typeof MessagePhase>;

export const AbsolutePathBuf = Type.String({ $id: 'AbsolutePathBuf', serdeAbsolutePath: true });
export type AbsolutePathBuf = Static<typeof AbsolutePathBuf>;

export const ByteRange = Type.Object({ start: usize(), end: usize() }, { $id: 'ByteRange' });
export type ByteRange = Static<typeof ByteRange>;

export const ModeKind = StrEnum(['plan', 'default'], {
  $id: 'ModeKind',
  serdeVariants: ['plan', 'code', 'custom', 'default', 'execute', 'pair_programming'],
  serdeAliases: { code: 'default', custom: 'default', execute: 'default', pair_programming: 'default' },
});
export type ModeKind = Static<typeof ModeKind>;

export const ReasoningEffort = StrEnum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'], {
  $id: 'ReasoningEffort',
});
export type ReasoningEffort = Static<typeof ReasoningEffort>;

export const Settings = Type.Object({
  model: Type.String(),
  reasoning_effort: Opt(ReasoningEffort),
  developer_instructions: Opt(Type.String()),
}, { $id: 'Settings' });
export type Settings = Static<typeof Settings>;

export const CollaborationMode = Type.Object({ mode: ModeKind, settings: Settings }, { $id: 'CollaborationMode' });
export type CollaborationMode = Static<typeof CollaborationMode>;

export const NetworkAccess = StrEnum(['restricted', 'enabled'], { $id: 'NetworkAccess' });
export type NetworkAccess = Static<typeof NetworkAccess>;

export const ReadOnlyAccess = Tagged(
  'type',
  {
    restricted: {
      includePlatformDefaults: Type.Optional(Type.Boolean({ default: true })),
      readableRoots: Type.Optional(Type.Array(AbsolutePathBuf, { default: [] })),
    },
    fullAccess: {},
  },
  { $id: 'ReadOnlyAccess' },
);
export type ReadOnlyAccess = Static<typeof ReadOnlyAccess>;

export const ReasoningSummary = OneOf([StrEnum(['auto', 'concise', 'detailed']), StrEnum(['none'])], {
  $id: 'ReasoningSummary',
});
export type ReasoningSummary = Static<typeof ReasoningSummary>;

export const SandboxPolicy = Tagged(
  'type',
  {
    dangerFullAccess: {},
    readOnly: {
      access: Type.Optional(Default(ReadOnlyAccess, { type: 'fullAccess' })),
      networkAccess: Type.Optional(Type.Boolean({ default: false })),
    },
    externalSandbox: { networkAccess: Type.Optional(Default(NetworkAccess, 'restricted')) },
    workspaceWrite: {
      writableRoots: Type.Optional(Type.Array(AbsolutePathBuf, { default: [] })),
      readOnlyAccess: Type.Optional(Default(ReadOnlyAccess, { type: 'fullAccess' })),
      networkAccess: Type.Optional(Type.Boolean({ default: false })),
      excludeTmpdirEnvVar: Type.Optional(Type.Boolean({ default: false })),
      excludeSlashTmp: Type.Optional(Type.Boolean({ default: false })),
    },
  },
  { $id: 'SandboxPolicy' },
);
export type SandboxPolicy = Static<typeof SandboxPolicy>;

export const TextElement = Type.Object({
  byteRange: ByteRange,
  placeholder: Opt(Type.String()),
}, { $id: 'TextElement' });
export type TextElement = Static<typeof TextElement>;

export const ThreadId = Type.String({ $id: 'ThreadId' });
export type ThreadId = Static<typeof ThreadId>;

export const InputModality = OneOf([StrEnum(['text']), StrEnum(['image'])], { $id: 'InputModality' });
export type InputModality = Static<typeof InputModality>;

export const PlanType = StrEnum(['free', 'go', 'plus', 'pro', 'team', 'business', 'enterprise', 'edu', 'unknown'], {
  $id: 'PlanType',
});
export type PlanType = Static<typeof PlanType>;

export const ForcedLoginMethod = StrEnum(['chatgpt', 'api'], { $id: 'ForcedLoginMethod' });
export type ForcedLoginMethod = Static<typeof ForcedLoginMethod>;

export const Verbosity = StrEnum(['low', 'medium', 'high'], { $id: 'Verbosity' });
export type Verbosity = Static<typeof Verbosity>;

export const WebSearchContextSize = StrEnum(['low', 'medium', 'high'], { $id: 'WebSearchContextSize' });
export type WebSearchContextSize = Static<typeof WebSearchContextSize>;

export const WebSearchLocation = Type.Object(
  { country: Opt(Type.String()), region: Opt(Type.String()), city: Opt(Type.String()), timezone: Opt(Type.String()) },
  { $id: 'WebSearchLocation', additionalProperties: false },
);
export type WebSearchLocation = Static<typeof WebSearchLocation>;

export const WebSearchMode = StrEnum(['disabled', 'cached', 'live'], { $id: 'WebSearchMode' });
export type WebSearchMode = Static<typeof WebSearchMode>;

export const WebSearchToolConfig = Type.Object(
  {
    context_size: Opt(WebSearchContextSize),
    allowed_domains: Opt(Type.Array(Type.String())),
    location: Opt(WebSearchLocation),
  },
  { $id: 'WebSearchToolConfig', additionalProperties: false },
);
export type WebSearchToolConfig = Static<typeof WebSearchToolConfig>;

export const AuthMode = OneOf([StrEnum(['apikey']), StrEnum(['chatgpt']), StrEnum(['chatgptAuthTokens'])], {
  $id: 'AuthMode',
});
export type AuthMode = Static<typeof AuthMode>;

export const TextPosition = Type.Object({ line: usize(), column: usize() }, { $id: 'TextPosition' });
export type TextPosition = Static<typeof TextPosition>;

export const TextRange = Type.Object({ start: TextPosition, end: TextPosition }, { $id: 'TextRange' });
export type TextRange = Static<typeof TextRange>;
