import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { writeTypescript } from './emit-typescript.ts';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const out = mkdtempSync(join(tmpdir(), 'weft-typescript-'));
after(() => rmSync(out, { recursive: true, force: true }));

for (const experimental of [true, false]) {
  test(`generated TypeScript type-checks strictly (experimental: ${experimental})`, () => {
    const dir = join(out, String(experimental));
    writeTypescript(dir, { experimental });
    const args = [tsc, '--noEmit', '--strict', '--module', 'esnext', '--moduleResolution', 'bundler', '--target', 'es2022', join(dir, 'index.ts')];
    const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(existsSync(join(dir, 'v2', 'MockExperimentalMethodParams.ts')), experimental);
    const threadStart = readFileSync(join(dir, 'v2', 'ThreadStartParams.ts'), 'utf8');
    assert.equal(threadStart.includes('dynamicTools?: Array<DynamicToolSpec> | null'), experimental);
  });
}

test('TypeScript describes the legacy v1 methods the JSON Schema leaves out', () => {
  const request = readFileSync(join(out, 'true', 'ClientRequest.ts'), 'utf8');
  assert.match(request, /method: "getAuthStatus", params: GetAuthStatusParams/);
  assert.match(readFileSync(join(out, 'true', 'v2', 'UserInput.ts'), 'utf8'), /\| \{ type: "text", text: string, text_elements\?: Array<TextElement> \}/);
});
