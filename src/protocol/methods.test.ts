import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLIENT_NOTIFICATIONS, CLIENT_REQUESTS, SERVER_NOTIFICATIONS, SERVER_REQUESTS, experimentalFieldUse, type ClientRequestSpec } from './methods.ts';

const spec = (method: string): ClientRequestSpec => {
  const found = CLIENT_REQUESTS.find((s) => s.method === method);
  assert.ok(found, method);
  return found;
};

test('client requests follow the reference order, legacy v1 methods included', () => {
  const methods = CLIENT_REQUESTS.map((s) => s.method);
  assert.equal(methods.length, 62);
  assert.equal(new Set(methods).size, methods.length);
  assert.deepEqual(methods.slice(0, 3), ['initialize', 'thread/start', 'thread/resume']);
  assert.deepEqual(methods.slice(-8), [
    'account/read',
    'getConversationSummary',
    'gitDiffToRemote',
    'getAuthStatus',
    'fuzzyFileSearch',
    'fuzzyFileSearch/sessionStart',
    'fuzzyFileSearch/sessionUpdate',
    'fuzzyFileSearch/sessionStop',
  ]);
  assert.deepEqual(
    CLIENT_REQUESTS.filter((s) => s.omitFromSchema).map((s) => s.method),
    ['getConversationSummary', 'gitDiffToRemote', 'getAuthStatus'],
  );
});

test('experimental methods are the ten the reference gates', () => {
  assert.deepEqual(CLIENT_REQUESTS.filter((s) => s.experimental).map((s) => s.method), [
    'thread/backgroundTerminals/clean',
    'thread/realtime/start',
    'thread/realtime/appendAudio',
    'thread/realtime/appendText',
    'thread/realtime/stop',
    'collaborationMode/list',
    'mock/experimentalMethod',
    'fuzzyFileSearch/sessionStart',
    'fuzzyFileSearch/sessionUpdate',
    'fuzzyFileSearch/sessionStop',
  ]);
});

test('methods declared without params', () => {
  assert.deepEqual(CLIENT_REQUESTS.filter((s) => s.params === null).map((s) => s.method), [
    'config/mcpServer/reload',
    'account/logout',
    'account/rateLimits/read',
    'configRequirements/read',
  ]);
  assert.deepEqual(CLIENT_NOTIFICATIONS, [{ method: 'initialized', params: null }]);
});

test('server tables', () => {
  assert.equal(SERVER_NOTIFICATIONS.filter((s) => !s.omitFromSchema).length, 44);
  assert.deepEqual(SERVER_NOTIFICATIONS.filter((s) => s.omitFromSchema).map((s) => s.method), ['rawResponseItem/completed']);
  assert.equal(SERVER_REQUESTS.length, 9);
  assert.equal(SERVER_REQUESTS[0]!.method, 'item/commandExecution/requestApproval');
});

test('experimentalFieldUse: a field counts only when it carries content', () => {
  const start = spec('thread/start');
  assert.equal(experimentalFieldUse(start, {}), null);
  assert.equal(experimentalFieldUse(start, { model: 'x', dynamicTools: [] }), null);
  assert.equal(experimentalFieldUse(start, { dynamicTools: null }), null);
  assert.equal(experimentalFieldUse(start, { dynamicTools: [{ name: 't', description: '', inputSchema: {} }] }), 'thread/start.dynamicTools');
  assert.equal(experimentalFieldUse(start, { persistExtendedHistory: false, experimentalRawEvents: false }), null);
  assert.equal(experimentalFieldUse(start, { persistExtendedHistory: true }), 'thread/start.persistFullHistory');
  assert.equal(experimentalFieldUse(start, { experimentalRawEvents: true }), 'thread/start.experimentalRawEvents');
  assert.equal(experimentalFieldUse(start, { mockExperimentalField: '' }), 'thread/start.mockExperimentalField');
});

test('experimentalFieldUse reports the first used field in declaration order', () => {
  const start = spec('thread/start');
  assert.equal(experimentalFieldUse(start, { persistExtendedHistory: true, dynamicTools: [{}] }), 'thread/start.dynamicTools');
  const resume = spec('thread/resume');
  assert.equal(experimentalFieldUse(resume, { threadId: 't', history: [] }), null);
  assert.equal(experimentalFieldUse(resume, { threadId: 't', path: '/x', history: [{}] }), 'thread/resume.history');
  assert.equal(experimentalFieldUse(resume, { threadId: 't', persistExtendedHistory: true }), 'thread/resume.persistFullHistory');
  assert.equal(experimentalFieldUse(spec('thread/fork'), { threadId: 't', path: '/x' }), 'thread/fork.path');
  assert.equal(experimentalFieldUse(spec('turn/start'), { threadId: 't', input: [], collaborationMode: null }), null);
  assert.equal(experimentalFieldUse(spec('turn/start'), { threadId: 't', input: [], collaborationMode: { mode: 'plan' } }), 'turn/start.collaborationMode');
});

test('experimentalFieldUse: experimental enum variants and methods without gated fields', () => {
  const login = spec('account/login/start');
  assert.equal(experimentalFieldUse(login, { type: 'apiKey', apiKey: 'k' }), null);
  assert.equal(experimentalFieldUse(login, { type: 'chatgptAuthTokens', accessToken: 'a', chatgptAccountId: 'b' }), 'account/login/start.chatgptAuthTokens');
  assert.equal(experimentalFieldUse(spec('thread/read'), { threadId: 't', includeTurns: true }), null);
  assert.equal(experimentalFieldUse(spec('account/logout'), {}), null);
});
