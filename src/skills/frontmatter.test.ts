import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFrontmatter, parseSkillHeader, type HeaderResult } from './frontmatter.ts';

/** SKILL.md files seeded into the reference (its `skills/list` answers recorded): folder, content, result. */
const REFERENCE_CASES: [string, string, HeaderResult][] = [
  ["a-short", "---\nname: a-short\ndescription: Has a short description\nmetadata:\n  short-description: Short one\n---\n\nBody of a-short.\n", { header: { name: "a-short", description: "Has a short description", shortDescription: "Short one" } }],
  ["b-multi", "---\nname: b-multi\ndescription: |\n  first line\n    second   line\n\n  third\n---\nbody\n", { header: { name: "b-multi", description: "first line second line third", shortDescription: null } }],
  ["c-noclose", "---\nname: c-noclose\ndescription: x\n", { error: "missing YAML frontmatter delimited by ---" }],
  ["d-empty", "---\n---\nbody\n", { error: "missing YAML frontmatter delimited by ---" }],
  ["e-noname", "---\ndescription: no name\n---\n", { header: { name: "e-noname", description: "no name", shortDescription: null } }],
  ["f-emptyname", "---\nname: \"\"\ndescription: empty name\n---\n", { header: { name: "f-emptyname", description: "empty name", shortDescription: null } }],
  ["g-longname", "---\nname: " + "g".repeat(65) + "\ndescription: long name\n---\n\nBody of " + "g".repeat(65) + ".\n", { error: "invalid name: exceeds maximum length of 64 characters" }],
  ["h-longdesc", "---\nname: h-longdesc\ndescription: " + "d".repeat(1025) + "\n---\n\nBody of h-longdesc.\n", { error: "invalid description: exceeds maximum length of 1024 characters" }],
  ["i-badyaml", "---\nname: [unclosed\ndescription: x\n---\n", { error: "invalid YAML: name: invalid type: sequence, expected a string at line 1 column 7" }],
  ["j-intname", "---\nname: 123\ndescription: int name\n---\n", { header: { name: "123", description: "int name", shortDescription: null } }],
  ["k-indent", "  ---  \nname: k-indent\ndescription: indented delimiters\n  ---\n", { header: { name: "k-indent", description: "indented delimiters", shortDescription: null } }],
  ["l-crlf", "---\r\nname: l-crlf\r\ndescription: crlf file\r\n---\r\nbody\r\n", { header: { name: "l-crlf", description: "crlf file", shortDescription: null } }],
  ["m-bom", "﻿---\nname: m-bom\ndescription: bom file\n---\n", { error: "missing YAML frontmatter delimited by ---" }],
  ["er", "---\nname: n-deep\ndescription: nested deeper\n---\n\nBody of n-deep.\n", { header: { name: "n-deep", description: "nested deeper", shortDescription: null } }],
  ["skills", "---\nname: root-skill\ndescription: SKILL.md at the root\n---\n\nBody of root-skill.\n", { header: { name: "root-skill", description: "SKILL.md at the root", shortDescription: null } }],
  ["q-dup", "---\nname: dup-name\ndescription: dup in codex home\n---\n\nBody of dup-name.\n", { header: { name: "dup-name", description: "dup in codex home", shortDescription: null } }],
  ["r-extra", "---\nname: r-extra\ndescription: extra keys\nlicense: MIT\nallowed-tools: [a, b]\n---\n\nBody of r-extra.\n", { header: { name: "r-extra", description: "extra keys", shortDescription: null } }],
  ["s-emptyshort", "---\nname: s-emptyshort\ndescription: empty short\nmetadata:\n  short-description: \"  \"\n---\n\nBody of s-emptyshort.\n", { header: { name: "s-emptyshort", description: "empty short", shortDescription: null } }],
  ["w-spaces", "---\nname: \"  w   spaced\n  name \"\ndescription: \"tab\\there\"\n---\n", { header: { name: "w spaced name", description: "tab here", shortDescription: null } }],
  ["x-quoted", "---\nname: 'x-quoted'\ndescription: \"quoted: with colon # not comment\" # a comment\n---\n", { header: { name: "x-quoted", description: "quoted: with colon # not comment", shortDescription: null } }],
  ["y-dupkey", "---\nname: y1\nname: y2\ndescription: dup key\n---\n", { error: "invalid YAML: duplicate field `name`" }],
  ["z-desc-missing", "---\nname: z-desc-missing\n---\n", { error: "missing field `description`" }],
  ["za-null", "---\nname: za-null\ndescription:\n---\n", { error: "missing field `description`" }],
  ["zb-list", "---\n- a\n- b\n---\n", { error: "invalid YAML: invalid type: sequence, expected struct SkillFrontmatter" }],
  ["zc-scalar", "---\njust text\n---\n", { error: "invalid YAML: invalid type: string \"just text\", expected struct SkillFrontmatter" }],
  ["zd-tab", "---\nname: zd-tab\n\tdescription: tab indent\n---\n", { error: "invalid YAML: found a tab character that violates indentation at line 2 column 1, while scanning a plain scalar at line 1 column 7" }],
  ["ze-colon", "---\nname: ze-colon\ndescription: a: b\n---\n", { error: "invalid YAML: mapping values are not allowed in this context at line 2 column 15" }],
  ["zf-meta-str", "---\nname: zf-meta-str\ndescription: metadata is a string\nmetadata: hello\n---\n\nBody of zf-meta-str.\n", { error: "invalid YAML: metadata: invalid type: string \"hello\", expected struct SkillFrontmatterMetadata at line 3 column 11" }],
  ["zg-shortalias", "---\nname: zg-shortalias\ndescription: alias short\nmetadata:\n  shortDescription: via alias\n---\n\nBody of zg-shortalias.\n", { header: { name: "zg-shortalias", description: "alias short", shortDescription: null } }],
  ["zh-longshort", "---\nname: zh-longshort\ndescription: long short\nmetadata:\n  short-description: " + "s".repeat(1025) + "\n---\n\nBody of zh-longshort.\n", { error: "invalid metadata.short-description: exceeds maximum length of 1024 characters" }],
  ["zi-bool", "---\nname: true\ndescription: 1.5\n---\n", { header: { name: "true", description: "1.5", shortDescription: null } }],
  ["zj-anchor", "---\nname: &n zj-anchor\ndescription: *n\n---\n", { header: { name: "zj-anchor", description: "zj-anchor", shortDescription: null } }],
  ["zk-folded", "---\nname: zk-folded\ndescription: >-\n  folded\n  text\n\n  para\n---\n", { header: { name: "zk-folded", description: "folded text para", shortDescription: null } }],
  ["zl-nofrontstart", "\n---\nname: zl\ndescription: blank first line\n---\n", { error: "missing YAML frontmatter delimited by ---" }],
  ["m-empty", "---\nname: m-empty\ndescription: d\nmetadata:\n\n---\n", { header: { name: "m-empty", description: "d", shortDescription: null } }],
  ["m-null", "---\nname: m-null\ndescription: d\nmetadata: null\n\n---\n", { error: "invalid YAML: metadata: invalid type: unit value, expected struct SkillFrontmatterMetadata at line 3 column 11" }],
  ["m-tilde", "---\nname: m-tilde\ndescription: d\nmetadata: ~\n\n---\n", { error: "invalid YAML: metadata: invalid type: unit value, expected struct SkillFrontmatterMetadata at line 3 column 11" }],
  ["m-list", "---\nname: m-list\ndescription: d\nmetadata: []\n\n---\n", { error: "invalid YAML: metadata: invalid type: sequence, expected struct SkillFrontmatterMetadata at line 3 column 11" }],
  ["m-dup", "---\nname: m-dup\ndescription: d\nmetadata:\n  short-description: a\n  short-description: b\n\n---\n", { error: "invalid YAML: metadata: duplicate field `short-description` at line 4 column 3" }],
  ["m-shortlist", "---\nname: m-shortlist\ndescription: d\nmetadata:\n  short-description: [x]\n\n---\n", { error: "invalid YAML: metadata.short-description: invalid type: sequence, expected a string at line 4 column 22" }],
  ["m-shortnum", "---\nname: m-shortnum\ndescription: d\nmetadata:\n  short-description: 12\n\n---\n", { header: { name: "m-shortnum", description: "d", shortDescription: "12" } }],
  ["c-comment", "---\n# only a comment\n---\n", { error: "missing field `description`" }],
  ["c-space", "---\n   \n---\n", { error: "missing field `description`" }],
  ["c-docend", "---\nname: c-docend\ndescription: d\n...\nextra: 1\n---\n", { error: "invalid YAML: deserializing from YAML containing more than one document is not supported" }],
  ["n-map", "---\nname: {a: b}\ndescription: d\n\n---\n", { error: "invalid YAML: name: invalid type: map, expected a string at line 1 column 7" }],
  ["n-tilde", "---\nname: ~\ndescription: d\n\n---\n", { header: { name: "n-tilde", description: "d", shortDescription: null } }],
  ["n-nullstr", "---\nname: null\ndescription: d\n\n---\n", { header: { name: "n-nullstr", description: "d", shortDescription: null } }],
  ["n-quotednull", "---\nname: \"null\"\ndescription: d\n\n---\n", { header: { name: "null", description: "d", shortDescription: null } }],
  ["d-list", "---\nname: d-list\ndescription:\n  - a\n\n---\n", { error: "invalid YAML: description: invalid type: sequence, expected a string at line 3 column 3" }],
  ["d-empty-quoted", "---\nname: d-empty-quoted\ndescription: ''\n\n---\n", { error: "missing field `description`" }],
  ["d-space-only", "---\nname: d-space-only\ndescription: '   '\n\n---\n", { error: "missing field `description`" }],
  ["u-dupunknown", "---\nname: u-dupunknown\ndescription: d\nfoo: 1\nfoo: 2\n\n---\n", { header: { name: "u-dupunknown", description: "d", shortDescription: null } }],
  ["y-unclosed-quote", "---\nname: \"abc\ndescription: d\n\n---\n", { error: "invalid YAML: found unexpected end of stream at line 3 column 1, while scanning a quoted scalar at line 1 column 7" }],
  ["y-badindent", "---\nname: y\n  description: d\n\n---\n", { error: "invalid YAML: mapping values are not allowed in this context at line 2 column 14" }],
  ["y-badindent2", "---\nname: y\ndescription: d\n extra: e\n\n---\n", { error: "invalid YAML: mapping values are not allowed in this context at line 3 column 7" }],
  ["y-flowbad", "---\nname: [a, b\ndescription: d\n\n---\n", { error: "invalid YAML: name: invalid type: sequence, expected a string at line 1 column 7" }],
  ["y-flowmap", "---\nname: {a: b\n\n---\n", { error: "invalid YAML: name: invalid type: map, expected a string at line 1 column 7" }],
  ["y-at", "---\nname: @foo\ndescription: d\n\n---\n", { error: "invalid YAML: found character that cannot start any token at line 1 column 7, while scanning for the next token" }],
  ["y-backtick", "---\nname: `foo\ndescription: d\n\n---\n", { error: "invalid YAML: found character that cannot start any token at line 1 column 7, while scanning for the next token" }],
  ["y-alias-unknown", "---\nname: *nope\ndescription: d\n\n---\n", { error: "invalid YAML: unknown anchor at line 1 column 7" }],
  ["y-tab-value", "---\nname:\tx-tab\ndescription: d\n\n---\n", { header: { name: "x-tab", description: "d", shortDescription: null } }],
  ["y-key-noval", "---\nname\ndescription: d\n\n---\n", { error: "invalid YAML: invalid type: string \"name description\", expected struct SkillFrontmatter" }],
  ["y-colon-key", "---\nname: ok\n: novalue\n\n---\n", { error: "invalid YAML: did not find expected key at line 2 column 1, while parsing a block mapping" }],
  ["y-percent", "---\n%YAML 1.2\nname: x\n\n---\n", { error: "invalid YAML: did not find expected <document start> at line 2 column 1" }],
  ["y-bad-escape", "---\nname: \"a\\qb\"\ndescription: d\n\n---\n", { error: "invalid YAML: found unknown escape character at line 1 column 9, while parsing a quoted scalar at line 1 column 7" }],
  ["y-block-lit-bad", "---\nname: y\ndescription: |\nno indent\n\n---\n", { error: "invalid YAML: could not find expected ':' at line 4 column 1, while scanning a simple key at line 3 column 1" }],
  ["y-question", "---\n? name\n: y-question\ndescription: d\n\n---\n", { header: { name: "y-question", description: "d", shortDescription: null } }],
  ["y-tag", "---\nname: !!str 5\ndescription: !custom d\n\n---\n", { header: { name: "5", description: "d", shortDescription: null } }],
  ["y-long-key", "---\nname: y\n" + "k".repeat(1100) + ": v\ndescription: d\n\n---\n", { error: "invalid YAML: could not find expected ':' at line 2 column 1101, while scanning a simple key at line 2 column 1" }],
  ["y-seq-in-map", "---\nname: y\n- a\n\n---\n", { error: "invalid YAML: did not find expected key at line 2 column 1, while parsing a block mapping" }],
  ["y-multi-plain", "---\nname: multi\n  word name\ndescription: d\n\n---\n", { header: { name: "multi word name", description: "d", shortDescription: null } }],
  ["z-num-desc", "---\nname: z-num-desc\ndescription: 0x1F\n\n---\n", { header: { name: "z-num-desc", description: "0x1F", shortDescription: null } }],
  ["z-anchors-dup", "---\nname: &a z\ndescription: &a d\n\n---\n", { header: { name: "z", description: "d", shortDescription: null } }],
  ["f1", "---\nname: f1\ndescription: {a: b}\n---\n", { error: "invalid YAML: description: invalid type: map, expected a string at line 2 column 14" }],
  ["f2", "---\n{name: f2, description: flow map}\n---\n", { header: { name: "f2", description: "flow map", shortDescription: null } }],
  ["f3", "---\n{name: f3, description: flow map\n---\n", { error: "invalid YAML: did not find expected ',' or '}' at line 2 column 1, while parsing a flow mapping" }],
  ["f4", "---\nname: f4\ndescription: [a, b]]\n---\n", { error: "invalid YAML: description: invalid type: sequence, expected a string at line 2 column 14" }],
  ["f5", "---\nname: f5\ndescription: \"multi\n  line   quoted\n\n  para\"\n---\n", { header: { name: "f5", description: "multi line quoted para", shortDescription: null } }],
  ["f6", "---\nname: f6\ndescription: 'it''s single\n  folded'\n---\n", { header: { name: "f6", description: "it's single folded", shortDescription: null } }],
  ["f7", "---\nname: f7\ndescription: |2-\n    indented two\n   less\n---\n", { header: { name: "f7", description: "indented two less", shortDescription: null } }],
  ["f8", "---\nname: f8\ndescription: >+\n  keep\n\n---\n", { header: { name: "f8", description: "keep", shortDescription: null } }],
  ["f9", "---\nname: f9 # comment\ndescription: d #c\n# trailing comment\n---\n", { header: { name: "f9", description: "d", shortDescription: null } }],
  ["f10", "---\nname: f10\ndescription: d\nmetadata: &m\n  short-description: s\nother: *m\n---\n", { header: { name: "f10", description: "d", shortDescription: "s" } }],
  ["f11", "---\nname: f11\ndescription: d\nmetadata: {short-description: flow short}\n---\n", { header: { name: "f11", description: "d", shortDescription: "flow short" } }],
  ["f12", "---\nname: f12\ndescription: d\n? complex\n: value\n---\n", { header: { name: "f12", description: "d", shortDescription: null } }],
  ["f13", "---\nname: f13\ndescription: d\n- item\n---\n", { error: "invalid YAML: did not find expected key at line 3 column 1, while parsing a block mapping" }],
  ["f14", "---\n  name: f14\n  description: indented map\n---\n", { header: { name: "f14", description: "indented map", shortDescription: null } }],
  ["f15", "---\nname: f15\n description: d\n---\n", { error: "invalid YAML: mapping values are not allowed in this context at line 2 column 13" }],
  ["f16", "---\nname: f16\ndescription: d\n  - x\n---\n", { header: { name: "f16", description: "d - x", shortDescription: null } }],
  ["f17", "---\nname: f17\ndescription: \"bad \\x4\"\n---\n", { error: "invalid YAML: did not find expected hexadecimal number at line 2 column 21, while parsing a quoted scalar at line 2 column 14" }],
  ["f18", "---\nname: f18\ndescription: \"\\u00e9t\\U0001F600 \\x41\"\n---\n", { header: { name: "f18", description: "ét😀 A", shortDescription: null } }],
  ["f19", "---\nname: f19\ndescription: !!binary aGVsbG8=\n---\n", { header: { name: "f19", description: "aGVsbG8=", shortDescription: null } }],
  ["f20", "---\nname: f20\ndescription: !<tag:x> verbatim\n---\n", { header: { name: "f20", description: "verbatim", shortDescription: null } }],
  ["f21", "---\nname: f21\ndescription: !x!y d\n---\n", { error: "invalid YAML: found undefined tag handle at line 2 column 14, while parsing a node" }],
  ["f22", "---\nname: f22\ndescription: &a\n---\n", { error: "missing field `description`" }],
  ["f23", "---\nname: f23\ndescription: d\nmetadata:\n  short-description: &s s\n  x: *s\n---\n", { header: { name: "f23", description: "d", shortDescription: "s" } }],
  ["f24", "---\nname: 'f24'\n'description': \"quoted key\"\n---\n", { header: { name: "f24", description: "quoted key", shortDescription: null } }],
  ["f25", "---\nname: f25\ndescription: d\n]\n---\n", { error: "invalid YAML: did not find expected key at line 3 column 1, while parsing a block mapping" }],
  ["f26", "---\nname: f26\ndescription: >\n\n  folded after blank\n   more indented\n  back\n---\n", { header: { name: "f26", description: "folded after blank more indented back", shortDescription: null } }],
  ["f27", "---\nname: f27\ndescription: a\tb\n---\n", { header: { name: "f27", description: "a b", shortDescription: null } }],
  ["f28", "---\nname: f28\ndescription: -dash start\n---\n", { header: { name: "f28", description: "-dash start", shortDescription: null } }],
  ["f29", "---\nname: f29\ndescription: ? q\n---\n", { error: "invalid YAML: mapping keys are not allowed in this context at line 2 column 14" }],
  ["f30", "---\nname: f30\ndescription: 'unterminated\n---\n", { error: "invalid YAML: found unexpected end of stream at line 2 column 27, while scanning a quoted scalar at line 2 column 14" }],
  ["f31", "---\nname: f31\ndescription: d\nmetadata:\n  short-description: |\n    block short\n---\n", { header: { name: "f31", description: "d", shortDescription: "block short" } }],
  ["f32", "---\nname: f32\ndescription: d\n\t\n---\n", { error: "invalid YAML: found a tab character that violates indentation at line 3 column 1, while scanning a plain scalar at line 2 column 14" }],
  ["f33", "---\nname: [f33]\ndescription: [\n---\n", { error: "invalid YAML: name: invalid type: sequence, expected a string at line 1 column 7" }],
  ["f34", "---\nname: f34\ndescription: d\nname: again\n---\n", { error: "invalid YAML: duplicate field `name`" }],
  ["f35", "---\n%TAG !e! tag:example.com,2000:\n---\nname: f35\n---\n", { error: "invalid YAML: did not find expected <document start> at line 2 column 1" }],
  ["f36", "---\nname: f36\ndescription: {a: [b, {c: d}]}\n---\n", { error: "invalid YAML: description: invalid type: map, expected a string at line 2 column 14" }],
  ["f37", "---\nname: f37\ndescription: [a, b\n---\n", { error: "invalid YAML: description: invalid type: sequence, expected a string at line 2 column 14" }],
  ["f38", "---\nname: f38\ndescription: \"a\\\n  b\"\n---\n", { header: { name: "f38", description: "ab", shortDescription: null } }],
  ["f39", "---\nname: f39\ndescription: @x\n---\n", { error: "invalid YAML: found character that cannot start any token at line 2 column 14, while scanning for the next token" }],
  ["f40", "---\nname: f40\ndescription: x\n  y: z\n---\n", { error: "invalid YAML: mapping values are not allowed in this context at line 3 column 4" }],
];

test('frontmatter is read, defaulted and refused as the reference does', () => {
  for (const [folder, content, expected] of REFERENCE_CASES) {
    assert.deepEqual(parseSkillHeader(content, folder), expected, `${folder}: ${JSON.stringify(content)}`);
  }
});

test('the frontmatter lies between two lines of ---, which may carry surrounding whitespace', () => {
  assert.equal(extractFrontmatter('---\nname: a\n---\nbody'), 'name: a');
  assert.equal(extractFrontmatter(' --- \r\nname: a\r\ndescription: b\r\n\t---\n'), 'name: a\ndescription: b');
  assert.equal(extractFrontmatter('---\n---\n'), null);
  assert.equal(extractFrontmatter('---\nname: a\n'), null);
  assert.equal(extractFrontmatter('\uFEFF---\nname: a\n---\n'), null);
});

test('a nameless skill is named after its folder, or "skill" when that is blank', () => {
  const content = '---\ndescription: d\n---\n';
  assert.deepEqual(parseSkillHeader(content, 'my  folder'), { header: { name: 'my folder', description: 'd', shortDescription: null } });
  assert.deepEqual(parseSkillHeader(content, ' '), { header: { name: 'skill', description: 'd', shortDescription: null } });
});

