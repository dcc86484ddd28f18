// Runs numeric replies through the page's own quiz.js, outside a page, and prints what it made of each.
//
// Usage: node quiz_numbers.js QUIZ_JS < cases.json
// Reads [{"reply", "separator", "key": {"value", "absolute" | "relative"}}] (numbers as the hexadecimal bits of
// doubles, so that -0 and every last bit survive JSON) and prints one line per case: "wrong form", or the
// parsed number's bits and "right" or "wrong".
"use strict";
const fs = require("fs");
const vm = require("vm");

const sandbox = {};
vm.runInNewContext(fs.readFileSync(process.argv[2], "utf8"), sandbox);
const quiz = sandbox.GradusQuiz;
const view = new DataView(new ArrayBuffer(8));
const number = (bits) => { view.setBigUint64(0, BigInt("0x" + bits)); return view.getFloat64(0); };
const bits = (x) => { view.setFloat64(0, x); return view.getBigUint64(0).toString(16).padStart(16, "0"); };

for (const c of JSON.parse(fs.readFileSync(0, "utf8"))) {
  const key = { value: number(c.key.value) };
  if (c.key.absolute !== undefined) { key.absolute = number(c.key.absolute); } else { key.relative = number(c.key.relative); }
  const x = quiz.parseNumber(c.reply, c.separator);
  console.log(x === null ? "wrong form" : bits(x) + " " + (quiz.accepts(key, x) ? "right" : "wrong"));
}
