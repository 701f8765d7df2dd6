package main

import (
	"errors"
	"fmt"
	"log"
	"sync"

	"piimask.example/go/piimask"
)

func main() {
	scanner, err := piimask.NewScanner(`{"region": "IN"}`) // build once, share across goroutines
	if err != nil {
		log.Fatal(err)
	}
	defer scanner.Close()

	text := "📞 Call 98765 43210 or mail priya@example.in"
	findings, err := scanner.Scan([]byte(text))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range findings {
		fmt.Println(f.Kind, f.Start, f.End, text[f.Start:f.End], f.Normalized) // byte offsets
	}

	messages := []string{"WhatsApp +44 20 7946 0958", "order #48213977", "UPI ravi.kumar@okaxis pls"}
	masked := make([][]byte, len(messages))
	var wg sync.WaitGroup
	for i, m := range messages {
		wg.Add(1)
		go func(i int, m string) {
			defer wg.Done()
			masked[i], _ = scanner.Redact([]byte(m), "")
		}(i, m)
	}
	wg.Wait()
	for _, m := range masked {
		fmt.Println(string(m))
	}

	_, err = scanner.Redact([]byte("call 98765 43210"), "no-such-role")
	var e *piimask.Error
	if errors.As(err, &e) && e.Status == piimask.StatusUnknownRole {
		fmt.Println("error", e.Status, e.Message)
	}
}
