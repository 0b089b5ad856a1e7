import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSkillExtras, NO_EXTRAS, parseSkillExtras } from './metadata.ts';

const DIR = '/skills/demo';

test('a full openai.yaml: interface folded to one line each, icons made absolute, tools without type or value dropped', () => {
  const yaml = [
    'interface:',
    '  display_name: "I One"',
    '  short_description: Short I1',
    '  icon_small: ./assets/small.svg',
    '  icon_large: assets/big.png',
    '  brand_color: "#AABBCC"',
    '  default_prompt: "Do the   thing"',
    'dependencies:',
    '  tools:',
    '    - type: mcp',
    '      value: github',
    '      description: GitHub MCP',
    '      transport: streamable_http',
    '      url: https://example.com/mcp',
    '    - type: env_var',
    '      value: API_KEY',
    '    - value: missing-type',
    '    - type: cli',
    '      value: gh',
    '      command: gh auth login',
    'policy:',
    '  allow_implicit_invocation: false',
  ].join('\n');
  assert.deepEqual(parseSkillExtras(yaml, DIR), {
    interface: {
      displayName: 'I One',
      shortDescription: 'Short I1',
      iconSmall: '/skills/demo/assets/small.svg',
      iconLarge: '/skills/demo/assets/big.png',
      brandColor: '#AABBCC',
      defaultPrompt: 'Do the thing',
    },
    dependencies: {
      tools: [
        { type: 'mcp', value: 'github', description: 'GitHub MCP', transport: 'streamable_http', url: 'https://example.com/mcp' },
        { type: 'env_var', value: 'API_KEY' },
        { type: 'cli', value: 'gh', command: 'gh auth login' },
      ],
    },
    allowImplicitInvocation: false,
  });
});

test('icons outside assets/, colours not #RRGGBB and empty texts are dropped; nothing left means no interface', () => {
  assert.equal(parseSkillExtras('interface:\n  icon_small: /abs/x.svg\n  icon_large: ../assets/x.png\n  brand_color: red\n', DIR).interface, null);
  assert.equal(parseSkillExtras('interface:\n  icon_small: icons/x.svg\n  icon_large: assets/../assets/x.png\n  display_name: ""\n', DIR).interface, null);
  assert.deepEqual(parseSkillExtras('interface:\n  brand_color: " #abcdef "\n', DIR).interface, {
    displayName: null, shortDescription: null, iconSmall: null, iconLarge: null, brandColor: '#abcdef', defaultPrompt: null,
  });
});

test('empty sections add nothing; a file of the wrong shape adds nothing at all', () => {
  assert.deepEqual(parseSkillExtras('interface: {}\ndependencies:\n  tools: []\n', DIR), NO_EXTRAS);
  assert.deepEqual(parseSkillExtras('interface: [\n', DIR), NO_EXTRAS);
  assert.deepEqual(parseSkillExtras('interface:\n  display_name: ok\npolicy:\n  allow_implicit_invocation: maybe\n', DIR), NO_EXTRAS);
  assert.deepEqual(parseSkillExtras('policy:\n  allow_implicit_invocation: true\n', DIR), { ...NO_EXTRAS, allowImplicitInvocation: true });
});

test('the file is agents/openai.yaml beside SKILL.md; a folder of that name is ignored', async () => {
  const root = mkdtempSync(join(tmpdir(), 'weft-extras-'));
  mkdirSync(join(root, 'a', 'agents'), { recursive: true });
  writeFileSync(join(root, 'a', 'agents', 'openai.yaml'), 'interface:\n  display_name: A\n');
  mkdirSync(join(root, 'b', 'agents', 'openai.yaml'), { recursive: true });
  assert.equal((await loadSkillExtras(join(root, 'a'))).interface?.displayName, 'A');
  assert.deepEqual(await loadSkillExtras(join(root, 'b')), NO_EXTRAS);
  assert.deepEqual(await loadSkillExtras(join(root, 'none')), NO_EXTRAS);
});
