// The escalation path with real bubblewrap: a command the sandbox stopped is offered to the user for
// a rerun outside it, through the same authorizer the server uses.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ThreadRules } from '../../src/core/thread-rules.ts';
import { emptyPolicy } from '../../src/exec-policy/index.ts';
import type { AskForApproval } from '../../src/protocol/index.ts';
import { isSandboxAvailable } from '../../src/sandbox/index.ts';
import { commandAuthorizer } from '../../src/tools/approvals/command-approval.ts';
import { commandPolicy } from '../../src/tools/built-in.ts';
import type { ToolContext } from '../../src/tools/registry.ts';
import { shellToolHandlers } from '../../src/tools/shell/index.ts';
import { testToolContext } from '../support/tool-context.ts';
import { scratch, workspaceOnly } from './helpers.ts';

const skip = process.platform !== 'linux'
  ? 'bubblewrap enforcement is Linux only'
  : !isSandboxAvailable() && 'bwrap is missing or cannot create namespaces here: install bubblewrap (apt-get install bubblewrap)';

const authorize = commandAuthorizer(commandPolicy);
const shell = shellToolHandlers({ env: () => ({ PATH: process.env.PATH }), authorize });

interface Asked {
  method: string;
  params: Record<string, unknown>;
}

/** A turn under workspace-write whose user answers every approval with `decision`. */
function turn(cwd: string, approvalPolicy: AskForApproval, decision: string, asked: Asked[]): ToolContext {
  return testToolContext({
    cwd,
    sandboxPolicy: workspaceOnly(),
    approvalPolicy,
    rules: new ThreadRules('/nonexistent-codex-home', emptyPolicy()),
    ask: async (method, params, opts) => {
      asked.push({ method, params });
      const answer = { kind: 'result' as const, result: { decision } };
      opts.onAnswer?.(answer);
      return answer;
    },
  });
}

const run = async (ctx: ToolContext, script: string) => {
  const out = await shell.shell!({ callId: 'call-1', name: 'shell', input: JSON.stringify({ command: ['sh', '-c', script] }), kind: 'function' }, ctx);
  return (out as { output: string }).output;
};

describe('escalation after a sandbox denial', { skip }, () => {
  test('on-failure: the denied write is offered for a rerun outside, and runs once accepted', async (t) => {
    const { ws, outside } = scratch(t);
    const asked: Asked[] = [];
    const output = await run(turn(ws, 'on-failure', 'accept', asked), `touch ${outside}/made && echo made`);
    assert.deepEqual(asked.map((a) => [a.method, a.params.reason]), [['item/commandExecution/requestApproval', 'command failed; retry without sandbox?']]);
    assert.ok(existsSync(join(outside, 'made')));
    assert.match(output, /"output":"made\\n"/);
  });

  test('a declined rerun leaves the sandbox failure standing and writes nothing', async (t) => {
    const { ws, outside } = scratch(t);
    const asked: Asked[] = [];
    const output = await run(turn(ws, 'on-failure', 'decline', asked), `touch ${outside}/made`);
    assert.equal(asked.length, 1);
    assert.ok(!existsSync(join(outside, 'made')));
    assert.equal(output, 'exec command rejected by user');
  });

  test('on-request and never do not offer a rerun: the sandbox failure is the answer', async (t) => {
    const { ws, outside } = scratch(t);
    for (const policy of ['on-request', 'never'] as const) {
      const asked: Asked[] = [];
      const output = await run(turn(ws, policy, 'accept', asked), `touch ${outside}/made`);
      assert.deepEqual(asked, [], policy);
      assert.match(output, /Read-only file system/, policy);
      assert.ok(!existsSync(join(outside, 'made')), policy);
    }
  });

  test('writes inside the workspace need no approval at all', async (t) => {
    const { ws } = scratch(t);
    const asked: Asked[] = [];
    await run(turn(ws, 'on-failure', 'accept', asked), 'touch inside');
    assert.deepEqual(asked, []);
    assert.ok(existsSync(join(ws, 'inside')));
  });
});
