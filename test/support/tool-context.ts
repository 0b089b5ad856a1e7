import { ThreadRules } from '../../src/core/thread-rules.ts';
import { emptyPolicy } from '../../src/exec-policy/index.ts';
import { resolveFeatures } from '../../src/config/features.ts';
import { TurnDiffTracker } from '../../src/tools/apply-patch/index.ts';
import { PermissionGrants } from '../../src/tools/permissions/grants.ts';
import type { ToolContext } from '../../src/tools/registry.ts';

/**
 * A tool context for unit tests: full access, approval policy `never`, nothing reported, and no
 * client to ask (asking rejects). Tests override what they observe.
 */
export function testToolContext(overrides: Partial<ToolContext> = {}): ToolContext {
  return {
    threadId: 'thread',
    turnId: 'turn',
    signal: new AbortController().signal,
    cwd: '/',
    sandboxPolicy: { type: 'dangerFullAccess' },
    approvalPolicy: 'never',
    collaborationMode: 'default',
    features: resolveFeatures({}, {}).states,
    permissionGrants: new PermissionGrants(),
    toolOutputPolicy: { kind: 'bytes', limit: 10_000 },
    shellEnvironmentPolicy: { inherit: 'all', ignoreDefaultExcludes: true, exclude: [], set: {}, includeOnly: [], useProfile: false },
    dynamicTools: [],
    startItem() {},
    notify() {},
    completeItem() {},
    turnDiff: new TurnDiffTracker(),
    ask: () => Promise.reject(new Error('this test has no client to ask')),
    interruptTurn() {},
    tellModel() {},
    sessionApprovals: new Set(),
    rules: new ThreadRules('/nonexistent-codex-home', emptyPolicy()),
    ...overrides,
  };
}
