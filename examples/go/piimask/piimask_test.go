package piimask

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"testing"
)

func newScanner(t *testing.T, config string) *Scanner {
	t.Helper()
	s, err := NewScanner(config)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestOffsetsSliceTheText(t *testing.T) {
	s := newScanner(t, `{"region": "IN"}`)
	text := []byte("नमस्ते 📞 +91 98765 43210, mail ravi@example.in \xff ok")
	findings, err := s.Scan(text)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	for _, f := range findings {
		got = append(got, fmt.Sprintf("%s %s %s", f.Kind, text[f.Start:f.End], f.Normalized))
	}
	want := []string{"phone +91 98765 43210 +919876543210", "email ravi@example.in ravi@example.in"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestRedactKeepsInvalidBytesAndMasks(t *testing.T) {
	s := newScanner(t, `{"region": "IN"}`)
	masked, err := s.Redact([]byte("call 98765 43210 \xff\xfe order #48213977"), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []byte("call ••••• ••210 \xff\xfe order #48213977"); !bytes.Equal(masked, want) {
		t.Fatalf("got %q, want %q", masked, want)
	}
	empty, err := s.Redact(nil, "")
	if err != nil || len(empty) != 0 {
		t.Fatalf("empty text: %q, %v", empty, err)
	}
}

func TestErrorsCarryStatusAndNoText(t *testing.T) {
	_, err := NewScanner(`{"region": "XX"}`)
	var e *Error
	if !errors.As(err, &e) || e.Status != StatusUnknownRegion {
		t.Fatalf("unknown region: %v", err)
	}
	_, err = NewScanner(`{"kinds": [`)
	if !errors.As(err, &e) || e.Status != StatusInvalidConfig {
		t.Fatalf("malformed config: %v", err)
	}
	s := newScanner(t, "")
	secret := "98765 43210"
	masked, err := s.Redact([]byte("call "+secret), "no-such-role")
	if !errors.As(err, &e) || e.Status != StatusUnknownRole || masked != nil {
		t.Fatalf("unknown role: %q, %v", masked, err)
	}
	if bytes.Contains([]byte(err.Error()), []byte(secret)) {
		t.Fatalf("error holds the text: %v", err)
	}
}

func TestOneScannerServesManyGoroutines(t *testing.T) {
	s := newScanner(t, `{"region": "GB"}`)
	var wg sync.WaitGroup
	failures := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				masked, err := s.Redact([]byte(fmt.Sprintf("ring 020 7946 0%03d", g*100+i%100)), "")
				if err != nil || !bytes.HasPrefix(masked, []byte("ring ••• •••• •")) {
					failures <- fmt.Sprintf("%q %v", masked, err)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}

func TestCloseTwiceIsHarmless(t *testing.T) {
	s, err := NewScanner("")
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s.Close()
}
