'use strict';
// Guard: ownership in any format, both classes, actions and the text to
// send, registration, forget, snapshots (and damaged ones refused), coaching
// languages, UTF-16 offsets, and the documented example.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

const { Scanner, Guard, PiimaskError } = require('..');

const PACKAGE = path.resolve(__dirname, '..');
const REPO = path.resolve(PACKAGE, '..', '..');
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const scanner = new Scanner({ region: 'IN' });
const newGuard = (config) => new Guard(scanner, { key: KEY, config });

test('own data in any format is silent', () => {
  const guard = newGuard();
  assert.equal(guard.observe('c-1', 'my number is 98765 43210', { time: 100 }), 1);
  for (const form of ['+91-98765-43210', '0091 98765 43210', 'wa.me/919876543210', '919876543210@s.whatsapp.net']) {
    const text = `ok ${form}`;
    assert.deepEqual(guard.check('c-1', 'agent', text, { time: 101 }), { action: 'deliver', events: [], text });
  }
});

test('a cross-conversation leak is held and names the owners', () => {
  const guard = newGuard();
  guard.observe('c-1', '98765 43210');
  guard.observe('c-9', '+91 98765 43210');
  const text = '📞 try 09876543210';
  const result = guard.check('c-2', 'agent', text);
  assert.equal(result.action, 'hold');
  assert.equal(result.text, null);
  assert.equal(result.events.length, 1);
  const [e] = result.events;
  assert.equal(e.class, 'cross_conversation_leak');
  assert.equal(e.kind, 'phone');
  assert.deepEqual(e.owners, ['c-1', 'c-9']);
  assert.equal(e.rule, 'cross_conversation_leak.phone');
  assert.equal(text.slice(e.start, e.end), '09876543210'); // UTF-16 offsets
  assert.ok(!e.coaching.includes('43210'));
});

test('unknown values are masked or held', () => {
  const guard = newGuard();
  const result = guard.check('c-2', 'agent', 'call me on 91234 56789');
  assert.equal(result.action, 'mask');
  assert.equal(result.text, 'call me on ••••• ••789');
  assert.equal(result.events[0].class, 'unknown_outbound');
  assert.equal(guard.check('c-2', 'agent', 'card 4111 1111 1111 1111').action, 'hold');
});

test('a number split across two messages is read whole', () => {
  for (const [config, caught] of [[undefined, true], [{ split_window_secs: 0 }, false]]) {
    const guard = newGuard(config);
    guard.observe('c-1', 'my number is 98765 43210', { time: 100 });
    assert.equal(guard.check('c-2', 'agent', 'his number 98765', { time: 101 }).action, 'deliver');
    const text = '\u3000' + '43210 call him'; // after an ideographic space
    const result = guard.check('c-2', 'agent', text, { time: 110 });
    if (!caught) {
      assert.deepEqual(result.events, []);
      continue;
    }
    assert.equal(result.action, 'hold');
    assert.equal(result.events.length, 1);
    const [e] = result.events;
    assert.equal(e.class, 'cross_conversation_leak');
    assert.deepEqual(e.owners, ['c-1']);
    assert.equal(text.slice(e.start, e.end), '43210'); // UTF-16 offsets
  }
});

test('register, forget and errors', () => {
  const guard = newGuard();
  guard.register('c-1', 'email', 'Ravi@Shop.in');
  assert.deepEqual(guard.check('c-1', 'a', 'mail ravi@shop.in').events, []);
  assert.deepEqual(guard.check('c-2', 'a', 'mail RAVI@shop.in').events[0].owners, ['c-1']);
  assert.equal(guard.forget('c-1'), 1);
  assert.equal(guard.check('c-2', 'a', 'mail ravi@shop.in').events[0].class, 'unknown_outbound');
  assert.throws(() => guard.register('c-1', 'credit_card', '4111 1111 1111 1112'),
    (e) => e instanceof PiimaskError && e.code === 'INVALID_ARGUMENT' && !e.message.includes('1112'));
  assert.throws(() => new Guard(scanner, { key: Buffer.from('short') }), (e) => e.code === 'INVALID_CONFIG');
  assert.throws(() => newGuard({ actions: { x: 1 } }), (e) => e.code === 'INVALID_CONFIG');
});

test('configured actions and coaching languages', () => {
  const guard = newGuard({
    actions: { unknown_outbound: { default: 'deliver' } },
    coaching: { hi: { unknown_outbound: '{kind}: mat bhejo ({rule})' } },
  });
  const result = guard.check('c', 'a', 'call 91234 56789', { language: 'hi' });
  assert.equal(result.action, 'deliver');
  assert.equal(result.events[0].coaching, 'phone: mat bhejo (unknown_outbound.phone)');
});

test('snapshots round trip and damaged ones are refused', () => {
  const guard = newGuard();
  guard.observe('c-1', '98765 43210 and priya@example.in');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'piimask-guard-'));
  const file = path.join(dir, 'guard.snap');
  assert.equal(guard.snapshot(file), 2);
  const restarted = newGuard();
  assert.equal(restarted.restore(file), 2);
  assert.deepEqual(restarted.check('c-2', 'a', 'priya@example.in').events[0].owners, ['c-1']);
  const data = fs.readFileSync(file);
  fs.writeFileSync(file, data.subarray(0, data.length >> 1));
  assert.throws(() => restarted.restore(file), (e) => e instanceof PiimaskError && /corrupt/.test(e.message));
  fs.writeFileSync(file, data);
  const other = new Guard(scanner, { key: Buffer.alloc(32) });
  assert.throws(() => other.restore(file), /another key/);
  assert.deepEqual(restarted.check('c-2', 'a', 'priya@example.in').events[0].owners, ['c-1']);
  fs.rmSync(dir, { recursive: true });
  guard.close();
  assert.throws(() => guard.forget('c-1'), /closed/);
});

test('the guard example runs and is documented', () => {
  const example = path.join(PACKAGE, 'examples', 'guard.js');
  const out = execFileSync(process.execPath, ['-r', path.join(__dirname, 'alias.js'), example], { encoding: 'utf8' });
  assert.equal(out, fs.readFileSync(path.join(PACKAGE, 'examples', 'guard.expected'), 'utf8'));
  const doc = path.join(REPO, 'docs', 'guard.md');
  if (!fs.existsSync(doc)) return;
  const block = '```js\n' + fs.readFileSync(example, 'utf8') + '```';
  assert.ok(fs.readFileSync(doc, 'utf8').includes(block), 'docs/guard.md must show bindings/node/examples/guard.js verbatim');
});
