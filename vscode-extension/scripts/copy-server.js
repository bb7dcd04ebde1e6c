// Copies the server jar built by Maven into the extension so that `vsce package` bundles it.
const fs = require('fs');
const path = require('path');

const source = path.resolve(__dirname, '..', '..', 'server', 'target', 'routerls.jar');
const target = path.resolve(__dirname, '..', 'server', 'routerls.jar');

if (!fs.existsSync(source)) {
  console.error(`copy-server: ${source} is missing. Build it first: (cd .. && mvn -B -q package -DskipTests)`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
console.log(`copy-server: ${path.relative(process.cwd(), target)} (${fs.statSync(target).size} bytes)`);
