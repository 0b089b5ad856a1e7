/**
 * Skills: local listing, per-skill config, remote catalogue.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Default, Nullable, Opt, StrEnum } from '../schema-kit.ts';

export const SkillsListExtraRootsForCwd = Type.Object({
  cwd: Type.String({ serdeExpected: 'path string' }),
  extraUserRoots: Type.Array(Type.String({ serdeExpected: 'path string' })),
}, { $id: 'SkillsListExtraRootsForCwd' });
export type SkillsListExtraRootsForCwd = Static<typeof SkillsListExtraRootsForCwd>;

export const SkillsListParams = Type.Object({
  cwds: Type.Optional(Type.Array(Type.String({ serdeExpected: 'path string' }), { serdeSeqDefault: true })),
  forceReload: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  perCwdExtraUserRoots: Type.Optional(Nullable(Type.Array(SkillsListExtraRootsForCwd), { default: null })),
}, { $id: 'SkillsListParams' });
export type SkillsListParams = Static<typeof SkillsListParams>;

export const HazelnutScope = StrEnum(['example', 'workspace-shared', 'all-shared', 'personal'], {
  $id: 'HazelnutScope',
});
export type HazelnutScope = Static<typeof HazelnutScope>;

export const ProductSurface = StrEnum(['chatgpt', 'codex', 'api', 'atlas'], { $id: 'ProductSurface' });
export type ProductSurface = Static<typeof ProductSurface>;

export const SkillsRemoteReadParams = Type.Object({
  hazelnutScope: Type.Optional(Default(HazelnutScope, 'example')),
  productSurface: Type.Optional(Default(ProductSurface, 'codex')),
  enabled: Type.Optional(Type.Boolean({ default: false })),
}, { $id: 'SkillsRemoteReadParams' });
export type SkillsRemoteReadParams = Static<typeof SkillsRemoteReadParams>;

export const SkillsRemoteWriteParams = Type.Object({ hazelnutId: Type.String() }, { $id: 'SkillsRemoteWriteParams' });
export type SkillsRemoteWriteParams = Static<typeof SkillsRemoteWriteParams>;

export const SkillsConfigWriteParams = Type.Object({
  path: Type.String({ serdeExpected: 'path string' }),
  enabled: Type.Boolean(),
}, { $id: 'SkillsConfigWriteParams' });
export type SkillsConfigWriteParams = Static<typeof SkillsConfigWriteParams>;

export const SkillToolDependency = Type.Object({
  type: Type.String(),
  value: Type.String(),
  description: Opt(Type.String()),
  transport: Opt(Type.String()),
  command: Opt(Type.String()),
  url: Opt(Type.String()),
}, { $id: 'SkillToolDependency' });
export type SkillToolDependency = Static<typeof SkillToolDependency>;

export const SkillDependencies = Type.Object({ tools: Type.Array(SkillToolDependency) }, { $id: 'SkillDependencies' });
export type SkillDependencies = Static<typeof SkillDependencies>;

export const SkillErrorInfo = Type.Object({ path: Type.String(), message: Type.String() }, { $id: 'SkillErrorInfo' });
export type SkillErrorInfo = Static<typeof SkillErrorInfo>;

export const SkillInterface = Type.Object({
  displayName: Opt(Type.String()),
  shortDescription: Opt(Type.String()),
  iconSmall: Opt(Type.String()),
  iconLarge: Opt(Type.String()),
  brandColor: Opt(Type.String()),
  defaultPrompt: Opt(Type.String()),
}, { $id: 'SkillInterface' });
export type SkillInterface = Static<typeof SkillInterface>;

export const SkillScope = StrEnum(['user', 'repo', 'system', 'admin'], { $id: 'SkillScope' });
export type SkillScope = Static<typeof SkillScope>;

export const SkillMetadata = Type.Object({
  name: Type.String(),
  description: Type.String(),
  shortDescription: Opt(Type.String()),
  interface: Opt(SkillInterface),
  dependencies: Opt(SkillDependencies),
  path: Type.String(),
  scope: SkillScope,
  enabled: Type.Boolean(),
}, { $id: 'SkillMetadata' });
export type SkillMetadata = Static<typeof SkillMetadata>;

export const SkillsListEntry = Type.Object({
  cwd: Type.String(),
  skills: Type.Array(SkillMetadata),
  errors: Type.Array(SkillErrorInfo),
}, { $id: 'SkillsListEntry' });
export type SkillsListEntry = Static<typeof SkillsListEntry>;

export const SkillsListResponse = Type.Object({ data: Type.Array(SkillsListEntry) }, { $id: 'SkillsListResponse' });
export type SkillsListResponse = Static<typeof SkillsListResponse>;

export const RemoteSkillSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
}, { $id: 'RemoteSkillSummary' });
export type RemoteSkillSummary = Static<typeof RemoteSkillSummary>;

export const SkillsRemoteReadResponse = Type.Object({
  data: Type.Array(RemoteSkillSummary),
}, { $id: 'SkillsRemoteReadResponse' });
export type SkillsRemoteReadResponse = Static<typeof SkillsRemoteReadResponse>;

export const SkillsRemoteWriteResponse = Type.Object({
  id: Type.String(),
  path: Type.String(),
}, { $id: 'SkillsRemoteWriteResponse' });
export type SkillsRemoteWriteResponse = Static<typeof SkillsRemoteWriteResponse>;

export const SkillsConfigWriteResponse = Type.Object({
  effectiveEnabled: Type.Boolean(),
}, { $id: 'SkillsConfigWriteResponse' });
export type SkillsConfigWriteResponse = Static<typeof SkillsConfigWriteResponse>;

export const SkillsChangedNotification = Type.Object({}, { $id: 'SkillsChangedNotification' });
export type SkillsChangedNotification = Static<typeof SkillsChangedNotification>;
