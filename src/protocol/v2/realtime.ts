/**
 * Experimental realtime sessions (`thread/realtime/*`).
 */
import { Type, type Static } from '@sinclair/typebox';
import { Json, Opt, u16, u32 } from '../schema-kit.ts';

export const ThreadRealtimeStartParams = Type.Object({
  threadId: Type.String(),
  prompt: Type.String(),
  sessionId: Opt(Type.String()),
}, { $id: 'ThreadRealtimeStartParams' });
export type ThreadRealtimeStartParams = Static<typeof ThreadRealtimeStartParams>;

export const ThreadRealtimeAudioChunk = Type.Object({
  data: Type.String(),
  sampleRate: u32(),
  numChannels: u16(),
  samplesPerChannel: Opt(u32()),
}, { $id: 'ThreadRealtimeAudioChunk' });
export type ThreadRealtimeAudioChunk = Static<typeof ThreadRealtimeAudioChunk>;

export const ThreadRealtimeAppendAudioParams = Type.Object({
  threadId: Type.String(),
  audio: ThreadRealtimeAudioChunk,
}, { $id: 'ThreadRealtimeAppendAudioParams' });
export type ThreadRealtimeAppendAudioParams = Static<typeof ThreadRealtimeAppendAudioParams>;

export const ThreadRealtimeAppendTextParams = Type.Object({
  threadId: Type.String(),
  text: Type.String(),
}, { $id: 'ThreadRealtimeAppendTextParams' });
export type ThreadRealtimeAppendTextParams = Static<typeof ThreadRealtimeAppendTextParams>;

export const ThreadRealtimeStopParams = Type.Object({ threadId: Type.String() }, { $id: 'ThreadRealtimeStopParams' });
export type ThreadRealtimeStopParams = Static<typeof ThreadRealtimeStopParams>;

export const ThreadRealtimeStartResponse = Type.Object({}, { $id: 'ThreadRealtimeStartResponse' });
export type ThreadRealtimeStartResponse = Static<typeof ThreadRealtimeStartResponse>;

export const ThreadRealtimeAppendAudioResponse = Type.Object({}, { $id: 'ThreadRealtimeAppendAudioResponse' });
export type ThreadRealtimeAppendAudioResponse = Static<typeof ThreadRealtimeAppendAudioResponse>;

export const ThreadRealtimeAppendTextResponse = Type.Object({}, { $id: 'ThreadRealtimeAppendTextResponse' });
export type ThreadRealtimeAppendTextResponse = Static<typeof ThreadRealtimeAppendTextResponse>;

export const ThreadRealtimeStopResponse = Type.Object({}, { $id: 'ThreadRealtimeStopResponse' });
export type ThreadRealtimeStopResponse = Static<typeof ThreadRealtimeStopResponse>;

export const ThreadRealtimeStartedNotification = Type.Object({
  threadId: Type.String(),
  sessionId: Opt(Type.String()),
}, { $id: 'ThreadRealtimeStartedNotification' });
export type ThreadRealtimeStartedNotification = Static<typeof ThreadRealtimeStartedNotification>;

export const ThreadRealtimeItemAddedNotification = Type.Object({
  threadId: Type.String(),
  item: Json(),
}, { $id: 'ThreadRealtimeItemAddedNotification' });
export type ThreadRealtimeItemAddedNotification = Static<typeof ThreadRealtimeItemAddedNotification>;

export const ThreadRealtimeOutputAudioDeltaNotification = Type.Object(
  { threadId: Type.String(), audio: ThreadRealtimeAudioChunk },
  { $id: 'ThreadRealtimeOutputAudioDeltaNotification' },
);
export type ThreadRealtimeOutputAudioDeltaNotification = Static<typeof ThreadRealtimeOutputAudioDeltaNotification>;

export const ThreadRealtimeErrorNotification = Type.Object({
  threadId: Type.String(),
  message: Type.String(),
}, { $id: 'ThreadRealtimeErrorNotification' });
export type ThreadRealtimeErrorNotification = Static<typeof ThreadRealtimeErrorNotification>;

export const ThreadRealtimeClosedNotification = Type.Object({
  threadId: Type.String(),
  reason: Opt(Type.String()),
}, { $id: 'ThreadRealtimeClosedNotification' });
export type ThreadRealtimeClosedNotification = Static<typeof ThreadRealtimeClosedNotification>;
