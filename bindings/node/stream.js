'use strict';
// Streaming redaction for Node: a Transform stream over the C library's
// piimask_stream_* calls. Chunks may be split anywhere (inside a UTF-8
// character, a surrogate pair, a phone number, between a keyword and its
// number); the output joined is exactly scanner.redact() of the whole text,
// and text is held back only until no finding can reach across it (normally
// the end of the current line). Each finding is emitted as a 'finding'
// event with UTF-16 offsets into the whole stream.

const { Transform } = require('stream');
const koffi = require('koffi');
const { PiimaskError, LIBRARY_PATH } = require('./index');

const lib = koffi.load(LIBRARY_PATH);
koffi.opaque('piimask_stream');
const c = {
  lastError: lib.func('size_t piimask_last_error(_Out_ uint8_t *buf, size_t cap)'),
  streamNew: lib.func('uint32_t piimask_stream_new(const piimask_scanner *scanner, const char *region, ' +
    'const char *role, _Out_ piimask_stream **out)'),
  streamWrite: lib.func('uint32_t piimask_stream_write(piimask_stream *stream, const uint8_t *chunk, ' +
    'size_t len, piimask_bytes *out, piimask_findings *findings)'),
  streamFinish: lib.func('uint32_t piimask_stream_finish(piimask_stream *stream, piimask_bytes *out, ' +
    'piimask_findings *findings)'),
  streamHeld: lib.func('size_t piimask_stream_held(const piimask_stream *stream)'),
  streamFree: lib.func('void piimask_stream_free(piimask_stream *stream)'),
  findingsNew: lib.func('uint32_t piimask_findings_new(_Out_ piimask_findings **out)'),
  findingsItems: lib.func('uint32_t piimask_findings_items(const piimask_findings *findings, ' +
    '_Out_ const piimask_finding **items, _Out_ size_t *count)'),
  findingsFree: lib.func('void piimask_findings_free(piimask_findings *findings)'),
  bytesNew: lib.func('uint32_t piimask_bytes_new(_Out_ piimask_bytes **out)'),
  bytesData: lib.func('const uint8_t *piimask_bytes_data(const piimask_bytes *bytes)'),
  bytesLen: lib.func('size_t piimask_bytes_len(const piimask_bytes *bytes)'),
  bytesFree: lib.func('void piimask_bytes_free(piimask_bytes *bytes)'),
};

function fail(status) {
  const size = Number(c.lastError(null, 0));
  const buf = Buffer.alloc(size + 1);
  c.lastError(buf, size + 1);
  return new PiimaskError(status, buf.toString('utf8', 0, size));
}

/** Whether `unit` is the first half of a surrogate pair. */
function isHighSurrogate(unit) {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** A Transform stream that redacts the text piped through it: Buffers or
 * strings in, Buffers of redacted UTF-8 out (invalid bytes pass through
 * unchanged). Before each piece of output it emits a 'finding' event per
 * finding in that piece, `{kind, start, end, text, confidence,
 * normalized}` as `Scanner.scan` gives them for the whole text: `start`
 * and `end` are UTF-16 offsets into the whole stream (the string chunks
 * joined, or the Buffers joined and decoded as UTF-8), so
 * `whole.slice(start, end) === text`. Errors (an unknown role, a failed
 * redaction) are emitted as 'error' and nothing unmasked is pushed. */
class RedactTransform extends Transform {
  /**
   * @param {import('./index').Scanner} scanner kept alive by the stream.
   * @param {object} [options] `region` (hint for this stream), `role`, and
   *   any Transform options (strings are always taken as they are written:
   *   `decodeStrings` is false).
   */
  constructor(scanner, options = {}) {
    const { region, role, ...rest } = options;
    // Strings come in undecoded, so that a surrogate pair split between two
    // of them is joined instead of becoming two U+FFFD.
    super({ ...rest, decodeStrings: false });
    this._scanner = scanner;
    const out = [null];
    const status = c.streamNew(scanner._ptr, region ?? null, role ?? null, out);
    if (status !== 0) throw fail(status);
    this._stream = out[0];
    const bytes = [null];
    const found = [null];
    if (c.bytesNew(bytes) !== 0 || c.findingsNew(found) !== 0) {
      c.streamFree(this._stream);
      if (bytes[0]) c.bytesFree(bytes[0]);
      throw new Error('piimask: out of memory');
    }
    this._bytes = bytes[0];
    this._found = found[0];
    // A high surrogate that ended the last string chunk, awaiting its pair.
    this._surrogate = '';
    // The input the library still holds back (`_parts`, from byte `_base`
    // of the whole stream, which is UTF-16 offset `_baseUnits`): finding
    // offsets are converted against it.
    this._parts = [];
    this._written = 0;
    this._base = 0;
    this._baseUnits = 0;
  }

  _piece() {
    const n = Number(c.bytesLen(this._bytes));
    return n ? Buffer.from(koffi.view(c.bytesData(this._bytes), n).slice(0)) : null;
  }

  _release() {
    if (this._stream) c.streamFree(this._stream);
    if (this._bytes) c.bytesFree(this._bytes);
    if (this._found) c.findingsFree(this._found);
    this._stream = null;
    this._bytes = null;
    this._found = null;
    this._parts = [];
  }

  /** Converts the library's findings of the last call (byte offsets into
   * the whole stream), emits them, and drops the input now covered. Cuts
   * and finding bounds fall where UTF-8 decoding restarts, so each stretch
   * decodes alone as it does inside the whole. */
  _emitFindings(wanted) {
    const covered = this._written - Number(c.streamHeld(this._stream));
    let items = [];
    if (wanted) {
      const ptr = [null];
      const count = [0];
      c.findingsItems(this._found, ptr, count);
      const n = Number(count[0]);
      if (n) items = koffi.decode(ptr[0], 'piimask_finding', n);
    }
    if (covered === this._base && !items.length) return;
    const pending = this._parts.length === 1 ? this._parts[0] : Buffer.concat(this._parts);
    const base = this._base;
    let at = base;
    let units = this._baseUnits;
    const found = [];
    for (const f of items) {
      const start = Number(f.start);
      const end = Number(f.end);
      units += pending.toString('utf8', at - base, start - base).length;
      const text = pending.toString('utf8', start - base, end - base);
      found.push({
        kind: this._scanner._kindName(f.kind),
        start: units,
        end: units + text.length,
        text,
        confidence: Math.round(f.confidence * 1e6) / 1e6,
        normalized: f.normalized_len ? koffi.decode(f.normalized, 'char', f.normalized_len) : '',
      });
      units += text.length;
      at = end;
    }
    this._baseUnits = units + pending.toString('utf8', at - base, covered - base).length;
    this._base = covered;
    const rest = pending.subarray(covered - base);
    this._parts = rest.length ? [rest] : [];
    for (const f of found) this.emit('finding', f);
  }

  /** One call into the library (`data`, or the finish for null); the
   * piece of output, or throws. */
  _step(data) {
    const wanted = this.listenerCount('finding') > 0;
    const found = wanted ? this._found : null;
    const status = data === null
      ? c.streamFinish(this._stream, this._bytes, found)
      : c.streamWrite(this._stream, data, data.length, this._bytes, found);
    if (status !== 0) throw fail(status);
    if (data !== null && data.length) {
      this._parts.push(data);
      this._written += data.length;
    }
    this._emitFindings(wanted);
    return this._piece();
  }

  _transform(chunk, encoding, callback) {
    let data;
    if (typeof chunk === 'string') {
      let text = this._surrogate + chunk;
      this._surrogate = '';
      if (/^utf-?8$/i.test(encoding) && text.length &&
          isHighSurrogate(text.charCodeAt(text.length - 1))) {
        this._surrogate = text[text.length - 1];
        text = text.slice(0, -1);
      }
      data = Buffer.from(text, encoding);
    } else {
      data = this._surrogate ? Buffer.concat([Buffer.from(this._surrogate), chunk]) : chunk;
      this._surrogate = '';
    }
    let piece;
    try {
      piece = this._step(data);
    } catch (e) {
      this._release();
      callback(e);
      return;
    }
    callback(null, piece);
  }

  _flush(callback) {
    const pieces = [];
    let error = null;
    try {
      // A lone high surrogate at the very end: U+FFFD, as Buffer.from gives.
      if (this._surrogate) pieces.push(this._step(Buffer.from(this._surrogate)));
      this._surrogate = '';
      pieces.push(this._step(null));
    } catch (e) {
      error = e;
    }
    this._release();
    if (error) {
      callback(error);
      return;
    }
    const out = pieces.filter((p) => p);
    callback(null, out.length ? Buffer.concat(out) : null);
  }

  _destroy(err, callback) {
    this._release();
    callback(err);
  }
}

/** A RedactTransform for `scanner` (see its constructor). */
function redactStream(scanner, options) {
  return new RedactTransform(scanner, options);
}

module.exports = { RedactTransform, redactStream };
