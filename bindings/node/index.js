'use strict';
// piimask for Node: a thin koffi binding over the piimask C library
// (include/piimask.h). All detection, masking and reveal decisions happen
// in the library.
// Offsets are UTF-16 code unit indices, so `text.slice(f.start, f.end)` is
// the match.

const fs = require('fs');
const path = require('path');
const koffi = require('koffi');

const LIBNAME = { darwin: 'libpiimask.dylib', win32: 'piimask.dll' }[process.platform] || 'libpiimask.so';

/** Where the library may be: $PIIMASK_LIB, a copy next to this file, or a
 * build in the repository this package sits in (newest first). */
function findLibrary() {
  if (process.env.PIIMASK_LIB) return process.env.PIIMASK_LIB;
  const bundled = path.join(__dirname, LIBNAME);
  if (fs.existsSync(bundled)) return bundled;
  const repo = path.resolve(__dirname, '..', '..');
  const built = ['release', 'debug']
    .map((p) => path.join(repo, 'target', p, LIBNAME))
    .filter((p) => fs.existsSync(p))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (built.length) return built[0];
  return LIBNAME; // installed system-wide
}

const LIBRARY_PATH = findLibrary();
const lib = koffi.load(LIBRARY_PATH);

koffi.opaque('piimask_scanner');
koffi.opaque('piimask_findings');
koffi.opaque('piimask_batch');
koffi.opaque('piimask_bytes');
koffi.opaque('piimask_bytes_list');
koffi.struct('piimask_finding', { // read by stream.js
  kind: 'uint32_t',
  start: 'size_t',
  end: 'size_t',
  confidence: 'float',
  normalized: 'const uint8_t *',
  normalized_len: 'size_t',
});
koffi.struct('piimask_text', { ptr: 'const uint8_t *', len: 'size_t' });
const AuditEventC = koffi.struct('piimask_audit_event', {
  time: 'const char *',
  time_len: 'size_t',
  actor: 'const char *',
  actor_len: 'size_t',
  role: 'const char *',
  role_len: 'size_t',
  kind: 'uint32_t',
  kind_name: 'const char *',
  kind_name_len: 'size_t',
  conversation: 'const char *',
  conversation_len: 'size_t',
  outcome: 'uint32_t',
});
koffi.proto('bool piimask_vault_lookup_fn(void *ctx, const uint8_t *token, size_t token_len, ' +
  'piimask_bytes *value)');
koffi.proto('void piimask_audit_fn(void *ctx, const piimask_audit_event *event)');

const c = {
  version: lib.func('const char *piimask_version(void)'),
  statusMessage: lib.func('const char *piimask_status_message(uint32_t status)'),
  lastError: lib.func('size_t piimask_last_error(_Out_ uint8_t *buf, size_t cap)'),
  scannerNew: lib.func(
    'uint32_t piimask_scanner_new(const uint8_t *config, size_t len, _Out_ piimask_scanner **out)'),
  scannerNewWithKey: lib.func('uint32_t piimask_scanner_new_with_key(const uint8_t *config, size_t len, ' +
    'const uint8_t *key, size_t key_len, _Out_ piimask_scanner **out)'),
  scannerFree: lib.func('void piimask_scanner_free(piimask_scanner *scanner)'),
  kindName: lib.func('const char *piimask_scanner_kind_name(const piimask_scanner *scanner, uint32_t kind)'),
  kindCode: lib.func('uint32_t piimask_scanner_kind_code(const piimask_scanner *scanner, const char *name, ' +
    '_Out_ uint32_t *out)'),
  findingsNew: lib.func('uint32_t piimask_findings_new(_Out_ piimask_findings **out)'),
  scanBatch: lib.func('uint32_t piimask_scan_batch(const piimask_scanner *scanner, const piimask_text *texts, ' +
    'size_t n, const char *region, _Out_ piimask_batch **out)'),
  batchFree: lib.func('void piimask_batch_free(piimask_batch *batch)'),
  scanPacked: lib.func('uint32_t piimask_scan_packed(const piimask_scanner *scanner, const uint8_t *text, ' +
    'size_t len, const char *region, piimask_findings *findings, uint32_t *words, size_t words_len, ' +
    'uint8_t *bytes, size_t bytes_len)'),
  findingsPack: lib.func('uint32_t piimask_findings_pack(const piimask_findings *findings, uint32_t *words, ' +
    'size_t words_len, uint8_t *bytes, size_t bytes_len)'),
  findingsPackSize: lib.func('uint32_t piimask_findings_pack_size(const piimask_findings *findings, ' +
    '_Out_ size_t *words, _Out_ size_t *bytes)'),
  batchPack: lib.func('uint32_t piimask_batch_pack(const piimask_batch *batch, uint32_t *words, ' +
    'size_t words_len, uint8_t *bytes, size_t bytes_len)'),
  batchPackSize: lib.func('uint32_t piimask_batch_pack_size(const piimask_batch *batch, ' +
    '_Out_ size_t *words, _Out_ size_t *bytes)'),
  bytesNew: lib.func('uint32_t piimask_bytes_new(_Out_ piimask_bytes **out)'),
  redactTo: lib.func('uint32_t piimask_redact_to(const piimask_scanner *scanner, const uint8_t *text, ' +
    'size_t len, const char *region, const char *role, piimask_bytes *out, uint8_t *dst, size_t dst_cap, ' +
    'size_t *dst_len)'),
  redactBatch: lib.func('uint32_t piimask_redact_batch(const piimask_scanner *scanner, ' +
    'const piimask_text *texts, size_t n, const char *region, const char *role, _Out_ piimask_bytes_list **out)'),
  listFlat: lib.func('uint32_t piimask_bytes_list_flat(const piimask_bytes_list *list, ' +
    '_Out_ const uint8_t **data, _Out_ size_t *total, _Out_ const size_t **offsets)'),
  listFree: lib.func('void piimask_bytes_list_free(piimask_bytes_list *list)'),
  bytesSet: lib.func('uint32_t piimask_bytes_set(piimask_bytes *bytes, const uint8_t *data, size_t len)'),
  bytesData: lib.func('const uint8_t *piimask_bytes_data(const piimask_bytes *bytes)'),
  bytesLen: lib.func('size_t piimask_bytes_len(const piimask_bytes *bytes)'),
  bytesFree: lib.func('void piimask_bytes_free(piimask_bytes *bytes)'),
  reveal: lib.func('uint32_t piimask_reveal(const piimask_scanner *scanner, const uint8_t *value, size_t len, ' +
    'uint32_t kind, const char *role, const char *actor, const char *conversation, const char *region, ' +
    'piimask_vault_lookup_fn *vault, void *vault_ctx, piimask_audit_fn *audit, void *audit_ctx, ' +
    '_Out_ piimask_bytes **out)'),
};

/** piimask_status values (include/piimask.h). */
const Status = Object.freeze({
  OK: 0,
  NULL_ARGUMENT: 1,
  INVALID_CONFIG: 2,
  UNKNOWN_REGION: 3,
  UNKNOWN_KIND: 4,
  UNKNOWN_ROLE: 5,
  OUT_OF_RANGE: 6,
  INVALID_ARGUMENT: 7,
  REDACTION_FAILED: 8,
  PANIC: 9,
  ERROR: 10,
  MISSING_KEY: 11,
  REVEAL_DENIED: 12,
  NOT_FOUND: 13,
});
const OUTCOMES = ['revealed', 'denied', 'not_found'];
const STATUS_NAMES = Object.fromEntries(Object.entries(Status).map(([k, v]) => [v, k]));

/** A failed piimask call: `status` is the C status code, `code` its name,
 * `message` the library's description (never containing scanned text). */
class PiimaskError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'PiimaskError';
    this.status = status;
    this.code = STATUS_NAMES[status] || 'ERROR';
  }
}

function fail(status) {
  const size = Number(c.lastError(null, 0));
  let message;
  if (size > 0) {
    const buf = Buffer.alloc(size + 1);
    c.lastError(buf, size + 1);
    message = buf.toString('utf8', 0, size);
  } else {
    message = c.statusMessage(status);
  }
  return new PiimaskError(status, message);
}

function bytesOf(text) {
  if (typeof text !== 'string') throw new TypeError('text must be a string');
  // Lone surrogates become U+FFFD: still one UTF-16 unit, so offsets hold.
  return Buffer.from(text, 'utf8');
}

function optionalString(value, what) {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

/** A name for the audit trail (role, actor, conversation): a string without
 * NUL characters (a C string would end there). */
function auditName(value, what, required) {
  if (!required && (value === undefined || value === null)) return null;
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  if (value.includes('\0')) throw new PiimaskError(Status.INVALID_ARGUMENT, `${what} contains a NUL character`);
  return value;
}

/** The vault option as a function token => value | null. */
function vaultLookup(vault) {
  if (vault === undefined || vault === null) return null;
  if (typeof vault === 'function') return vault;
  if (vault instanceof Map) return (token) => vault.get(token);
  if (typeof vault === 'object') return (token) => (Object.hasOwn(vault, token) ? vault[token] : null);
  throw new TypeError('vault must be a function, a Map, an object or null');
}

/** Maps increasing UTF-8 byte offsets of `buf` (= `text` encoded) to UTF-16
 * indices of `text`, in one linear pass over the bytes: each character is
 * one UTF-16 unit, or two for a four-byte one (a surrogate pair). Counting
 * lead bytes costs no string, where decoding each stretch made one. A lone
 * surrogate of `text` was encoded as U+FFFD, three bytes and one unit, as
 * it is one unit in `text`. */
function utf16Offsets(text, buf, byteOffsets) {
  if (buf.length === text.length) return byteOffsets; // ASCII
  const out = new Array(byteOffsets.length);
  let lastByte = 0;
  let lastUnit = 0;
  for (let i = 0; i < byteOffsets.length; i++) {
    const b = byteOffsets[i];
    if (b < lastByte) {
      lastByte = 0;
      lastUnit = 0;
    }
    for (let k = lastByte; k < b; k++) {
      const x = buf[k];
      if ((x & 0xc0) !== 0x80) lastUnit += x >= 0xf0 ? 2 : 1;
    }
    lastByte = b;
    out[i] = lastUnit;
  }
  return out;
}

function copyOut(ptr, len) {
  if (len === 0) return Buffer.alloc(0);
  return Buffer.from(koffi.view(ptr, len).slice(0));
}

const registry = new FinalizationRegistry((ptr) => c.scannerFree(ptr));

/** Findings cross as integers (piimask_findings_pack): koffi decodes a
 * struct into an object in about 2 µs, more than a scan costs, while a
 * Uint32Array the library fills is read at array speed. One pair of arrays
 * per thread (a module instance), grown when a result does not fit. */
const packed = {
  words: new Uint32Array(1024),
  floats: null,
  bytes: Buffer.alloc(4096),
};
packed.floats = new Float32Array(packed.words.buffer);
const PACKED_FINDING_WORDS = 5;

/** Masked text crosses the same way (piimask_redact_to): copied into a
 * Buffer the binding reuses, its length into a one-element array, instead
 * of out-parameters that koffi converts. */
const redacted = { buf: Buffer.alloc(4096), len: new BigUint64Array(1) };

/** Fills `packed` from `handle` with `pack`, growing the arrays to what
 * `size` asks for when they are too small. `status` is that of a first
 * call already made (piimask_scan_packed scans and packs at once). */
function packResults(pack, size, handle, status) {
  if (status === undefined) status = pack(handle, packed.words, packed.words.length, packed.bytes, packed.bytes.length);
  if (status === Status.OUT_OF_RANGE) {
    const words = [0];
    const bytes = [0];
    status = size(handle, words, bytes);
    if (status !== Status.OK) throw fail(status);
    const w = Number(words[0]);
    const b = Number(bytes[0]);
    if (w > packed.words.length) {
      packed.words = new Uint32Array(Math.max(w, 2 * packed.words.length));
      packed.floats = new Float32Array(packed.words.buffer);
    }
    if (b > packed.bytes.length) packed.bytes = Buffer.alloc(Math.max(b, 2 * packed.bytes.length));
    status = pack(handle, packed.words, packed.words.length, packed.bytes, packed.bytes.length);
  }
  if (status !== Status.OK) throw fail(status);
}

// Results reused by every scan() and redact() of this thread (JavaScript
// never re-enters them: finalizers run as tasks of their own), so each is
// one call into the library. Freed when the process or worker ends.
const reused = (() => {
  const findings = [null];
  const bytes = [null];
  if (c.findingsNew(findings) !== 0 || c.bytesNew(bytes) !== 0) throw new Error('piimask: out of memory');
  return { findings: findings[0], bytes: bytes[0] };
})();

/** Finds and masks personal data. Build once, share: a Scanner is
 * immutable. */
class Scanner {
  /**
   * @param {object} [options]
   * @param {string|null} [options.region] default region hint (ISO 3166
   *   alpha-2); "IN" unless `config` names one; null for none.
   * @param {string[]} [options.kinds] only detect these kinds.
   * @param {object|string} [options.config] a configuration (object or
   *   JSON), the schema of the CLI's --config; region and kinds given here
   *   override it.
   * @param {Uint8Array} [options.key] the tenant's secret key (at least 16
   *   bytes; use 32 random bytes) for the keyed operators of roles.
   * @param {number} [options.minConfidence] drop findings below this
   *   confidence (0 to 1; default 0.5, see docs/confidence.md); overrides
   *   the configuration's min_confidence.
   */
  constructor(options = {}) {
    const { region, kinds, config, key, minConfidence } = options;
    let cfg = {};
    if (typeof config === 'string') cfg = JSON.parse(config);
    else if (config) cfg = { ...config };
    if (typeof cfg !== 'object' || cfg === null || Array.isArray(cfg)) {
      throw new PiimaskError(Status.INVALID_CONFIG, 'the configuration must be a JSON object');
    }
    if (region === undefined) {
      if (!('region' in cfg)) cfg.region = 'IN';
    } else if (region === null) {
      delete cfg.region;
    } else {
      cfg.region = region;
    }
    if (kinds !== undefined && kinds !== null) {
      if (!Array.isArray(kinds)) throw new TypeError('kinds must be an array of kind names');
      cfg.kinds = kinds;
    }
    if (minConfidence !== undefined && minConfidence !== null) cfg.min_confidence = minConfidence;
    const json = Buffer.from(JSON.stringify(cfg), 'utf8');
    const out = [null];
    let status;
    if (key === undefined || key === null) {
      status = c.scannerNew(json, json.length, out);
    } else {
      if (!(key instanceof Uint8Array)) throw new TypeError('key must be a Buffer or Uint8Array');
      status = c.scannerNewWithKey(json, json.length, key, key.length, out);
    }
    if (status !== Status.OK) throw fail(status);
    this._ptr = out[0];
    this._names = new Map();
    this._codes = new Map();
    this.region = cfg.region === undefined ? null : cfg.region;
    registry.register(this, this._ptr, this);
  }

  /** Frees the scanner now rather than at garbage collection. */
  close() {
    if (this._ptr) {
      registry.unregister(this);
      c.scannerFree(this._ptr);
      this._ptr = null;
    }
  }

  _handle() {
    if (!this._ptr) throw new Error('piimask: the scanner is closed');
    return this._ptr;
  }

  _kindName(code) {
    let name = this._names.get(code);
    if (name === undefined) {
      name = c.kindName(this._handle(), code) || `kind_${code}`;
      this._names.set(code, name);
    }
    return name;
  }

  /** The findings `first..last` of the packed results, in `text` (whose
   * UTF-8 is `buf`); `bytesAt` is where finding `first`'s normalized value
   * starts in packed.bytes. Returns [findings, where the next one's starts]. */
  _unpack(text, buf, first, last, bytesAt) {
    if (first === last) return [[], bytesAt];
    const { words, floats, bytes } = packed;
    const base = 3 + words[2] + 1;
    const offsets = new Array(2 * (last - first));
    for (let i = first; i < last; i++) {
      const w = base + i * PACKED_FINDING_WORDS;
      offsets[2 * (i - first)] = words[w + 1];
      offsets[2 * (i - first) + 1] = words[w + 2];
    }
    const units = utf16Offsets(text, buf, offsets);
    const found = new Array(last - first);
    let at = bytesAt;
    for (let i = first; i < last; i++) {
      const w = base + i * PACKED_FINDING_WORDS;
      const start = units[2 * (i - first)];
      const end = units[2 * (i - first) + 1];
      const len = words[w + 4];
      found[i - first] = {
        kind: this._kindName(words[w]),
        start,
        end,
        text: text.slice(start, end),
        confidence: Math.round(floats[w + 3] * 1e6) / 1e6,
        normalized: len ? bytes.toString('utf8', at, at + len) : '',
      };
      at += len;
    }
    return [found, at];
  }

  /** The personal data in `text`, in order, never overlapping.
   * `options.region` overrides the region hint for this call ("" for none). */
  scan(text, options = {}) {
    const buf = bytesOf(text);
    const status = c.scanPacked(this._handle(), buf, buf.length, optionalString(options.region, 'region'),
      reused.findings, packed.words, packed.words.length, packed.bytes, packed.bytes.length);
    // OUT_OF_RANGE: scanned, and the arrays must grow to hold the results.
    if (status !== Status.OK && status !== Status.OUT_OF_RANGE) throw fail(status);
    packResults(c.findingsPack, c.findingsPackSize, reused.findings, status);
    return this._unpack(text, buf, 0, packed.words[0], 0)[0];
  }

  /** `text` with every finding replaced as the viewer's `options.role`
   * says: a built-in role (agent, supervisor, compliance, export) or one of
   * the configuration's policy; the policy's default role (the typed masks
   * unless configured) when absent. `options.region` as in scan. Throws
   * rather than ever returning unmasked text. */
  redact(text, options = {}) {
    const buf = bytesOf(text);
    const out = redacted;
    const status = c.redactTo(this._handle(), buf, buf.length, optionalString(options.region, 'region'),
      optionalString(options.role, 'role'), reused.bytes, out.buf, out.buf.length, out.len);
    if (status === Status.OK) return out.buf.toString('utf8', 0, Number(out.len[0]));
    if (status !== Status.OUT_OF_RANGE) throw fail(status);
    // Masked, but longer than the buffer: read it where it is, and grow
    // the buffer for the next call.
    const n = Number(c.bytesLen(reused.bytes));
    redacted.buf = Buffer.alloc(Math.max(n, 2 * out.buf.length));
    return koffi.decode(c.bytesData(reused.bytes), 'char', n);
  }

  _kindCode(kind) {
    if (typeof kind !== 'string') throw new TypeError('kind must be a string');
    let code = this._codes.get(kind);
    if (code === undefined) {
      const out = [0];
      const status = c.kindCode(this._handle(), kind, out);
      if (status !== Status.OK) throw fail(status);
      code = out[0];
      this._codes.set(kind, code);
    }
    return code;
  }

  /** The value behind a token (`[PHONE:q3k9x2mb7d]`) or an FPE value, for
   * a role allowed to reveal (supervisor and compliance by default). Every
   * attempt, allowed or not, is reported to `options.audit` (required) as
   * `{time, actor, role, kind, conversation, outcome}`, never the value.
   * `options.vault` maps tokens to values (a function returning the value
   * or null, a Map, or an object); FPE values need none (the scanner's key
   * decrypts them). Throws a PiimaskError (code REVEAL_DENIED, NOT_FOUND,
   * UNKNOWN_ROLE, ...) when nothing is revealed; an exception thrown by the
   * vault or the audit function is thrown again, and no value returned. */
  reveal(value, options = {}) {
    const { kind, role, actor, conversation, region, vault, audit } = options;
    if (typeof audit !== 'function') throw new TypeError('audit must be a function: every reveal is audited');
    const lookup = vaultLookup(vault);
    const buf = bytesOf(value);
    const code = this._kindCode(kind);
    const args = [auditName(role, 'role', true), auditName(actor, 'actor', true),
      auditName(conversation, 'conversation', false), optionalString(region, 'region')];
    // Transient koffi callbacks: valid during the call, which is the only
    // time the library calls them (on this thread); nothing to unregister.
    // They never throw into C: the first error is kept and thrown after.
    let error = null;
    const onVault = (ctx, token, tokenLen, out) => {
      try {
        const n = Number(tokenLen);
        const found = lookup(n ? koffi.decode(token, 'char', n) : '');
        if (found === undefined || found === null) return false;
        if (typeof found !== 'string') throw new TypeError('the vault must return a string or null');
        const data = Buffer.from(found, 'utf8');
        return c.bytesSet(out, data, data.length) === Status.OK;
      } catch (e) {
        if (error === null) error = e;
        return false;
      }
    };
    const onAudit = (ctx, event) => {
      try {
        const e = koffi.decode(event, AuditEventC);
        audit({
          time: e.time,
          actor: e.actor,
          role: e.role,
          kind: e.kind_name,
          conversation: e.conversation,
          outcome: OUTCOMES[e.outcome] || 'unknown',
        });
      } catch (e) {
        if (error === null) error = e;
      }
    };
    const out = [null];
    const status = c.reveal(this._handle(), buf, buf.length, code, ...args, lookup ? onVault : null, null,
      onAudit, null, out);
    try {
      if (error !== null) throw error;
      if (status !== Status.OK) throw fail(status);
      const n = Number(c.bytesLen(out[0]));
      return n ? koffi.decode(c.bytesData(out[0]), 'char', n) : '';
    } finally {
      if (status === Status.OK) c.bytesFree(out[0]);
    }
  }

  /** scan() of each text in one call into the library. */
  scanBatch(texts, options = {}) {
    texts = Array.from(texts);
    const bufs = texts.map(bytesOf);
    const out = [null];
    const status = c.scanBatch(this._handle(), bufs.map((b) => ({ ptr: b, len: b.length })), bufs.length,
      optionalString(options.region, 'region'), out);
    if (status !== Status.OK) throw fail(status);
    try {
      packResults(c.batchPack, c.batchPackSize, out[0]);
      const bounds = packed.words;
      let at = 0;
      return texts.map((t, m) => {
        const [found, next] = this._unpack(t, bufs[m], bounds[3 + m], bounds[3 + m + 1], at);
        at = next;
        return found;
      });
    } finally {
      c.batchFree(out[0]);
    }
  }

  /** redact() of each text in one call into the library; if any text
   * fails, throws and returns nothing. */
  redactBatch(texts, options = {}) {
    texts = Array.from(texts);
    const bufs = texts.map(bytesOf);
    const out = [null];
    const status = c.redactBatch(this._handle(), bufs.map((b) => ({ ptr: b, len: b.length })), bufs.length,
      optionalString(options.region, 'region'), optionalString(options.role, 'role'), out);
    if (status !== Status.OK) throw fail(status);
    try {
      const data = [null];
      const total = [0];
      const offsets = [null];
      c.listFlat(out[0], data, total, offsets);
      const blob = copyOut(data[0], Number(total[0]));
      const bounds = koffi.decode(offsets[0], 'size_t', texts.length + 1).map(Number);
      return texts.map((_, i) => blob.toString('utf8', bounds[i], bounds[i + 1]));
    } finally {
      c.listFree(out[0]);
    }
  }
}

/** The version of the loaded C library. */
function libraryVersion() {
  return c.version();
}

module.exports = { Scanner, PiimaskError, Status, libraryVersion, LIBRARY_PATH };
Object.assign(module.exports, require('./stream')); // streaming: RedactTransform, redactStream
module.exports.Guard = require('./guard.js')({ lib, koffi, fail, bytesOf, utf16Offsets, copyOut, Status, PiimaskError });
