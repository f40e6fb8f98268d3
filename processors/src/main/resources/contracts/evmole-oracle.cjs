// Runs evmole on ethereum-etl contract items (JSON lines, file given as argv[2]) and prints, per
// line, {"address", "functions": [{selector, arguments, state_mutability}], "micros"} (timed after a
// warm-up pass over all of them).
// NODE_PATH must hold the folder with node_modules/evmole.
const fs = require('fs');
const { contractInfo } = require('evmole');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim());
const items = lines.map(l => JSON.parse(l));
// one warm-up pass, as the Java side is measured warm
for (const item of items) {
  contractInfo(item.bytecode, { selectors: true, arguments: true, stateMutability: true });
}
for (const item of items) {
  const start = process.hrtime.bigint();
  const info = contractInfo(item.bytecode, { selectors: true, arguments: true, stateMutability: true });
  const micros = Number((process.hrtime.bigint() - start) / 1000n);
  const functions = (info.functions || []).map(f => ({
    selector: f.selector, arguments: f.arguments, state_mutability: f.stateMutability }));
  console.log(JSON.stringify({ address: item.address, functions, micros }));
}
