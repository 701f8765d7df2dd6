'use strict';
// Scanner#reveal: FPE values with the key, tokens through a vault, denied
// roles, the audit function (one event per attempt, never the value), and
// exceptions thrown by the host's functions.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { Worker } = require('worker_threads');

const { Scanner, PiimaskError, Status } = require('..');

const PACKAGE = path.resolve(__dirname, '..');
// PIIMASK_REPO: the checkout, when this suite runs from an installed copy.
const REPO = process.env.PIIMASK_REPO || path.resolve(PACKAGE, '..', '..');
const KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
const CONFIG = {
  custom: [{ kind: 'employee_id', pattern: '\\bEMP-\\d{6}\\b' }],
  policy: {
    roles: {
      agent: { kinds: { phone: 'fpe', employee_id: 'token' } },
      auditor: { default: 'label', reveal: true },
    },
  },
};
const PHONE = '+91 98765 43210';
const EMAIL = 'priya@example.in';
const scanner = new Scanner({ region: 'IN', config: CONFIG, key: KEY });

function log() {
  const events = [];
  const audit = (e) => events.push(e);
  return { events, audit, outcomes: () => events.map((e) => e.outcome) };
}

test('FPE values reveal with the key', () => {
  const fpe = scanner.redact(PHONE, { role: 'agent' });
  assert.equal(fpe.length, PHONE.length);
  assert.notEqual(fpe, PHONE);
  const { events, audit, outcomes } = log();
  assert.equal(scanner.reveal(fpe, { kind: 'phone', role: 'supervisor', actor: 'agent-42', audit }), PHONE);
  const national = scanner.redact('98765 43210', { role: 'agent' });
  assert.equal(scanner.reveal(national, { kind: 'phone', role: 'compliance', actor: 'agent-42', region: 'IN',
    audit }), '98765 43210');
  assert.deepEqual(outcomes(), ['revealed', 'revealed']);
  const [e] = events;
  assert.deepEqual(Object.keys(e), ['time', 'actor', 'role', 'kind', 'conversation', 'outcome']);
  assert.deepEqual([e.actor, e.role, e.kind, e.conversation], ['agent-42', 'supervisor', 'phone', null]);
  assert.match(e.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
});

test('tokens reveal through a Map, an object or a function', () => {
  const token = scanner.redact(EMAIL, { role: 'agent' });
  assert.ok(token.startsWith('[EMAIL:'));
  const employee = scanner.redact('EMP-123456', { role: 'agent' });
  assert.ok(employee.startsWith('[EMPLOYEE_ID:'));
  const { events, audit } = log();
  const ask = (value, kind, vault) => scanner.reveal(value, { kind, role: 'supervisor', actor: 'a', vault, audit,
    conversation: 'c-9' });
  assert.equal(ask(token, 'email', new Map([[token, EMAIL]])), EMAIL);
  assert.equal(ask(token, 'email', { [token]: EMAIL }), EMAIL);
  const asked = [];
  assert.equal(ask(employee, 'employee_id', (t) => {
    asked.push(t);
    return t === employee ? 'EMP-123456' : null;
  }), 'EMP-123456');
  assert.deepEqual(asked, [employee]);
  assert.deepEqual(events.map((e) => [e.kind, e.conversation]),
    [['email', 'c-9'], ['email', 'c-9'], ['employee_id', 'c-9']]);
  // An object's inherited properties are not vault entries.
  assert.throws(() => ask('[EMAIL:constructor]', 'email', {}), { code: 'NOT_FOUND' });
});

test('denied, unknown and missing are audited and throw', () => {
  const token = scanner.redact(EMAIL, { role: 'agent' });
  const asked = [];
  const vault = (t) => {
    asked.push(t);
    return t === token ? EMAIL : undefined;
  };
  const { events, audit, outcomes } = log();
  const ask = (value, role, kind = 'email', v = vault) => () => scanner.reveal(value, { kind, role, actor: 'a',
    vault: v, audit });
  assert.throws(ask(token, 'agent'), (e) => e instanceof PiimaskError && e.status === Status.REVEAL_DENIED &&
    e.code === 'REVEAL_DENIED');
  assert.deepEqual(asked, []); // a role that may not reveal never reaches the vault
  assert.throws(ask(token, 'intern'), { code: 'UNKNOWN_ROLE' });
  const stranger = scanner.redact('other@example.com', { role: 'agent' });
  assert.throws(ask(stranger, 'supervisor'), { status: Status.NOT_FOUND, code: 'NOT_FOUND' });
  assert.throws(ask(token, 'supervisor', 'email', null), { code: 'NOT_FOUND' }); // no vault
  assert.throws(ask('not a value', 'supervisor', 'credit_card'), { code: 'NOT_FOUND' });
  assert.deepEqual(outcomes(), ['denied', 'denied', 'not_found', 'not_found', 'not_found']);
  const secrets = ['98765', 'priya', 'other@', token, stranger, 'not a value'];
  for (const e of events) {
    const json = JSON.stringify(e);
    assert.ok(!secrets.some((s) => json.includes(s)), json);
  }
});

test('a keyless scanner cannot decrypt', () => {
  const fpe = scanner.redact(PHONE, { role: 'agent' });
  const { audit, outcomes } = log();
  const keyless = new Scanner({ region: 'IN', config: CONFIG });
  assert.throws(() => keyless.reveal(fpe, { kind: 'phone', role: 'supervisor', actor: 'a', audit }),
    { code: 'MISSING_KEY' });
  assert.deepEqual(outcomes(), ['not_found']);
  keyless.close();
});

test('audit is required and arguments are checked', () => {
  const token = scanner.redact(EMAIL, { role: 'agent' });
  const asked = [];
  const vault = (t) => asked.push(t);
  const { events, audit } = log();
  const base = { kind: 'email', role: 'supervisor', actor: 'a', vault, audit };
  assert.throws(() => scanner.reveal(token, { ...base, audit: undefined }), TypeError);
  assert.throws(() => scanner.reveal(token, { ...base, audit: 'log.txt' }), TypeError);
  assert.throws(() => scanner.reveal(token), TypeError);
  assert.throws(() => scanner.reveal(token, { ...base, kind: 'shoe_size' }), { code: 'UNKNOWN_KIND' });
  assert.throws(() => scanner.reveal(token, { ...base, kind: undefined }), TypeError);
  assert.throws(() => scanner.reveal(token, { ...base, region: 'XX' }), { code: 'UNKNOWN_REGION' });
  assert.throws(() => scanner.reveal(token, { ...base, actor: 'a\0b' }), { code: 'INVALID_ARGUMENT' });
  assert.throws(() => scanner.reveal(token, { ...base, role: undefined }), TypeError);
  assert.throws(() => scanner.reveal(token, { ...base, vault: 42 }), TypeError);
  assert.throws(() => scanner.reveal(42, base), TypeError);
  assert.deepEqual(events, []); // malformed calls attempt nothing
  assert.deepEqual(asked, []);
});

test('exceptions of the vault and audit functions propagate', () => {
  const token = scanner.redact(EMAIL, { role: 'agent' });
  const { audit, outcomes } = log();
  const base = { kind: 'email', role: 'supervisor', actor: 'a', audit };
  assert.throws(() => scanner.reveal(token, { ...base, vault: () => { throw new RangeError('vault offline'); } }),
    { name: 'RangeError', message: 'vault offline' });
  assert.deepEqual(outcomes(), ['not_found']);
  assert.throws(() => scanner.reveal(token, { ...base, vault: () => 42 }), /string or null/);
  // The value is not handed back when its audit event could not be stored.
  assert.throws(() => scanner.reveal(token, { ...base, vault: { [token]: EMAIL },
    audit: () => { throw new Error('audit log full'); } }), /audit log full/);
});

test('the functions may call the scanner', () => {
  const token = scanner.redact(EMAIL, { role: 'agent' });
  const seen = [];
  const vault = () => {
    seen.push(scanner.redact(`mail ${EMAIL}`));
    return EMAIL;
  };
  const audit = () => seen.push(scanner.scan(PHONE)[0].normalized);
  assert.equal(scanner.reveal(token, { kind: 'email', role: 'supervisor', actor: 'a', vault, audit }), EMAIL);
  assert.deepEqual(seen, ['mail p•••@example.in', '+919876543210']);
  // Many calls: nothing to register, nothing leaks a slot.
  for (let i = 0; i < 10000; i++) {
    scanner.reveal(token, { kind: 'email', role: 'supervisor', actor: 'a', vault: { [token]: EMAIL }, audit() {} });
  }
});

test('worker threads reveal too', async () => {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const { Scanner } = require(${JSON.stringify(PACKAGE)});
    const s = new Scanner({ key: Buffer.from(workerData.key) });
    const token = s.redact('priya@example.in', { role: 'agent' });
    const events = [];
    const value = s.reveal(token, { kind: 'email', role: 'supervisor', actor: 'w',
      vault: { [token]: 'priya@example.in' }, audit: (e) => events.push(e.outcome) });
    parentPort.postMessage([value, events]);`;
  const runs = Array.from({ length: 3 }, () => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { key: [...KEY] } });
    w.once('message', resolve);
    w.once('error', reject);
  }));
  for (const result of await Promise.all(runs)) assert.deepEqual(result, [EMAIL, ['revealed']]);
});

test('reveal example runs and is documented', () => {
  const example = path.join(PACKAGE, 'examples', 'reveal.js');
  const out = execFileSync(process.execPath, ['-r', path.join(__dirname, 'alias.js'), example], { encoding: 'utf8' });
  assert.equal(out, fs.readFileSync(path.join(PACKAGE, 'examples', 'reveal.expected'), 'utf8'));
  const docs = ['docs/node.md'].map((d) => path.join(REPO, d)).filter((d) => fs.existsSync(d));
  const block = '```js\n' + fs.readFileSync(example, 'utf8') + '```';
  assert.ok(docs.some((d) => fs.readFileSync(d, 'utf8').includes(block)),
    'docs/node.md must show bindings/node/examples/reveal.js verbatim');
});
