import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TomlDocument } from './document.ts';

// Expected texts are what the reference server wrote for the same edits.

const edit = (text: string, ...edits: [string[], unknown][]) => {
  const doc = TomlDocument.parse(text);
  for (const [path, value] of edits) {
    if (value === undefined) doc.remove(path);
    else doc.set(path, value as never);
  }
  return doc.toString();
};

test('an unedited document prints as it was read', () => {
  const text = '# top\nmodel = "x"   # why\n\n[a]  # header\nb = [\n  1, # one\n  2,\n]\nc = { d = 1 }\n\n[[arr]]\nx = 1\n\n[[arr]]\nx = 2\n# end\n';
  assert.equal(TomlDocument.parse(text).toString(), text);
});

test('a value replaced in place keeps its line; new keys go after the last key of their table', () => {
  const text =
    '# Top comment\nmodel = "gpt-5"   # trailing comment\n\n# features section\n[features]\nshell_snapshot = true # keep\n\n[model_providers.mock]\nname = "mock"\nbase_url = "http://x"\n';
  assert.equal(
    edit(
      text,
      [['model'], 'o3'],
      [['features', 'apps'], true],
      [['model_verbosity'], 'low'],
      [['model_providers', 'other'], { name: 'o', base_url: 'http://o', http_headers: { A: 'b' }, query_params: { x: '1' } }],
      [['projects', '/tmp/some path', 'trust_level'], 'trusted'],
    ),
    '# Top comment\nmodel = "o3"   # trailing comment\nmodel_verbosity = "low"\n\n# features section\n[features]\nshell_snapshot = true # keep\napps = true\n\n' +
      '[model_providers.mock]\nname = "mock"\nbase_url = "http://x"\n\n[model_providers.other]\nbase_url = "http://o"\nname = "o"\n\n' +
      '[model_providers.other.http_headers]\nA = "b"\n\n[model_providers.other.query_params]\nx = "1"\n\n[projects."/tmp/some path"]\ntrust_level = "trusted"\n',
  );
});

test('a new document: tables of tables get their own headers, empty ones too', () => {
  assert.equal(
    edit('', [['e'], { empty_table: {}, empty_arr: [], arr_of_tables: [{ a: 1 }, { b: { c: 2 } }], nested: { deep: { deeper: { x: 1 } }, y: 2 } }]),
    '[e]\narr_of_tables = [{ a = 1 }, { b = { c = 2 } }]\nempty_arr = []\n\n[e.empty_table]\n\n[e.nested]\ny = 2\n\n[e.nested.deep]\n\n[e.nested.deep.deeper]\nx = 1\n',
  );
});

const W3 =
  '# head\nmodel = "gpt-5"\nshell_environment_policy.inherit = "all"\n\n# before tools\ntools = { view_image = true }  # inline\n\n[features]\n# comment before zeta2\nzeta2 = true # z\nalpha = false\n\n# trailing comment of features\n\n[[skills.config]]\npath = "/x"\nenabled = false\n\n[profiles.p]\nmodel = "m"\n\n# end comment\n';

test('a replaced table is printed with sorted keys, each keeping its comments', () => {
  assert.equal(
    edit(W3, [['features'], { alpha: false, mid: true, zeta2: true }]),
    W3.replace('[features]\n# comment before zeta2\nzeta2 = true # z\nalpha = false\n', '[features]\nalpha = false\nmid = true\n# comment before zeta2\nzeta2 = true # z\n'),
  );
});

test('a key added under a dotted key is dotted too; an inline table becomes a standard table', () => {
  const out = edit(W3, [['shell_environment_policy', 'exclude'], ['A']], [['tools', 'web_search'], { context_size: 'low' }]);
  assert.equal(
    out,
    '# head\nmodel = "gpt-5"\nshell_environment_policy.inherit = "all"\nshell_environment_policy.exclude = ["A"]\n' +
      // The reference moves the comment into the header's brackets, which breaks the file.
      '\n# before tools\n[tools ]\nview_image = true\n\n[tools.web_search]\ncontext_size = "low"\n' +
      W3.slice(W3.indexOf('\n[features]')),
  );
});

test('removing keys, and a key under an implicit table gets that table a header in its place', () => {
  assert.equal(edit('a = 1\nb = 2\n[x.y]\nz = 1\n', [['a'], undefined], [['x', 'w'], 5]), 'b = 2\n\n[x]\nw = 5\n[x.y]\nz = 1\n');
  assert.equal(edit('[t]\n# gone with its key\nk = 1\nj = 2\n', [['t', 'k'], undefined]), '[t]\nj = 2\n');
  const doc = TomlDocument.parse('a = 1\n');
  assert.equal(doc.remove(['nothere', 'x']), false);
  assert.equal(doc.remove(['a', 'x']), false);
});

test('a value in the way of a deeper key gives way to a table; an array of tables is not entered', () => {
  assert.equal(edit('model = "x"\n', [['model', 'a', 'b'], 1]), '[model.a]\nb = 1\n');
  const doc = TomlDocument.parse('[[s]]\nx = 1\n');
  assert.equal(doc.set(['s', 'y'], 1), false);
});

test('a file without a final newline gets one, CRLF lines are read', () => {
  assert.equal(edit('a = 1', [['b'], 2]), 'a = 1\nb = 2\n');
  assert.equal(edit('a = 1\r\n[t]\r\nx = 2\r\n', [['t', 'x'], 3]), 'a = 1\n[t]\nx = 3\n');
});

test('clearing a key inside inline tables turns them into standard tables; an emptied one disappears', () => {
  assert.equal(
    edit('tools = {view_image=true, web_search = { context_size = "low" }}\n', [['tools', 'web_search', 'context_size'], undefined]),
    '[tools ]\nview_image =true\n',
  );
});

test('multi-line strings, literal strings and dates are skipped over whole', () => {
  const text = 'a = """\nx = 1\n[not]\n"""\nb = \'\'\'q\'\'\'\'\nc = 1979-05-27 07:32:00Z # d\nd = "\\"]"\n';
  assert.equal(edit(text, [['e'], 1]), `${text}e = 1\n`);
});
