'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { Worker } = require('worker_threads');

const { Scanner, PiimaskError, Status, libraryVersion } = require('..');

const PACKAGE = path.resolve(__dirname, '..');
// PIIMASK_REPO: the checkout, when this suite runs from an installed copy.
const REPO = process.env.PIIMASK_REPO || path.resolve(PACKAGE, '..', '..');
const TEXT = 'Hi! WhatsApp me at +91 98765 43210 or mail priya@example.in, order #48213977';
const MASKED = 'Hi! WhatsApp me at +91 ••••• ••210 or mail p•••@example.in, order #48213977';
const scanner = new Scanner({ region: 'IN' });

test('scan', () => {
  const found = scanner.scan(TEXT);
  assert.deepEqual(found.map((f) => f.kind), ['phone', 'email']);
  const [phone, email] = found;
  assert.equal(phone.text, '+91 98765 43210');
  assert.equal(TEXT.slice(phone.start, phone.end), phone.text);
  assert.equal(phone.normalized, '+919876543210');
  assert.ok(phone.confidence > 0.5 && phone.confidence <= 1);
  assert.equal(email.normalized, 'priya@example.in');
  assert.deepEqual(Object.keys(phone), ['kind', 'start', 'end', 'text', 'confidence', 'normalized']);
});

for (const [before, after] of [
  ['', ''],
  ['é', 'ü'],
  ['नमस्ते ', ' धन्यवाद'],
  ['📞📞 ', ' 🙂'], // non-BMP: two UTF-16 units each
  ['👨‍👩‍👧 ', '🇮🇳'],
]) {
  test(`UTF-16 offsets around ${JSON.stringify(before)}`, () => {
    const text = `${before}call +91 98765 43210 ${after} mail a.b@example.com ${before}`;
    const found = scanner.scan(text);
    assert.deepEqual(found.map((f) => f.text), ['+91 98765 43210', 'a.b@example.com']);
    for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
    assert.equal(scanner.redact(text), `${before}call +91 ••••• ••210 ${after} mail a•••@example.com ${before}`);
  });
}

for (const [region, words, e164] of [
  ['IN', 'नौ आठ सात छह पांच चार तीन दो एक शून्य', '+919876543210'],
  ['CN', '一三八一二三四五六七八', '+8613812345678'],
  ['IN', 'nine eight seven six five four three two one zero', '+919876543210'],
]) {
  test(`spelled-out values on request, UTF-16 offsets (${region})`, () => {
    const text = `📞 ${words} 🙂 or ravi at gmail dot com`;
    // Without the opt-in, only the address that names a mail service.
    const plain = new Scanner({ region }).scan(text);
    assert.deepEqual(plain.map((f) => f.normalized), ['ravi@gmail.com']);
    assert.equal(text.slice(plain[0].start, plain[0].end), 'ravi at gmail dot com');
    assert.deepEqual(new Scanner({ region }).scan(`📞 ${words} 🙂`), []);
    const spelled = new Scanner({ region, config: { spelled_out: true } });
    const [phone, email] = spelled.scan(text);
    assert.deepEqual([phone.text, phone.normalized], [words, e164]);
    assert.deepEqual([email.text, email.normalized], ['ravi at gmail dot com', 'ravi@gmail.com']);
    for (const f of [phone, email]) assert.equal(text.slice(f.start, f.end), f.text);
    const masked = spelled.redact(text);
    assert.ok(masked.endsWith('🙂 or r•••@gmail.com') && !masked.includes(words), masked);
    // An `@` and dots in brackets are read without the opt-in.
    const bracketed = `📞 ${words} 🙂 or ravi [at] gmail [dot] com`;
    const found = new Scanner({ region }).scan(bracketed);
    assert.equal(found.length, 1);
    assert.equal(bracketed.slice(found[0].start, found[0].end), 'ravi [at] gmail [dot] com');
    assert.equal(found[0].text, 'ravi [at] gmail [dot] com');
    assert.equal(found[0].normalized, 'ravi@gmail.com');
  });
}

test('values split by invisible characters, UTF-16 offsets', () => {
  const s = new Scanner({ region: 'IN' });
  const text = '📞 call \u202a+91 98765\u200b43210\u202c or ravi\u200b@gmail\u00ad.com 🙂';
  const [phone, email] = s.scan(text);
  assert.deepEqual([phone.normalized, email.normalized], ['+919876543210', 'ravi@gmail.com']);
  for (const f of [phone, email]) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(phone.text, '+91 98765\u200b43210'); // the closing direction mark stays outside
  assert.equal(email.text, 'ravi\u200b@gmail\u00ad.com');
  const masked = s.redact(text);
  assert.ok(!masked.includes('98765') && !masked.includes('ravi') && masked.endsWith('.com 🙂'), masked);
});

test('full-width and italic values, UTF-16 offsets', () => {
  const s = new Scanner({ region: 'CN' });
  const text = '📞 _+86 138 0013 8000_ 邮箱：ｗｅｉ．ｃａｉ＠１６３．ｃｏｍ，身份证：１１０１０５１９４９１２３１００２Ｘ 🙂';
  const [phone, email, resident] = s.scan(text);
  assert.deepEqual(
    [phone.normalized, email.normalized, resident.normalized],
    ['+8613800138000', 'wei.cai@163.com', '11010519491231002X'],
  );
  for (const f of [phone, email, resident]) assert.equal(text.slice(f.start, f.end), f.text);
  assert.equal(phone.text, '+86 138 0013 8000');
  assert.equal(email.text, 'ｗｅｉ．ｃａｉ＠１６３．ｃｏｍ');
  const masked = s.redact(text);
  assert.ok(!masked.includes('0013') && !masked.includes('ｗｅｉ') && masked.endsWith('Ｘ 🙂'), masked);
});

test('lone surrogates keep offsets', () => {
  const text = '\ud800 call +91 98765 43210';
  const [f] = scanner.scan(text);
  assert.equal(text.slice(f.start, f.end), '+91 98765 43210');
});

test('redact', () => {
  assert.equal(scanner.redact(TEXT), MASKED);
  assert.equal(scanner.redact(MASKED), MASKED);
  assert.equal(scanner.redact(''), '');
  assert.deepEqual(scanner.scan(''), []);
});

test('region hints, kinds and config', () => {
  const dflt = new Scanner();
  assert.equal(dflt.region, 'IN');
  assert.equal(dflt.scan('call 98765 43210').length, 1);
  assert.equal(dflt.scan('call 98765 43210', { region: '' }).length, 0);
  assert.equal(dflt.scan('llamame al (011) 2345-6789', { region: 'AR' })[0].normalized, '+541123456789');
  assert.equal(new Scanner({ region: null }).scan('call 98765 43210').length, 0);
  assert.deepEqual(new Scanner({ kinds: ['email'] }).scan(TEXT).map((f) => f.kind), ['email']);
  assert.equal(new Scanner({ config: { region: 'AR' } }).region, 'AR');
  assert.equal(new Scanner({ config: '{"region": "AR"}' }).region, 'AR');
  assert.equal(new Scanner({ region: 'GB', config: { region: 'AR' } }).region, 'GB');
});

test('custom kinds', () => {
  const config = {
    custom: [
      { kind: 'employee_id', pattern: '\\bEMP-\\d{6}\\b' },
      { kind: 'customer_name', terms: ['Priya Raman'], case_insensitive: true },
    ],
  };
  const custom = new Scanner({ config });
  const text = '📞 priya raman (EMP-123456) called from +91 98765 43210';
  const found = custom.scan(text);
  assert.deepEqual(found.map((f) => f.kind), ['customer_name', 'employee_id', 'phone']);
  assert.deepEqual(found.map((f) => text.slice(f.start, f.end)), ['priya raman', 'EMP-123456', '+91 98765 43210']);
  const masked = custom.redact(text);
  assert.ok(!masked.includes('EMP-123456') && !masked.includes('raman'));
  assert.deepEqual(new Scanner({ kinds: ['employee_id'], config }).scan(text).map((f) => f.kind), ['employee_id']);
  assert.throws(() => new Scanner({ config: { custom: [{ kind: 'x', pattern: '(' }] } }),
    (e) => e.status === Status.INVALID_CONFIG && /custom\[0\]/.test(e.message));
});

test('errors', () => {
  assert.throws(() => new Scanner({ region: 'XX' }), (e) => {
    assert.ok(e instanceof PiimaskError);
    assert.equal(e.status, Status.UNKNOWN_REGION);
    assert.equal(e.code, 'UNKNOWN_REGION');
    assert.match(e.message, /unknown region/);
    return true;
  });
  assert.throws(() => new Scanner({ kinds: ['phone', 'shoe_size'] }), { status: Status.UNKNOWN_KIND });
  assert.throws(() => new Scanner({ config: { regoin: 'IN' } }), { status: Status.INVALID_CONFIG });
  assert.throws(() => scanner.scan(TEXT, { region: 'ZZ' }), { status: Status.UNKNOWN_REGION });
  assert.throws(() => scanner.scan(42), TypeError);
  // An unknown role is an error, never unmasked text.
  assert.throws(() => scanner.redact(TEXT, { role: 'no_such_role_xyz' }), (e) => {
    assert.equal(e.status, Status.UNKNOWN_ROLE);
    assert.ok(!e.message.includes('98765'));
    return true;
  });
  assert.throws(() => scanner.redactBatch([TEXT], { role: 'no_such_role_xyz' }), { status: Status.UNKNOWN_ROLE });
  const closed = new Scanner();
  closed.close();
  closed.close();
  assert.throws(() => closed.scan('x'), /closed/);
});

test('roles and keys', () => {
  assert.equal(scanner.redact(TEXT, { role: 'supervisor' }), MASKED);
  assert.throws(() => scanner.redact(TEXT, { role: 'agent' }), { status: Status.MISSING_KEY, code: 'MISSING_KEY' });
  const keyed = new Scanner({ key: Buffer.alloc(32, 'k') });
  const agent = keyed.redact(TEXT, { role: 'agent' });
  assert.ok(!agent.includes('98765') && !agent.includes('210'));
  assert.equal(keyed.redact(TEXT, { role: 'agent' }), agent);
  assert.notEqual(new Scanner({ key: Buffer.alloc(32, 'j') }).redact(TEXT, { role: 'agent' }), agent);
  assert.deepEqual(keyed.redactBatch([TEXT], { role: 'agent' }), [agent]);
  assert.throws(() => new Scanner({ key: Buffer.from('short') }), { status: Status.INVALID_CONFIG });
});

const MESSAGES = [
  'WhatsApp me at +91 98765 43210',
  '',
  'order #48213977, nothing personal',
  '📞 mail priya@example.in or call 98765 43210 🙂',
  'x +44 20 7946 0958',
];

test('batches equal single calls', () => {
  assert.deepEqual(scanner.scanBatch(MESSAGES), MESSAGES.map((m) => scanner.scan(m)));
  assert.deepEqual(scanner.redactBatch(MESSAGES), MESSAGES.map((m) => scanner.redact(m)));
  assert.deepEqual(scanner.scanBatch([]), []);
  assert.deepEqual(scanner.redactBatch([]), []);
  assert.deepEqual(scanner.scanBatch(new Set(MESSAGES)), scanner.scanBatch([...new Set(MESSAGES)]));
});

test('results larger than the reused arrays', () => {
  // 600 findings and 13 kB of normalized values: more than the packed
  // arrays first hold (1,024 words, 4 kB), so they grow mid-call.
  const parts = [];
  const expected = [];
  for (let i = 0; i < 300; i++) {
    const mail = `kunde.${i}@beispiel-${i}.de`;
    const phone = `+91 98765 ${String(10000 + i)}`;
    parts.push(`📞 ${phone} und ${mail}`);
    expected.push(['phone', phone, `+9198765${10000 + i}`], ['email', mail, mail]);
  }
  const text = parts.join(' — ');
  const found = scanner.scan(text);
  assert.deepEqual(found.map((f) => [f.kind, f.text, f.normalized]), expected);
  for (const f of found) assert.equal(text.slice(f.start, f.end), f.text);
  const batch = [text, 'nothing here', TEXT, text];
  assert.deepEqual(scanner.scanBatch(batch), batch.map((m) => scanner.scan(m)));
  // The arrays stay grown; small results still read right.
  assert.deepEqual(scanner.scan(TEXT).map((f) => f.text), ['+91 98765 43210', 'priya@example.in']);
});

test('masked text longer than the reused buffer', () => {
  // 20 kB of masked text: more than the 4 kB buffer redact() first copies
  // into; the first call reads it from the library, later ones fit.
  const phones = [];
  const masked = [];
  for (let i = 0; i < 400; i++) {
    const last = String(10000 + i);
    phones.push(`📞 +91 98765 ${last}`);
    masked.push(`📞 +91 ••••• ••${last.slice(2)}`);
  }
  const text = phones.join(' · ');
  assert.equal(scanner.redact(text), masked.join(' · '));
  assert.equal(scanner.redact(text), masked.join(' · '));
  assert.equal(scanner.redact(TEXT), MASKED);
  assert.equal(scanner.redact(''), '');
  assert.deepEqual(scanner.redactBatch([text, TEXT]), [masked.join(' · '), MASKED]);
});

test('worker threads each load the library and agree', async () => {
  const code = `
    const { parentPort, workerData } = require('worker_threads');
    const { Scanner } = require(${JSON.stringify(PACKAGE)});
    const s = new Scanner({ region: 'IN' });
    const out = [];
    for (let i = 0; i < 200; i++) out.push(s.redact(workerData[i % workerData.length]));
    parentPort.postMessage(out);`;
  const expected = Array.from({ length: 200 }, (_, i) => scanner.redact(MESSAGES[i % MESSAGES.length]));
  const runs = Array.from({ length: 4 }, () => new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: MESSAGES });
    w.once('message', resolve);
    w.once('error', reject);
  }));
  for (const result of await Promise.all(runs)) assert.deepEqual(result, expected);
});

test('library version', () => {
  assert.equal(libraryVersion(), require('../package.json').version);
});

test('README example runs and is documented', () => {
  const example = path.join(PACKAGE, 'examples', 'readme.js');
  // The example requires 'piimask': resolve it to this package.
  const out = execFileSync(process.execPath, ['-r', path.join(__dirname, 'alias.js'), example], { encoding: 'utf8' });
  assert.equal(out, fs.readFileSync(path.join(PACKAGE, 'examples', 'readme.expected'), 'utf8'));
  const docs = ['README.md'].map((d) => path.join(REPO, d)).filter((d) => fs.existsSync(d));
  const block = '```js\n' + fs.readFileSync(example, 'utf8') + '```';
  assert.ok(docs.some((d) => fs.readFileSync(d, 'utf8').includes(block)),
    'README.md must show bindings/node/examples/readme.js verbatim');
});
