// Package piimask is a Go host of piimask's C ABI: a Scanner over the
// library's opaque handle, findings with byte offsets (a Go string is
// UTF-8 bytes, so text[f.Start:f.End] is the match), and statuses as
// errors. Copy it into a service, or use it as the pattern for one.
//
// The library is found with pkg-config (scripts/c-install writes
// piimask.pc), so cgo needs PKG_CONFIG_PATH to name its directory when the
// prefix is not a system one.
package piimask

/*
#cgo pkg-config: piimask
#include <stdlib.h>
#include "piimask.h"
*/
import "C"

import (
	"fmt"
	"runtime"
	"unsafe"
)

// Error is a status other than PIIMASK_STATUS_OK, with the details of the
// failure (which never contain scanned text).
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return fmt.Sprintf("piimask: %s (status %d)", e.Message, e.Status) }

// Status codes a caller may want to tell apart (include/piimask.h has all).
const (
	StatusInvalidConfig   = int(C.PIIMASK_STATUS_INVALID_CONFIG)
	StatusUnknownRegion   = int(C.PIIMASK_STATUS_UNKNOWN_REGION)
	StatusUnknownRole     = int(C.PIIMASK_STATUS_UNKNOWN_ROLE)
	StatusRedactionFailed = int(C.PIIMASK_STATUS_REDACTION_FAILED)
)

// check turns a status into an error. The last error is per OS thread, so
// the caller must hold its goroutine on one (runtime.LockOSThread) from
// the call to here.
func check(status C.piimask_status) error {
	if status == C.PIIMASK_STATUS_OK {
		return nil
	}
	message := C.GoString(C.piimask_status_message(C.uint32_t(status)))
	if n := C.piimask_last_error(nil, 0); n > 0 {
		buf := make([]byte, n+1)
		C.piimask_last_error((*C.char)(unsafe.Pointer(&buf[0])), C.size_t(len(buf)))
		message = string(buf[:n])
	}
	return &Error{Status: int(status), Message: message}
}

// Finding is one personal value: its kind, byte offsets into the scanned
// text (end exclusive), confidence and canonical form (E.164 for phones).
type Finding struct {
	Kind       string
	Start, End int
	Confidence float32
	Normalized string
}

// Scanner is immutable once built: share one across goroutines. Close it
// when done (a finalizer frees it otherwise).
type Scanner struct {
	handle *C.piimask_scanner
}

// NewScanner builds a scanner from a JSON configuration (the CLI's
// --config schema; "" for every built-in kind and no region hint).
func NewScanner(config string) (*Scanner, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var cConfig *C.char
	if config != "" {
		cConfig = C.CString(config)
		defer C.free(unsafe.Pointer(cConfig))
	}
	s := &Scanner{}
	if err := check(C.piimask_scanner_new(cConfig, C.size_t(len(config)), &s.handle)); err != nil {
		return nil, err
	}
	runtime.SetFinalizer(s, (*Scanner).Close)
	return s, nil
}

// Close frees the scanner; calling it again does nothing.
func (s *Scanner) Close() {
	if s.handle != nil {
		C.piimask_scanner_free(s.handle)
		s.handle = nil
	}
}

// text passes Go bytes to C without a copy: cgo allows a pointer to memory
// that holds no Go pointers, for the duration of the call.
func text(b []byte) (*C.uint8_t, C.size_t) {
	if len(b) == 0 {
		return nil, 0
	}
	return (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))
}

// Scan finds the personal values of text (any bytes; invalid UTF-8 is
// never part of a finding).
func (s *Scanner) Scan(message []byte) ([]Finding, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer runtime.KeepAlive(s)
	ptr, n := text(message)
	var findings *C.piimask_findings
	if err := check(C.piimask_scan(s.handle, ptr, n, nil, &findings)); err != nil {
		return nil, err
	}
	defer C.piimask_findings_free(findings)
	out := make([]Finding, C.piimask_findings_len(findings))
	for i := range out {
		var f C.piimask_finding
		if err := check(C.piimask_findings_get(findings, C.size_t(i), &f)); err != nil {
			return nil, err
		}
		out[i] = Finding{
			Kind:       C.GoString(C.piimask_scanner_kind_name(s.handle, f.kind)),
			Start:      int(f.start),
			End:        int(f.end),
			Confidence: float32(f.confidence),
			Normalized: C.GoStringN((*C.char)(unsafe.Pointer(f.normalized)), C.int(f.normalized_len)),
		}
	}
	return out, nil
}

// Redact masks text as role sees it ("" for the policy's default role).
// On error it returns no text: redaction fails closed.
func (s *Scanner) Redact(message []byte, role string) ([]byte, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	defer runtime.KeepAlive(s)
	var cRole *C.char
	if role != "" {
		cRole = C.CString(role)
		defer C.free(unsafe.Pointer(cRole))
	}
	ptr, n := text(message)
	var masked *C.piimask_bytes
	if err := check(C.piimask_redact(s.handle, ptr, n, nil, cRole, &masked)); err != nil {
		return nil, err
	}
	defer C.piimask_bytes_free(masked)
	return C.GoBytes(unsafe.Pointer(C.piimask_bytes_data(masked)), C.int(C.piimask_bytes_len(masked))), nil
}
