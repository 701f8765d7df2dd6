#!/usr/bin/env node
// Per-call cost of the Node binding (koffi), measured like
// benches/python_overhead.py: the same messages, each way of calling timed
// in alternating rounds, the best round counted, in process CPU time
// (user + system, robust on a shared machine).
//
// Usage (after `npm install` in bindings/node; PIIMASK_LIB as the binding reads it):
//   node benches/node_overhead.js CORPUS.jsonl [--messages 2000] [--repeat 10]
//
// CORPUS.jsonl: one {"text", "region"} per line, e.g. the dense labelled chat
// of tests/corpus/gen_corpus.py, or python_overhead.py's realistic messages
// (`python benches/python_overhead.py --dump FILE`). Like python_overhead.py,
// a scanner without a default region, each message's region with the call,
// the batch calls one per region.
'use strict';

const fs = require('fs');
const path = require('path');

const piimask = require(path.join(__dirname, '..', 'bindings', 'node'));

function args() {
  const argv = process.argv.slice(2);
  const out = { corpus: null, messages: 2000, repeat: 10 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--messages') out.messages = Number(argv[++i]);
    else if (argv[i] === '--repeat') out.repeat = Number(argv[++i]);
    else out.corpus = argv[i];
  }
  if (!out.corpus) {
    console.error('usage: node benches/node_overhead.js CORPUS.jsonl [--messages N] [--repeat R]');
    process.exit(2);
  }
  return out;
}

function cpuNs() {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1000;
}

function main() {
  const opt = args();
  const lines = fs.readFileSync(opt.corpus, 'utf8').split('\n').filter((l) => l.trim());
  const pairs = lines.slice(0, opt.messages).map((l) => {
    const r = JSON.parse(l);
    return [r.text, r.region === undefined ? null : r.region];
  });
  const n = pairs.length;
  const bytes = pairs.reduce((a, [t]) => a + Buffer.byteLength(t, 'utf8'), 0);
  const groups = new Map();
  for (const [t, r] of pairs) {
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(t);
  }
  const scanner = new piimask.Scanner({ region: null });
  const opts = pairs.map(([, r]) => ({ region: r === null ? undefined : r }));
  const groupList = [...groups.entries()].map(([r, ts]) => [{ region: r === null ? undefined : r }, ts]);

  const cases = [
    ['scan("") (binding floor)', () => { for (let i = 0; i < n; i++) scanner.scan(''); }],
    ['scan(msg)', () => pairs.map(([t], i) => scanner.scan(t, opts[i]))],
    ['scanBatch(msgs)', () => groupList.map(([o, ts]) => scanner.scanBatch(ts, o))],
    ['redact(msg)', () => pairs.map(([t], i) => scanner.redact(t, opts[i]))],
    ['redactBatch(msgs)', () => groupList.map(([o, ts]) => scanner.redactBatch(ts, o))],
  ];
  const found = pairs.reduce((a, [t], i) => a + scanner.scan(t, opts[i]).length, 0);
  for (const [, fn] of cases) fn(); // warm up
  const best = new Map(cases.map(([name]) => [name, Infinity]));
  for (let r = 0; r < opt.repeat; r++) {
    for (const [name, fn] of cases) {
      const t = cpuNs();
      fn();
      best.set(name, Math.min(best.get(name), cpuNs() - t));
    }
  }
  const load = require('os').loadavg()[0].toFixed(1);
  console.log(`${n} messages of ${opt.corpus}, ${(bytes / n).toFixed(0)} bytes on average, ${groups.size} regions; ` +
    `Node ${process.version}; piimask ${piimask.libraryVersion()}; best of ${opt.repeat}; process CPU time; ` +
    `load average ${load}`);
  console.log(`piimask finds ${found} values\n`);
  for (const [name] of cases) {
    console.log(`piimask Scanner.${name.padEnd(36)} ${(best.get(name) / n / 1000).toFixed(2).padStart(8)} µs/msg`);
  }
}

main();
