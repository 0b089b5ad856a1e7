/**
 * Windows sandbox setup and its warning notification.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Opt, StrEnum, usize } from '../schema-kit.ts';
import { AbsolutePathBuf } from './shared.ts';

export const WindowsSandboxSetupMode = StrEnum(['elevated', 'unelevated'], { $id: 'WindowsSandboxSetupMode' });
export type WindowsSandboxSetupMode = Static<typeof WindowsSandboxSetupMode>;

export const WindowsSandboxSetupStartParams = Type.Object({
  mode: WindowsSandboxSetupMode,
  cwd: Opt(AbsolutePathBuf),
}, { $id: 'WindowsSandboxSetupStartParams' });
export type WindowsSandboxSetupStartParams = Static<typeof WindowsSandboxSetupStartParams>;

export const WindowsSandboxSetupStartResponse = Type.Object({
  started: Type.Boolean(),
}, { $id: 'WindowsSandboxSetupStartResponse' });
export type WindowsSandboxSetupStartResponse = Static<typeof WindowsSandboxSetupStartResponse>;

export const WindowsWorldWritableWarningNotification = Type.Object(
  { samplePaths: Type.Array(Type.String()), extraCount: usize(), failedScan: Type.Boolean() },
  { $id: 'WindowsWorldWritableWarningNotification' },
);
export type WindowsWorldWritableWarningNotification = Static<typeof WindowsWorldWritableWarningNotification>;

export const WindowsSandboxSetupCompletedNotification = Type.Object(
  { mode: WindowsSandboxSetupMode, success: Type.Boolean(), error: Opt(Type.String()) },
  { $id: 'WindowsSandboxSetupCompletedNotification' },
);
export type WindowsSandboxSetupCompletedNotification = Static<typeof WindowsSandboxSetupCompletedNotification>;
