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
