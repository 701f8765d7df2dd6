const { Scanner, PiimaskError } = require('piimask');

const key = Buffer.from("from the tenant's secret store!!"); // 32 bytes
const scanner = new Scanner({ region: 'IN', key });
const number = '+91 98765 43210';
const token = scanner.redact(number, { role: 'agent' }); // what an agent sees: [PHONE:...]
const vault = new Map([[token, number]]); // the host's vault: a Map, object, or token => value | null

// Required: every attempt, allowed or not, never the value.
const audit = (e) => console.log('audit:', e.actor, 'as', e.role, e.kind, e.outcome);

console.log(scanner.reveal(token, { kind: 'phone', role: 'supervisor', actor: 'agent-42', vault, audit }));
try {
  scanner.reveal(token, { kind: 'phone', role: 'agent', actor: 'agent-42', vault, audit });
} catch (e) {
  if (!(e instanceof PiimaskError)) throw e;
  console.log('denied:', e.code, e.message); // NOT_FOUND for unknown tokens
}
