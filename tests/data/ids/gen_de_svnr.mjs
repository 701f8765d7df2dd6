// Test vectors for Germany's social insurance number (de_svnr), from an
// implementation independent of piimask's: the `stdnum` package for
// JavaScript (de.svnr), which python-stdnum lacks.
//
//     npm install --no-save stdnum@1.12.0
//     node tests/data/ids/gen_de_svnr.mjs > tests/data/ids/de_svnr.txt
//
// Random twelve-character strings of the number's layout (two digits, six
// digits, a capital letter, three digits) are drawn from a seeded generator
// until 40 pass the package's validation.
import { createRequire } from "node:module";

const require = createRequire(`${process.cwd()}/`);
const { stdnum } = require("stdnum");

// mulberry32: a small seeded generator, so that a rerun gives the same file.
let seed = 13;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const digit = () => String(Math.floor(random() * 10));
const digits = (n) => Array.from({ length: n }, digit).join("");
const letter = () => String.fromCharCode(65 + Math.floor(random() * 26));

const values = new Set();
while (values.size < 40) {
  const v = digits(8) + letter() + digits(3);
  if (stdnum.DE.svnr.validate(v).isValid) {
    values.add(v);
  }
}
console.log([...values].join("\n"));
