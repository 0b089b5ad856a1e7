import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SseParser } from './sse.ts';

/** Feeds `text` cut into the given chunk sizes (cycled) and collects every payload. */
function parse(text: string, sizes: number[] = [text.length]): string[] {
  const parser = new SseParser();
  const out: string[] = [];
  for (let pos = 0, i = 0; pos < text.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    out.push(...parser.feed(text.slice(pos, pos + size)));
    pos += size;
  }
  return out;
}

const STREAM =
  'event: response.created\ndata: {"type":"response.created"}\n\n' +
  ': keep-alive comment\n\n' +
  'event: response.output_text.delta\ndata: {"type":"d","delta":"a\\nb"}\n\n' +
  'data: {"type":"multi",\ndata: "x":1}\n\n';

test('yields the data of each complete event, ignoring event names and comments', () => {
  assert.deepEqual(parse(STREAM), ['{"type":"response.created"}', '{"type":"d","delta":"a\\nb"}', '{"type":"multi",\n"x":1}']);
});

test('events split across chunks at any byte give the same payloads', () => {
  const whole = parse(STREAM);
  for (const sizes of [[1], [2], [3], [7, 1], [13, 5, 1]]) assert.deepEqual(parse(STREAM, sizes), whole, `chunks of ${sizes}`);
});

test('CRLF and lone CR end lines too, also when a CRLF is split between chunks', () => {
  const crlf = STREAM.replaceAll('\n', '\r\n');
  const cr = STREAM.replaceAll('\n', '\r');
  const whole = parse(STREAM);
  for (const sizes of [[crlf.length], [1], [4, 3]]) assert.deepEqual(parse(crlf, sizes), whole);
  assert.deepEqual(parse(cr, [5]), whole);
  const parser = new SseParser();
  assert.deepEqual([...parser.feed('data: x\r'), ...parser.feed(''), ...parser.feed('\ndata: y\r\n\r\n')], ['x\ny']);
});

test('a data field without a value, without the space, or with a BOM before it', () => {
  assert.deepEqual(parse('\ufeffdata:x\n\ndata\n\ndata:  two spaces\n\n'), ['x', '', ' two spaces']);
});

test('only the exact field name "data" counts; events without data are not dispatched', () => {
  assert.deepEqual(parse('database: no\nid: 1\nretry: 5\n\nevent: x\n\ndata: yes\n\n'), ['yes']);
});

test('an event cut off by the end of the stream is never yielded', () => {
  const parser = new SseParser();
  assert.deepEqual(parser.feed('data: complete\n\ndata: partial\n'), ['complete']);
});
