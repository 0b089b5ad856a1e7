import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import type { RpcClient } from '../support/rpc-client.ts';
import { startStdio, tempHome, type TempHome } from '../support/weft.ts';

/*
 * What the conformance scenarios cannot show: configuration edited on disk while the server runs,
 * command-line feature flags, and rate limits read from a reachable usage endpoint. Expected
 * answers were observed on the reference (codex-cli 0.113.0) in the same situations.
 */

/** Top-level keys first, so that tests can prepend more of them and append tables. */
const config = (top = '', tables = '') => `${top}
model_provider = "mock"
[model_providers.mock]
name = "mock"
base_url = "http://127.0.0.1:1/v1"
${tables}`;

async function withServer(home: TempHome, args: string[], fn: (client: RpcClient) => Promise<void>) {
  const { weft, client } = await startStdio(home, args);
  try {
    await client.initialize();
    await fn(client);
  } finally {
    await weft.kill();
    home.dispose();
  }
}

const enabledFlags = async (client: RpcClient) => {
  const { result } = await client.request('experimentalFeature/list', {});
  return result.data.filter((f: { enabled: boolean; defaultEnabled: boolean }) => f.enabled !== f.defaultEnabled).map((f: { name: string }) => f.name);
};

test('feature flags follow -c, --enable and --disable, and the file as it is at each call', async () => {
  const home = tempHome(config('', '[features]\nundo = true\n'));
  await withServer(home, ['-c', 'features.runtime_metrics=true', '--enable', 'artifact', '--disable', 'shell_tool'], async (client) => {
    assert.deepEqual(await enabledFlags(client), ['undo', 'shell_tool', 'runtime_metrics', 'artifact']);
    writeFileSync(join(home.codexHome, 'config.toml'), config('', '[features]\nmemories = true\n'));
    assert.deepEqual(await enabledFlags(client), ['shell_tool', 'runtime_metrics', 'memories', 'artifact']);
  });
});

test('list methods re-read the configuration; account/read keeps the start-up provider', async () => {
  const home = tempHome(config());
  await withServer(home, [], async (client) => {
    assert.deepEqual((await client.request('mcpServerStatus/list', {})).result, { data: [], nextCursor: null });
    writeFileSync(join(home.codexHome, 'config.toml'), config('', '[mcp_servers.late]\ncommand = "/nonexistent/mcp"\n'));
    const { result } = await client.request('mcpServerStatus/list', {});
    assert.deepEqual(result.data.map((s: { name: string }) => s.name), ['late']);

    writeFileSync(join(home.codexHome, 'config.toml'), 'model_provider = "openai"\nprofile = "nope"\n');
    for (const method of ['experimentalFeature/list', 'mcpServerStatus/list', 'app/list', 'plugin/list']) {
      const { error } = await client.request(method, {});
      assert.equal(error?.code, -32603, method);
      assert.match(error.message, /^failed to reload config: .*config profile `nope` not found/, method);
    }
    assert.deepEqual((await client.request('account/read', {})).result, { account: null, requiresOpenaiAuth: false });
  });
});

const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const CHATGPT_AUTH = JSON.stringify({
  OPENAI_API_KEY: null,
  tokens: {
    id_token: `${part({ alg: 'none' })}.${part({ email: 'user@example.com', 'https://api.openai.com/auth': { chatgpt_plan_type: 'pro' } })}.sig`,
    access_token: 'access-token-1',
    refresh_token: 'refresh-token-1',
    account_id: 'acct-1',
  },
  last_refresh: '2026-01-01T00:00:00Z',
});

const window = (used: number, seconds: number, resetAt: number) => ({ used_percent: used, limit_window_seconds: seconds, reset_after_seconds: 1, reset_at: resetAt });
const USAGE = {
  plan_type: 'pro',
  rate_limit: { allowed: true, limit_reached: false, primary_window: window(42, 3600, 1735689720), secondary_window: window(5, 86400, 1735693200) },
  credits: { has_credits: true, unlimited: false, balance: '12.5' },
  additional_rate_limits: [
    { limit_name: 'GPT-5.3-Codex-Spark', metered_feature: 'codex_bengalfox', rate_limit: { allowed: true, limit_reached: false, primary_window: window(10, 18000, 1735689800), secondary_window: null } },
  ],
};

test('a ChatGPT login reads its rate limits from the usage endpoint under chatgpt_base_url', async () => {
  const seen: IncomingHttpHeaders[] = [];
  const usage = createServer((req, res) => {
    seen.push({ ...req.headers, ':path': req.url });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(USAGE));
  });
  await new Promise<void>((resolve) => usage.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(usage.address() as AddressInfo).port}/backend-api/`;
  const home = tempHome(config(`chatgpt_base_url = "${base}"`));
  writeFileSync(join(home.codexHome, 'auth.json'), CHATGPT_AUTH);
  try {
    await withServer(home, [], async (client) => {
      const main = {
        limitId: 'codex', limitName: null, planType: 'pro',
        primary: { usedPercent: 42, windowDurationMins: 60, resetsAt: 1735689720 },
        secondary: { usedPercent: 5, windowDurationMins: 1440, resetsAt: 1735693200 },
        credits: { hasCredits: true, unlimited: false, balance: '12.5' },
      };
      assert.deepEqual((await client.request('account/rateLimits/read')).result, {
        rateLimits: main,
        rateLimitsByLimitId: {
          codex: main,
          codex_bengalfox: {
            limitId: 'codex_bengalfox', limitName: 'GPT-5.3-Codex-Spark', planType: 'pro', credits: null,
            primary: { usedPercent: 10, windowDurationMins: 300, resetsAt: 1735689800 }, secondary: null,
          },
        },
      });
      assert.equal(seen[0]![':path'], '/backend-api/wham/usage');
      assert.equal(seen[0]!.authorization, 'Bearer access-token-1');
      assert.equal(seen[0]!['chatgpt-account-id'], 'acct-1');
      assert.match(String(seen[0]!['user-agent']), /^weft_test\/0\.113\.0 /);
    });
  } finally {
    usage.close();
  }
});
