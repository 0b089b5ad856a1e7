/**
 * Catalogues: models, experimental features, collaboration-mode presets, and the mock experimental method.
 */
import { Type, type Static } from '@sinclair/typebox';
import { OneOf, Opt, StrEnum, u32 } from '../schema-kit.ts';
import { InputModality, ModeKind, ReasoningEffort } from './shared.ts';

export const ModelListParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
  includeHidden: Opt(Type.Boolean()),
}, { $id: 'ModelListParams' });
export type ModelListParams = Static<typeof ModelListParams>;

export const ExperimentalFeatureListParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
}, { $id: 'ExperimentalFeatureListParams' });
export type ExperimentalFeatureListParams = Static<typeof ExperimentalFeatureListParams>;

export const CollaborationModeListParams = Type.Object({}, { $id: 'CollaborationModeListParams' });
export type CollaborationModeListParams = Static<typeof CollaborationModeListParams>;

export const MockExperimentalMethodParams = Type.Object({
  value: Opt(Type.String()),
}, { $id: 'MockExperimentalMethodParams' });
export type MockExperimentalMethodParams = Static<typeof MockExperimentalMethodParams>;

export const ModelUpgradeInfo = Type.Object({
  model: Type.String(),
  upgradeCopy: Opt(Type.String()),
  modelLink: Opt(Type.String()),
  migrationMarkdown: Opt(Type.String()),
}, { $id: 'ModelUpgradeInfo' });
export type ModelUpgradeInfo = Static<typeof ModelUpgradeInfo>;

export const ModelAvailabilityNux = Type.Object({ message: Type.String() }, { $id: 'ModelAvailabilityNux' });
export type ModelAvailabilityNux = Static<typeof ModelAvailabilityNux>;

export const ReasoningEffortOption = Type.Object({
  reasoningEffort: ReasoningEffort,
  description: Type.String(),
}, { $id: 'ReasoningEffortOption' });
export type ReasoningEffortOption = Static<typeof ReasoningEffortOption>;

export const Model = Type.Object({
  id: Type.String(),
  model: Type.String(),
  upgrade: Opt(Type.String()),
  upgradeInfo: Opt(ModelUpgradeInfo),
  availabilityNux: Opt(ModelAvailabilityNux),
  displayName: Type.String(),
  description: Type.String(),
  hidden: Type.Boolean(),
  supportedReasoningEfforts: Type.Array(ReasoningEffortOption),
  defaultReasoningEffort: ReasoningEffort,
  inputModalities: Type.Optional(Type.Array(InputModality, { default: ['text', 'image'] })),
  supportsPersonality: Type.Optional(Type.Boolean({ default: false })),
  isDefault: Type.Boolean(),
}, { $id: 'Model' });
export type Model = Static<typeof Model>;

export const ModelListResponse = Type.Object({
  data: Type.Array(Model),
  nextCursor: Opt(Type.String()),
}, { $id: 'ModelListResponse' });
export type ModelListResponse = Static<typeof ModelListResponse>;

export const ExperimentalFeatureStage = OneOf([
  StrEnum(['beta']),
  StrEnum(['underDevelopment']),
  StrEnum(['stable']),
  StrEnum(['deprecated']),
  StrEnum(['removed']),
], { $id: 'ExperimentalFeatureStage' });
export type ExperimentalFeatureStage = Static<typeof ExperimentalFeatureStage>;

export const ExperimentalFeature = Type.Object({
  name: Type.String(),
  stage: ExperimentalFeatureStage,
  displayName: Opt(Type.String()),
  description: Opt(Type.String()),
  announcement: Opt(Type.String()),
  enabled: Type.Boolean(),
  defaultEnabled: Type.Boolean(),
}, { $id: 'ExperimentalFeature' });
export type ExperimentalFeature = Static<typeof ExperimentalFeature>;

export const ExperimentalFeatureListResponse = Type.Object({
  data: Type.Array(ExperimentalFeature),
  nextCursor: Opt(Type.String()),
}, { $id: 'ExperimentalFeatureListResponse' });
export type ExperimentalFeatureListResponse = Static<typeof ExperimentalFeatureListResponse>;

export const CollaborationModeMask = Type.Object({
  name: Type.String(),
  mode: Opt(ModeKind),
  model: Opt(Type.String()),
  reasoning_effort: Opt(ReasoningEffort),
}, { $id: 'CollaborationModeMask' });
export type CollaborationModeMask = Static<typeof CollaborationModeMask>;

export const CollaborationModeListResponse = Type.Object({
  data: Type.Array(CollaborationModeMask),
}, { $id: 'CollaborationModeListResponse' });
export type CollaborationModeListResponse = Static<typeof CollaborationModeListResponse>;

export const MockExperimentalMethodResponse = Type.Object({
  echoed: Opt(Type.String()),
}, { $id: 'MockExperimentalMethodResponse' });
export type MockExperimentalMethodResponse = Static<typeof MockExperimentalMethodResponse>;

export const ModelRerouteReason = StrEnum(['highRiskCyberActivity'], { $id: 'ModelRerouteReason' });
export type ModelRerouteReason = Static<typeof ModelRerouteReason>;

export const ModelReroutedNotification = Type.Object({
  threadId: Type.String(),
  turnId: Type.String(),
  fromModel: Type.String(),
  toModel: Type.String(),
  reason: ModelRerouteReason,
}, { $id: 'ModelReroutedNotification' });
export type ModelReroutedNotification = Static<typeof ModelReroutedNotification>;
