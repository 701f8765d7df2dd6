'use strict';
// The confidence threshold: the minConfidence option, the configuration's
// min_confidence and a role's own, at several values.
const test = require('node:test');
const assert = require('node:assert/strict');

const { Scanner, PiimaskError, Status } = require('..');

// A national-format phone (0.85), a card with its keyword (0.92), a phone
// with + (0.95) and an e-mail (0.97).
const TEXT = 'call 98765 43210, card 4111111111111111, or +91 98765 43211, mail a@example.com';
const kindsAt = (options = {}) => new Scanner({ region: 'IN', ...options }).scan(TEXT).map((f) => f.kind);

test('the default keeps everything', () => {
  assert.deepEqual(kindsAt(), ['phone', 'credit_card', 'phone', 'email']);
  assert.deepEqual(kindsAt({ minConfidence: 0 }), kindsAt());
  assert.deepEqual(kindsAt({ minConfidence: 0.5 }), kindsAt());
});

for (const [threshold, kinds] of [
  [0.85, ['phone', 'credit_card', 'phone', 'email']],
  [0.86, ['credit_card', 'phone', 'email']],
  [0.93, ['phone', 'email']],
  [0.96, ['email']],
  [1, []],
]) {
  test(`findings below ${threshold} are dropped`, () => {
    assert.deepEqual(kindsAt({ minConfidence: threshold }), kinds);
    assert.deepEqual(kindsAt({ config: { min_confidence: threshold } }), kinds);
  });
}

test('the option overrides the configuration', () => {
  assert.deepEqual(kindsAt({ minConfidence: 0.96, config: { min_confidence: 0.2 } }), ['email']);
});

test('out of range is a configuration error', () => {
  assert.throws(
    () => new Scanner({ minConfidence: 1.5 }),
    (e) => e instanceof PiimaskError && e.status === Status.INVALID_CONFIG,
  );
});

test('roles have their own threshold', () => {
  const s = new Scanner({
    region: 'IN',
    minConfidence: 0.9,
    config: { policy: { roles: { strict: { default: 'label', min_confidence: 0.5 } } } },
  });
  const text = 'call 98765 43210 or +91 98765 43211';
  assert.equal(s.redact(text, { role: 'strict' }), 'call [PHONE] or [PHONE]');
  assert.equal(s.redact(text), 'call 98765 43210 or +91 ••••• ••211');
});
