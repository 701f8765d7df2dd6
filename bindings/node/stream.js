'use strict';
// Streaming redaction for Node: a Transform stream over the C library's
// piimask_stream_* calls. Chunks may be split anywhere (inside a UTF-8
// character, a phone number, between a keyword and its number); the output
// joined is exactly scanner.redact() of the whole text, and text is held
// back only until no finding can reach across it (normally the end of the
// current line).

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
    'size_t len, piimask_bytes *out, void *findings)'),
  streamFinish: lib.func('uint32_t piimask_stream_finish(piimask_stream *stream, piimask_bytes *out, ' +
    'void *findings)'),
  streamFree: lib.func('void piimask_stream_free(piimask_stream *stream)'),
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

/** A Transform stream that redacts the text piped through it: Buffers or
 * strings in, Buffers of redacted UTF-8 out (invalid bytes pass through
 * unchanged). Errors (an unknown role, a failed redaction) are emitted as
 * 'error' and nothing unmasked is pushed. */
class RedactTransform extends Transform {
  /**
   * @param {import('./index').Scanner} scanner kept alive by the stream.
   * @param {object} [options] `region` (hint for this stream), `role`, and
   *   any Transform options.
   */
  constructor(scanner, options = {}) {
    const { region, role, ...rest } = options;
    super(rest);
    this._scanner = scanner;
    const out = [null];
    const status = c.streamNew(scanner._ptr, region ?? null, role ?? null, out);
    if (status !== 0) throw fail(status);
    this._stream = out[0];
    const bytes = [null];
    if (c.bytesNew(bytes) !== 0) {
      c.streamFree(this._stream);
      throw new Error('piimask: out of memory');
    }
    this._bytes = bytes[0];
  }

  _piece() {
    const n = Number(c.bytesLen(this._bytes));
    return n ? Buffer.from(koffi.view(c.bytesData(this._bytes), n).slice(0)) : null;
  }

  _release() {
    if (this._stream) c.streamFree(this._stream);
    if (this._bytes) c.bytesFree(this._bytes);
    this._stream = null;
    this._bytes = null;
  }

  _transform(chunk, encoding, callback) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    const status = c.streamWrite(this._stream, data, data.length, this._bytes, null);
    if (status !== 0) {
      const e = fail(status);
      this._release();
      callback(e);
      return;
    }
    callback(null, this._piece());
  }

  _flush(callback) {
    const status = c.streamFinish(this._stream, this._bytes, null);
    const piece = status === 0 ? this._piece() : null;
    const e = status === 0 ? null : fail(status);
    this._release();
    if (e) callback(e);
    else callback(null, piece);
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
