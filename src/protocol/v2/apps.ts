/**
 * Apps (connectors) and plugins.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Opt, Tagged, u32 } from '../schema-kit.ts';
import { AbsolutePathBuf } from './shared.ts';

export const PluginListParams = Type.Object({ cwds: Opt(Type.Array(AbsolutePathBuf)) }, { $id: 'PluginListParams' });
export type PluginListParams = Static<typeof PluginListParams>;

export const AppsListParams = Type.Object({
  cursor: Opt(Type.String()),
  limit: Opt(u32()),
  threadId: Opt(Type.String()),
  forceRefetch: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
}, { $id: 'AppsListParams' });
export type AppsListParams = Static<typeof AppsListParams>;

export const PluginInstallParams = Type.Object({
  marketplacePath: AbsolutePathBuf,
  pluginName: Type.String(),
}, { $id: 'PluginInstallParams' });
export type PluginInstallParams = Static<typeof PluginInstallParams>;

export const PluginUninstallParams = Type.Object({ pluginId: Type.String() }, { $id: 'PluginUninstallParams' });
export type PluginUninstallParams = Static<typeof PluginUninstallParams>;

export const PluginInterface = Type.Object({
  displayName: Opt(Type.String()),
  shortDescription: Opt(Type.String()),
  longDescription: Opt(Type.String()),
  developerName: Opt(Type.String()),
  category: Opt(Type.String()),
  capabilities: Type.Array(Type.String()),
  websiteUrl: Opt(Type.String()),
  privacyPolicyUrl: Opt(Type.String()),
  termsOfServiceUrl: Opt(Type.String()),
  defaultPrompt: Opt(Type.String()),
  brandColor: Opt(Type.String()),
  composerIcon: Opt(AbsolutePathBuf),
  logo: Opt(AbsolutePathBuf),
  screenshots: Type.Array(AbsolutePathBuf),
}, { $id: 'PluginInterface' });
export type PluginInterface = Static<typeof PluginInterface>;

export const PluginSource = Tagged('type', { local: { path: AbsolutePathBuf } }, { $id: 'PluginSource' });
export type PluginSource = Static<typeof PluginSource>;

export const PluginSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  source: PluginSource,
  installed: Type.Boolean(),
  enabled: Type.Boolean(),
  interface: Opt(PluginInterface),
}, { $id: 'PluginSummary' });
export type PluginSummary = Static<typeof PluginSummary>;

export const PluginMarketplaceEntry = Type.Object({
  name: Type.String(),
  path: AbsolutePathBuf,
  plugins: Type.Array(PluginSummary),
}, { $id: 'PluginMarketplaceEntry' });
export type PluginMarketplaceEntry = Static<typeof PluginMarketplaceEntry>;

export const PluginListResponse = Type.Object({
  marketplaces: Type.Array(PluginMarketplaceEntry),
}, { $id: 'PluginListResponse' });
export type PluginListResponse = Static<typeof PluginListResponse>;

export const AppBranding = Type.Object({
  category: Opt(Type.String()),
  developer: Opt(Type.String()),
  website: Opt(Type.String()),
  privacyPolicy: Opt(Type.String()),
  termsOfService: Opt(Type.String()),
  isDiscoverableApp: Type.Boolean(),
}, { $id: 'AppBranding' });
export type AppBranding = Static<typeof AppBranding>;

export const AppReview = Type.Object({ status: Type.String() }, { $id: 'AppReview' });
export type AppReview = Static<typeof AppReview>;

export const AppScreenshot = Type.Object({
  url: Opt(Type.String()),
  fileId: Opt(Type.String()),
  userPrompt: Type.String(),
}, { $id: 'AppScreenshot' });
export type AppScreenshot = Static<typeof AppScreenshot>;

export const AppMetadata = Type.Object({
  review: Opt(AppReview),
  categories: Opt(Type.Array(Type.String())),
  subCategories: Opt(Type.Array(Type.String())),
  seoDescription: Opt(Type.String()),
  screenshots: Opt(Type.Array(AppScreenshot)),
  developer: Opt(Type.String()),
  version: Opt(Type.String()),
  versionId: Opt(Type.String()),
  versionNotes: Opt(Type.String()),
  firstPartyType: Opt(Type.String()),
  firstPartyRequiresInstall: Opt(Type.Boolean()),
  showInComposerWhenUnlinked: Opt(Type.Boolean()),
}, { $id: 'AppMetadata' });
export type AppMetadata = Static<typeof AppMetadata>;

export const AppInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Opt(Type.String()),
  logoUrl: Opt(Type.String()),
  logoUrlDark: Opt(Type.String()),
  distributionChannel: Opt(Type.String()),
  branding: Opt(AppBranding),
  appMetadata: Opt(AppMetadata),
  labels: Opt(Dict(Type.String())),
  installUrl: Opt(Type.String()),
  isAccessible: Type.Optional(Type.Boolean({ default: false })),
  isEnabled: Type.Optional(Type.Boolean({ default: true })),
  pluginDisplayNames: Type.Optional(Type.Array(Type.String(), { default: [] })),
}, { $id: 'AppInfo' });
export type AppInfo = Static<typeof AppInfo>;

export const AppsListResponse = Type.Object({
  data: Type.Array(AppInfo),
  nextCursor: Opt(Type.String()),
}, { $id: 'AppsListResponse' });
export type AppsListResponse = Static<typeof AppsListResponse>;

export const AppSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Opt(Type.String()),
  installUrl: Opt(Type.String()),
}, { $id: 'AppSummary' });
export type AppSummary = Static<typeof AppSummary>;

export const PluginInstallResponse = Type.Object({
  appsNeedingAuth: Type.Array(AppSummary),
}, { $id: 'PluginInstallResponse' });
export type PluginInstallResponse = Static<typeof PluginInstallResponse>;

export const PluginUninstallResponse = Type.Object({}, { $id: 'PluginUninstallResponse' });
export type PluginUninstallResponse = Static<typeof PluginUninstallResponse>;

export const AppListUpdatedNotification = Type.Object({
  data: Type.Array(AppInfo),
}, { $id: 'AppListUpdatedNotification' });
export type AppListUpdatedNotification = Static<typeof AppListUpdatedNotification>;
