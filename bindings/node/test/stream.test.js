'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { Readable } = require('node:stream');
const { Scanner, RedactTransform, redactStream, PiimaskError } = require('..');

const scanner = new Scanner({ region: 'IN' });
const PIECES = ['+91 98765 43210', '98765 43210', 'priya@example.in', '4111 1111 1111 1111',
  'order #48213977', 'आधार: ', '2345 6789 0124', '😀', 'é', '\n', ' ', 'call ', '१२',
  'lorem ipsum dolor '.repeat(80)];

// A small deterministic generator (no dependency).
function rng(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

async function collect(stream, chunks) {
  const out = [];
  const piped = Readable.from(chunks, { objectMode: false }).pipe(stream);
  for await (const piece of piped) out.push(piece);
  return Buffer.concat(out);
}

/** Random cut points of `length` (sorted, possibly repeated). */
function cutsOf(r, length) {
  const cuts = [];
  for (let k = r(8); k > 0; k--) cuts.push(r(length + 1));
  return cuts.sort((a, b) => a - b);
}

/** The redacted output and the 'finding' events of a stream fed `chunks`. */
async function run(chunks, options) {
  const stream = redactStream(scanner, options);
  const found = [];
  stream.on('finding', (f) => found.push(f));
  const out = [];
  stream.on('data', (piece) => out.push(piece));
  const done = new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await done;
  return { out: Buffer.concat(out).toString('utf8'), found };
}

test('random chunkings equal whole-text redaction', async () => {
  const r = rng(14);
  for (let i = 0; i < 150; i++) {
    let text = '';
    for (let k = r(30); k > 0; k--) text += PIECES[r(PIECES.length)];
    const data = Buffer.from(text, 'utf8');
    const cuts = [];
    for (let k = r(8); k > 0; k--) cuts.push(r(data.length + 1));
    cuts.sort((a, b) => a - b);
    const chunks = [];
    let last = 0;
    for (const cut of [...cuts, data.length]) {
      chunks.push(data.subarray(last, cut));
      last = cut;
    }
    const out = await collect(redactStream(scanner), chunks.filter((b) => b.length));
    assert.strictEqual(out.toString('utf8'), scanner.redact(text));
  }
});

test('random chunkings find what a whole-text scan finds, in UTF-16 offsets of the whole stream', async () => {
  const r = rng(1414);
  const pieces = [...PIECES, '+55 11 91234-5678', 'ravi@例え.jp', '𝟘'];
  for (let i = 0; i < 150; i++) {
    let text = '';
    for (let k = r(30); k > 0; k--) text += pieces[r(pieces.length)];
    const want = scanner.scan(text);
    // Buffers split anywhere, inside UTF-8 characters too.
    const data = Buffer.from(text, 'utf8');
    let last = 0;
    const buffers = [];
    for (const cut of [...cutsOf(r, data.length), data.length]) {
      buffers.push(data.subarray(last, cut));
      last = cut;
    }
    // Strings split anywhere, between the halves of surrogate pairs too.
    last = 0;
    const strings = [];
    for (const cut of [...cutsOf(r, text.length), text.length]) {
      strings.push(text.slice(last, cut));
      last = cut;
    }
    for (const chunks of [buffers, strings]) {
      const { out, found } = await run(chunks.filter((x) => x.length));
      assert.strictEqual(out, scanner.redact(text));
      assert.deepStrictEqual(found, want);
      for (const f of found) assert.strictEqual(text.slice(f.start, f.end), f.text);
    }
  }
});

test('findings come before their piece; offsets count invalid bytes as U+FFFD', async () => {
  const chunks = [Buffer.from([0xf0, 0x9f]), Buffer.from([0x98, 0x80, 0xff, 0x20]), Buffer.from('call 98765 4'),
    Buffer.from('3210 now\nbye')];
  const stream = redactStream(scanner);
  const events = [];
  stream.on('finding', (f) => events.push(['finding', f.kind, f.start, f.end, f.text]));
  stream.on('data', (piece) => events.push(['data', piece.toString('utf8')]));
  const done = new Promise((resolve) => stream.on('end', resolve));
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  await done;
  const whole = Buffer.concat(chunks).toString('utf8');
  assert.strictEqual(whole.slice(9, 20), '98765 43210');
  assert.deepStrictEqual(events, [
    ['finding', 'phone', 9, 20, '98765 43210'],
    ['data', '😀\ufffd call ••••• ••210 now\n'],
    ['data', 'bye'],
  ]);
});

test('a surrogate pair split between string chunks passes through whole', async () => {
  const { out, found } = await run(['mail 😀'.slice(0, 6), '😀'.slice(1) + ' priya@example.in\n']);
  assert.strictEqual(out, 'mail 😀 p•••@example.in\n');
  assert.deepStrictEqual(found.map((f) => [f.start, f.end, f.text]), [[8, 24, 'priya@example.in']]);
  const lone = await run(['end \ud83d']);
  assert.strictEqual(lone.out, 'end \ufffd');
});

test('invalid bytes pass through; pieces come before the end', async () => {
  const out = await collect(new RedactTransform(scanner),
    [Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0x20]), Buffer.from('call 98765'), Buffer.from(' 43210\n')]);
  assert.deepStrictEqual(out, Buffer.concat([Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0x20]),
    Buffer.from('call ••••• ••210\n')]));
});

test('an unknown role throws at once', () => {
  assert.throws(() => new RedactTransform(scanner, { role: 'no_such_role' }),
    (e) => e instanceof PiimaskError && e.code === 'UNKNOWN_ROLE');
});
