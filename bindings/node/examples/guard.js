const { Scanner, Guard } = require('piimask');

const scanner = new Scanner({ region: 'IN' });
const guard = new Guard(scanner, { key: Buffer.from("from the tenant's secret store!!") }); // 32 bytes

guard.observe('c-1', 'my number is 98765 43210'); // customers teach who owns what
guard.register('c-2', 'email', 'ravi@shop.in'); // or the host does

for (const [conversation, reply] of [
  ['c-1', 'calling you on +91-98765-43210'], // its own number: fine
  ['c-2', 'ask wa.me/919876543210, he has it'], // another customer's
  ['c-2', 'or call me on 91234 56789'], // nobody's: the agent's own?
]) {
  const result = guard.check(conversation, 'agent-3', reply);
  console.log(conversation, result.action, result.events.map((e) => [e.rule, e.owners]));
  if (result.action === 'mask') console.log('  send:', result.text);
}
