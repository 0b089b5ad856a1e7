/**
 * Standalone command execution (`command/exec*`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Dict, Nullable, OneOf, Opt, StrEnum, i32, i64, u16, usize } from '../schema-kit.ts';
import { SandboxPolicy } from './shared.ts';

export const CommandExecTerminalSize = Type.Object({ rows: u16(), cols: u16() }, { $id: 'CommandExecTerminalSize' });
export type CommandExecTerminalSize = Static<typeof CommandExecTerminalSize>;

export const CommandExecParams = Type.Object({
  command: Type.Array(Type.String()),
  processId: Opt(Type.String()),
  tty: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  streamStdin: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  streamStdoutStderr: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  outputBytesCap: Opt(usize()),
  disableOutputCap: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  disableTimeout: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
  timeoutMs: Opt(i64()),
  cwd: Opt(Type.String({ serdeExpected: 'path string' })),
  env: Opt(Dict(Nullable(Type.String()))),
  size: Opt(CommandExecTerminalSize),
  sandboxPolicy: Opt(SandboxPolicy),
}, { $id: 'CommandExecParams' });
export type CommandExecParams = Static<typeof CommandExecParams>;

export const CommandExecWriteParams = Type.Object({
  processId: Type.String(),
  deltaBase64: Opt(Type.String()),
  closeStdin: Type.Optional(Type.Boolean({ serdeSeqDefault: true })),
}, { $id: 'CommandExecWriteParams' });
export type CommandExecWriteParams = Static<typeof CommandExecWriteParams>;

export const CommandExecTerminateParams = Type.Object({
  processId: Type.String(),
}, { $id: 'CommandExecTerminateParams' });
export type CommandExecTerminateParams = Static<typeof CommandExecTerminateParams>;

export const CommandExecResizeParams = Type.Object({
  processId: Type.String(),
  size: CommandExecTerminalSize,
}, { $id: 'CommandExecResizeParams' });
export type CommandExecResizeParams = Static<typeof CommandExecResizeParams>;

export const CommandExecResponse = Type.Object({
  exitCode: i32(),
  stdout: Type.String(),
  stderr: Type.String(),
}, { $id: 'CommandExecResponse' });
export type CommandExecResponse = Static<typeof CommandExecResponse>;

export const CommandExecWriteResponse = Type.Object({}, { $id: 'CommandExecWriteResponse' });
export type CommandExecWriteResponse = Static<typeof CommandExecWriteResponse>;

export const CommandExecTerminateResponse = Type.Object({}, { $id: 'CommandExecTerminateResponse' });
export type CommandExecTerminateResponse = Static<typeof CommandExecTerminateResponse>;

export const CommandExecResizeResponse = Type.Object({}, { $id: 'CommandExecResizeResponse' });
export type CommandExecResizeResponse = Static<typeof CommandExecResizeResponse>;

export const CommandExecOutputStream = OneOf([StrEnum(['stdout']), StrEnum(['stderr'])], {
  $id: 'CommandExecOutputStream',
});
export type CommandExecOutputStream = Static<typeof CommandExecOutputStream>;

export const CommandExecOutputDeltaNotification = Type.Object({
  processId: Type.String(),
  stream: CommandExecOutputStream,
  deltaBase64: Type.String(),
  capReached: Type.Boolean(),
}, { $id: 'CommandExecOutputDeltaNotification' });
export type CommandExecOutputDeltaNotification = Static<typeof CommandExecOutputDeltaNotification>;
