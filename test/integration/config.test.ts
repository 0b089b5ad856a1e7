import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startStdio, tempHome } from '../support/weft.ts';

const USER = `# my settings
model = "gpt-5"   # the usual

[features]
shell_snapshot = true # keep
`;

test('config writes keep the file as written around the edit, guard versions, and new threads see them', async () => {
  const home = tempHome(USER);
  const file = join(home.codexHome, 'config.toml');
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const before = (await client.request('config/read', { includeLayers: true })).result;
    const userLayer = before.layers.find((l: { name: { type: string } }) => l.name.type === 'user');
    assert.deepEqual(before.origins['model'], { name: { type: 'user', file }, version: userLayer.version });

    const written = (
      await client.request('config/batchWrite', {
        edits: [
          { keyPath: 'model', value: 'o3', mergeStrategy: 'replace' },
          { keyPath: 'features', value: { apps: true }, mergeStrategy: 'upsert' },
          { keyPath: 'model_providers.local', value: { name: 'local', base_url: 'http://127.0.0.1:9/v1' }, mergeStrategy: 'replace' },
        ],
        expectedVersion: userLayer.version,
      })
    ).result;
    assert.equal(written.status, 'ok');
    assert.equal(written.filePath, file);
    assert.notEqual(written.version, userLayer.version);
    assert.equal(
      readFileSync(file, 'utf8'),
      '# my settings\nmodel = "o3"   # the usual\n\n[features]\napps = true\nshell_snapshot = true # keep\n\n[model_providers.local]\nbase_url = "http://127.0.0.1:9/v1"\nname = "local"\n',
    );

    const stale = await client.request('config/value/write', { keyPath: 'model', value: 'x', mergeStrategy: 'replace', expectedVersion: userLayer.version });
    assert.deepEqual(stale.error, {
      code: -32600,
      message: 'Configuration was modified since last read. Fetch latest version and retry.',
      data: { config_write_error_code: 'configVersionConflict' },
    });

    // A failing batch writes nothing.
    const failed = await client.request('config/batchWrite', {
      edits: [
        { keyPath: 'model', value: 'never-written', mergeStrategy: 'replace' },
        { keyPath: 'sandbox_mode', value: 'yolo', mergeStrategy: 'replace' },
      ],
    });
    assert.equal(failed.error.data.config_write_error_code, 'configValidationError');
    assert.match(failed.error.message, /^Invalid configuration: unknown variant `yolo`.*\nin `sandbox_mode`\n$/s);
    assert.equal((await client.request('config/read', {})).result.config.model, 'o3');

    // No restart: the next thread starts with what was written, a new provider included.
    const thread = (await client.request('thread/start', { modelProvider: 'local', ephemeral: true })).result;
    assert.equal(thread.model, 'o3');
    assert.equal(thread.modelProvider, 'local');

    // Edits by hand count too, and a broken file fails the next thread as it does there.
    writeFileSync(file, 'model = "by-hand"\n');
    assert.equal((await client.request('thread/start', { ephemeral: true })).result.model, 'by-hand');
    writeFileSync(file, 'model_verbosity = "loud"\n');
    const broken = await client.request('thread/start', { ephemeral: true });
    assert.equal(broken.error.message, `error deriving config: ${file}:1:19: unknown variant \`loud\`, expected one of \`low\`, \`medium\`, \`high\``);
    const unreadable = await client.request('config/read', {});
    assert.deepEqual(unreadable.error, {
      code: -32603,
      message: 'invalid configuration: unknown variant `loud`, expected one of `low`, `medium`, `high`\nin `model_verbosity`\n',
    });
  } finally {
    await weft.kill();
    home.dispose();
  }
});

test('project config applies where the project is trusted; untrusted folders are listed and reported', async () => {
  const home = tempHome('model = "user-model"\n');
  const files: Record<string, string> = {
    '.git': '',
    '.codex/config.toml': 'model = "project-model"\n',
    'app/.codex/config.toml': 'model_verbosity = "low"\n[sandbox_workspace_write]\nwritable_roots = ["cache"]\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(home.cwd, rel, '..'), { recursive: true });
    writeFileSync(join(home.cwd, rel), text);
  }
  const userFile = join(home.codexHome, 'config.toml');
  const { weft, client } = await startStdio(home);
  try {
    await client.initialize();
    const warning = await client.notification('configWarning');
    assert.equal(
      warning.params.summary,
      'Project config.toml files are disabled in the following folders. Settings in those files are ignored, but skills and exec policies still load.\n' +
        `    1. ${home.cwd}/.codex\n       To load config.toml, add ${home.cwd} as a trusted project in ${userFile}.\n`,
    );

    const app = join(home.cwd, 'app');
    const untrusted = (await client.request('config/read', { cwd: app, includeLayers: true })).result;
    assert.equal(untrusted.config.model, 'user-model');
    assert.deepEqual(
      untrusted.layers.map((l: { name: object; disabledReason?: string }) => [l.name, l.disabledReason]),
      [
        [{ type: 'project', dotCodexFolder: join(app, '.codex') }, `To load config.toml, add ${home.cwd} as a trusted project in ${userFile}.`],
        [{ type: 'project', dotCodexFolder: join(home.cwd, '.codex') }, `To load config.toml, add ${home.cwd} as a trusted project in ${userFile}.`],
        [{ type: 'user', file: userFile }, undefined],
        [{ type: 'system', file: '/etc/codex/config.toml' }, undefined],
      ],
    );

    await client.request('config/value/write', { keyPath: `projects.${home.cwd}.trust_level`, value: 'trusted', mergeStrategy: 'replace' });
    const trusted = (await client.request('config/read', { cwd: app })).result;
    assert.equal(trusted.config.model, 'project-model');
    assert.equal(trusted.config.model_verbosity, 'low');
    assert.deepEqual(trusted.config.sandbox_workspace_write.writable_roots, [join(app, '.codex', 'cache')]);
    assert.deepEqual(trusted.origins['model'].name, { type: 'project', dotCodexFolder: join(home.cwd, '.codex') });
    assert.equal((await client.request('config/read', {})).result.config.model, 'user-model');
    assert.equal((await client.request('thread/start', { cwd: app, ephemeral: true })).result.model, 'project-model');
  } finally {
    await weft.kill();
    home.dispose();
  }
});
