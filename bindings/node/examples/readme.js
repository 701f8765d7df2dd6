const { Scanner, PiimaskError } = require('piimask');

const scanner = new Scanner({ region: 'IN' }); // build once, share
const text = '📞 Call 98765 43210 or mail priya@example.in';
for (const f of scanner.scan(text)) {
  console.log(f.kind, f.start, f.end, f.text, f.normalized);
  console.assert(text.slice(f.start, f.end) === f.text); // UTF-16 indices, emoji and all
}

console.log(scanner.redact(text));
console.log(scanner.redactBatch(['WhatsApp +44 20 7946 0958', 'order #48213977']));

try {
  new Scanner({ region: 'XX' });
} catch (e) {
  if (!(e instanceof PiimaskError)) throw e;
  console.log('error', e.status, e.code, e.message);
}
