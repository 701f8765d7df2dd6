import piimask

scanner = piimask.Scanner(region="IN")  # build once, share across threads
text = "📞 Call 98765 43210 or mail priya@example.in"
for f in scanner.scan(text):
    print(f.kind, f.start, f.end, f.text, f.normalized)
    assert text[f.start:f.end] == f.text  # string indices, emoji and all

print(scanner.redact(text))
print(scanner.redact_batch(["WhatsApp +44 20 7946 0958", "order #48213977"]))

try:
    piimask.Scanner(region="XX")
except piimask.UnknownRegionError as e:  # every error is a piimask.Error
    print("error", e.status, e.message)
