'use strict';
// The leak guard for Node: catches one customer's data written into another
// conversation, and personal data that belongs to no conversation, in what
// agents send (see docs/guard.md). A thin layer over piimask_guard_* of the
// C library; index.js passes in its loaded library and helpers.
// Offsets are UTF-16 code unit indices; events never hold the value.

module.exports = function makeGuard({ lib, koffi, fail, bytesOf, utf16Offsets, copyOut, Status, PiimaskError }) {
  koffi.opaque('piimask_guard');
  koffi.opaque('piimask_check');
  const EventC = koffi.struct('piimask_guard_event', {
    leak_class: 'uint32_t',
    kind: 'uint32_t',
    start: 'size_t',
    end: 'size_t',
    action: 'uint32_t',
    rule: 'const uint8_t *',
    rule_len: 'size_t',
    coaching: 'const uint8_t *',
    coaching_len: 'size_t',
    owners: 'const piimask_text *',
    owners_len: 'size_t',
  });
  const c = {
    guardNew: lib.func('uint32_t piimask_guard_new(const piimask_scanner *scanner, const uint8_t *key, ' +
      'size_t key_len, const uint8_t *config, size_t config_len, _Out_ piimask_guard **out)'),
    guardFree: lib.func('void piimask_guard_free(piimask_guard *guard)'),
    observe: lib.func('uint32_t piimask_guard_observe(const piimask_guard *guard, const char *conversation, ' +
      'const uint8_t *text, size_t len, int64_t time, const char *region, _Out_ size_t *found)'),
    register: lib.func('uint32_t piimask_guard_register(const piimask_guard *guard, const char *conversation, ' +
      'const char *kind, const uint8_t *value, size_t len, int64_t time)'),
    check: lib.func('uint32_t piimask_guard_check(const piimask_guard *guard, const char *conversation, ' +
      'const char *sender, const uint8_t *text, size_t len, int64_t time, const char *language, ' +
      '_Out_ piimask_check **out)'),
    checkAction: lib.func('uint32_t piimask_check_action(const piimask_check *check)'),
    checkEvents: lib.func('const piimask_guard_event *piimask_check_events(const piimask_check *check, ' +
      '_Out_ size_t *len)'),
    checkText: lib.func('const uint8_t *piimask_check_text(const piimask_check *check, _Out_ size_t *len)'),
    checkFree: lib.func('void piimask_check_free(piimask_check *check)'),
    forget: lib.func('uint32_t piimask_guard_forget(const piimask_guard *guard, const char *conversation, ' +
      '_Out_ size_t *forgotten)'),
    snapshot: lib.func('uint32_t piimask_guard_snapshot(const piimask_guard *guard, const char *path, ' +
      '_Out_ size_t *values)'),
    restore: lib.func('uint32_t piimask_guard_restore(const piimask_guard *guard, const char *path, ' +
      '_Out_ size_t *values)'),
  };
  const ACTIONS = ['deliver', 'mask', 'hold'];
  const CLASSES = { 1: 'cross_conversation_leak', 2: 'unknown_outbound', 3: 'store_error', 4: 'check_error' };
  const registry = new FinalizationRegistry((ptr) => c.guardFree(ptr));

  function name(value, what) {
    if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
    if (value.includes('\0')) throw new PiimaskError(Status.INVALID_ARGUMENT, `${what} contains a NUL character`);
    return value;
  }
  const time = (t) => (t === undefined || t === null ? -1 : Math.floor(t));
  const str = (ptr, len) => copyOut(ptr, Number(len)).toString('utf8');

  /** The leak guard on a Scanner, keyed by the tenant's secret key. */
  class Guard {
    /**
     * @param {Scanner} scanner
     * @param {object} options
     * @param {Uint8Array} options.key the tenant's key (at least 16 bytes).
     * @param {object|string} [options.config] the guard configuration.
     */
    constructor(scanner, options = {}) {
      const { key, config } = options;
      if (!(key instanceof Uint8Array)) throw new TypeError('key must be a Buffer or Uint8Array');
      const json = config === undefined || config === null ? null
        : Buffer.from(typeof config === 'string' ? config : JSON.stringify(config), 'utf8');
      const out = [null];
      const status = c.guardNew(scanner._handle(), key, key.length, json, json ? json.length : 0, out);
      if (status !== Status.OK) throw fail(status);
      this._ptr = out[0];
      this._scanner = scanner;
      registry.register(this, this._ptr, this);
    }

    /** Frees the guard now rather than at garbage collection. */
    close() {
      if (this._ptr) {
        registry.unregister(this);
        c.guardFree(this._ptr);
        this._ptr = null;
      }
    }

    _handle() {
      if (!this._ptr) throw new Error('piimask: the guard is closed');
      return this._ptr;
    }

    /** Learns the personal data a customer wrote; returns how many values. */
    observe(conversation, text, options = {}) {
      const buf = bytesOf(text);
      const found = [0];
      const region = options.region === undefined ? null : options.region;
      const status = c.observe(this._handle(), name(conversation, 'conversation'), buf, buf.length,
        time(options.time), region, found);
      if (status !== Status.OK) throw fail(status);
      return Number(found[0]);
    }

    /** Records that `conversation` owns `value` of `kind`. */
    register(conversation, kind, value, options = {}) {
      const buf = bytesOf(value);
      const status = c.register(this._handle(), name(conversation, 'conversation'), name(kind, 'kind'), buf,
        buf.length, time(options.time));
      if (status !== Status.OK) throw fail(status);
    }

    /** Checks a message `sender` sends in `conversation`: `{action, events,
     * text}`, `text` being what to send (null when held). */
    check(conversation, sender, text, options = {}) {
      const buf = bytesOf(text);
      const out = [null];
      const language = options.language === undefined ? null : name(options.language, 'language');
      const status = c.check(this._handle(), name(conversation, 'conversation'), name(sender, 'sender'), buf,
        buf.length, time(options.time), language, out);
      if (status !== Status.OK) throw fail(status);
      const result = out[0];
      try {
        const action = ACTIONS[c.checkAction(result)];
        const count = [0];
        const ptr = c.checkEvents(result, count);
        const n = Number(count[0]);
        const raw = n ? koffi.decode(ptr, EventC, n) : [];
        const units = utf16Offsets(text, buf, raw.flatMap((e) => [Number(e.start), Number(e.end)]));
        const events = raw.map((e, i) => ({
          class: CLASSES[e.leak_class] || 'unknown',
          kind: this._scanner._kindName(e.kind),
          start: units[2 * i],
          end: units[2 * i + 1],
          owners: (Number(e.owners_len) ? koffi.decode(e.owners, 'piimask_text', Number(e.owners_len)) : [])
            .map((o) => str(o.ptr, o.len)),
          rule: str(e.rule, e.rule_len),
          action: ACTIONS[e.action],
          coaching: str(e.coaching, e.coaching_len),
        }));
        let send = null;
        if (action === 'deliver') {
          send = text;
        } else if (action === 'mask') {
          const len = [0];
          send = str(c.checkText(result, len), len[0]);
        }
        return { action, events, text: send };
      } finally {
        c.checkFree(result);
      }
    }

    /** Erases everything `conversation` owns; returns how many values. */
    forget(conversation) {
      const n = [0];
      const status = c.forget(this._handle(), name(conversation, 'conversation'), n);
      if (status !== Status.OK) throw fail(status);
      return Number(n[0]);
    }

    /** Writes the ownership (fingerprints only) to `path` atomically. */
    snapshot(path) {
      const n = [0];
      const status = c.snapshot(this._handle(), name(path, 'path'), n);
      if (status !== Status.OK) throw fail(status);
      return Number(n[0]);
    }

    /** Replaces the ownership with the snapshot at `path`; a damaged,
     * foreign or other-key file throws and changes nothing. */
    restore(path) {
      const n = [0];
      const status = c.restore(this._handle(), name(path, 'path'), n);
      if (status !== Status.OK) throw fail(status);
      return Number(n[0]);
    }
  }
  return Guard;
};
