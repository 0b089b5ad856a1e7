import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeJsonSchema } from './emit-json-schema.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(REPO_ROOT, '..', 'shared');
const REFERENCE = join(SHARED, 'reference', 'codex-app-server-0.113.0');
const out = mkdtempSync(join(tmpdir(), 'weft-json-schema-'));
after(() => rmSync(out, { recursive: true, force: true }));

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listFiles(join(dir, name)) : [join(dir, name)]));

test('the experimental bundles match the reference definition by definition', () => {
  writeJsonSchema(join(out, 'experimental'), { experimental: true });
  const run = spawnSync(process.execPath, [join(SHARED, 'conformance', 'schema-diff.mjs'), join(out, 'experimental')], { encoding: 'utf8' });
  const lines = run.stdout.trim().split('\n');
  // Deliberate deviations would be listed here with their reason; there are none.
  const allowed: string[] = [];
  assert.deepEqual(lines.slice(0, -1).filter((l) => !allowed.includes(l)), []);
  assert.match(lines.at(-1)!, / 0 differences$/);
});

test('the per-type files are the reference folder’s', () => {
  const ours = listFiles(join(out, 'experimental')).map((f) => relative(join(out, 'experimental'), f)).sort();
  const theirs = listFiles(REFERENCE).map((f) => relative(REFERENCE, f)).sort();
  assert.deepEqual(ours, theirs);
  const file = JSON.parse(readFileSync(join(out, 'experimental', 'v2', 'ThreadStartParams.json'), 'utf8'));
  assert.equal(file.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(file.title, 'ThreadStartParams');
  assert.ok(file.definitions.DynamicToolSpec);
  assert.ok(!usesKeyword(file, 'description'));
});

/** Whether a schema uses `keyword` anywhere (property names are not keywords). */
function usesKeyword(node: unknown, keyword: string): boolean {
  if (Array.isArray(node)) return node.some((n) => usesKeyword(n, keyword));
  if (typeof node !== 'object' || node === null) return false;
  return Object.entries(node).some(([key, value]) =>
    key === 'properties' || key === 'definitions'
      ? Object.values(value as object).some((v) => usesKeyword(v, keyword))
      : key === keyword || usesKeyword(value, keyword),
  );
}

test('without --experimental, experimental methods, their payload types and fields are left out', () => {
  writeJsonSchema(join(out, 'stable'), { experimental: false });
  const bundle = JSON.parse(readFileSync(join(out, 'stable', 'codex_app_server_protocol.schemas.json'), 'utf8'));
  const methods = bundle.definitions.ClientRequest.oneOf.map((v: { properties: { method: { enum: string[] } } }) => v.properties.method.enum[0]);
  assert.equal(methods.length, 49);
  assert.ok(!methods.includes('mock/experimentalMethod'));
  assert.ok(!bundle.definitions.v2.MockExperimentalMethodParams);
  const threadStart = bundle.definitions.v2.ThreadStartParams.properties;
  assert.ok(threadStart.ephemeral && !threadStart.dynamicTools && !threadStart.persistExtendedHistory);
  assert.ok(!bundle.definitions.CommandExecutionRequestApprovalParams.properties.additionalPermissions);
  // Experimental enum variants stay, as in the reference.
  assert.equal(bundle.definitions.v2.LoginAccountParams.oneOf.length, 3);
  const files = listFiles(join(out, 'stable')).map((f) => relative(join(out, 'stable'), f));
  assert.ok(!files.includes(join('v2', 'ThreadRealtimeStartParams.json')));
  assert.ok(files.includes(join('v2', 'ThreadRealtimeStartedNotification.json')));
});
