// The Compute-MAP-E command against the real routerls command line (skipped without a built jar),
// and the pieces around it: input checks, the editor text, the messages when a target is missing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../cliRunner';
import { findJava } from '../javaRuntime';
import { deviceProblem, formatMape, mapeArgs, parseMapeJson, portCount, prefixProblem, SNAT_TARGETS, snatArgs, snatFailure } from '../mape';
import { nodeJavaProbe } from '../nodeJavaProbe';
import { routerlsCommand } from '../serverSettings';

const jar = process.env.ROUTERLS_JAR ?? path.resolve(__dirname, '..', '..', '..', 'server', 'target', 'routerls.jar');
const BIGLOBE = '2404:7a80:1234:5600::/56';
const target = (id: string) => SNAT_TARGETS.find((t) => t.id === id)!;

async function cli() {
  const java = await findJava({ env: process.env, platform: process.platform }, nodeJavaProbe);
  return routerlsCommand(java.executable, jar);
}

test('the jar computes the BIGLOBE example and the editor shows every figure', async (t) => {
  if (!fs.existsSync(jar)) {
    if (process.env.CI) assert.fail(`no server jar at ${jar}`);
    return t.skip(`no server jar at ${jar}`);
  }
  const r = await runCli(await cli(), mapeArgs(` ${BIGLOBE} `));
  assert.equal(r.code, 0, r.stderr);
  const m = parseMapeJson(r.stdout);
  assert.equal(m.ipv4, '133.200.18.52');
  assert.equal(m.psid, 86);
  assert.equal(m.ranges.length, 15);
  assert.equal(m.ranges[0], '5472-5487');
  assert.equal(portCount(m.ranges), 240);
  const text = formatMape(m);
  assert.match(text, /^MAP-E for 2404:7a80:1234:5600::\/56$/m);
  assert.match(text, /^IPv4 address {2}133\.200\.18\.52$/m);
  assert.match(text, /^PSID {10}86 \(0x56\)$/m);
  assert.match(text, /^Ports {9}240 in 15 ranges$/m);
  assert.match(text, /^ {14}5472-5487 9568-9583 13664-13679 17760-17775 21856-21871$/m);
  assert.match(text, /^ {14}46432-46447 50528-50543 54624-54639 58720-58735 62816-62831$/m);
  assert.match(text, /^CE address {4}2404:7a80:1234:5600:85:c812:3400:5600$/m);
  assert.match(text, /^Rule {10}BIGLOBE 2404:7a80::\/31 -> 133\.200\.0\.0\/15 {2}ealen 25 {2}psidlen 8 {2}offset 4$/m);
});

test('SNAT blocks come from the jar; a target it does not know yet gets a clear message', async (t) => {
  if (!fs.existsSync(jar)) {
    if (process.env.CI) assert.fail(`no server jar at ${jar}`);
    return t.skip(`no server jar at ${jar}`);
  }
  const command = await cli();
  const ipt = await runCli(command, snatArgs(target('iptables'), BIGLOBE, 'map-wan_map'));
  assert.equal(ipt.code, 0, ipt.stderr);
  assert.match(ipt.stdout, /-o map-wan_map/);
  assert.match(ipt.stdout, /133\.200\.18\.52:5472-5487/);
  const nft = await runCli(command, snatArgs(target('nft'), BIGLOBE, 'map-wan_map'));
  assert.equal(nft.code, 0, nft.stderr);
  assert.match(nft.stdout, /oifname "map-wan_map"/);
  for (const id of ['yamaha', 'uci']) {
    const r = await runCli(command, snatArgs(target(id), BIGLOBE, 'map-wan_map'));
    if (r.code === 0) {
      assert.ok(r.stdout.trim().length > 0, `${id}: a block`);
    } else {
      // the jar predates the target: say so, and what to do
      assert.match(snatFailure(target(id), r.stderr, r.code), /cannot generate .* SNAT rules yet .*Update the extension/);
    }
  }
});

test('command lines: the device only where the block names it', () => {
  assert.deepEqual(mapeArgs(BIGLOBE), ['mape', '--format', 'json', BIGLOBE]);
  assert.deepEqual(snatArgs(target('nft'), BIGLOBE, 'map-wan6'), ['mape', '--snat', 'nft', '--device', 'map-wan6', BIGLOBE]);
  assert.deepEqual(snatArgs(target('iptables'), BIGLOBE), ['mape', '--snat', 'iptables', '--device', 'map-wan_map', BIGLOBE]);
  assert.deepEqual(snatArgs(target('yamaha'), BIGLOBE), ['mape', '--snat', 'yamaha', BIGLOBE]);
  assert.deepEqual(snatArgs(target('uci'), BIGLOBE, 'map-wan6'), ['mape', '--snat', 'uci', '--device', 'map-wan6', BIGLOBE]);
});

test('input checks', () => {
  assert.equal(prefixProblem(BIGLOBE), undefined);
  assert.equal(prefixProblem(' 240b:10:a5cd:6800::/56 '), undefined);
  assert.match(prefixProblem('')!, /Enter the IPv6 prefix/);
  assert.match(prefixProblem('192.0.2.0/24')!, /not an IPv6 prefix/);
  assert.match(prefixProblem('2404:7a80::/129')!, /longer than an IPv6 address/);
  assert.equal(deviceProblem('map-wan_map'), undefined);
  assert.ok(deviceProblem('map-a-very-long-device-name'));
  assert.ok(deviceProblem('map wan; rm -rf'));
});

test('failure messages', () => {
  assert.match(
    snatFailure(target('yamaha'), "routerls mape: --snat must be iptables or nft, not 'yamaha'\n", 2),
    /^The routerls server in use cannot generate YAMAHA RTX SNAT rules yet/,
  );
  assert.equal(
    snatFailure(target('nft'), 'routerls mape: 2001:db8::/56: no MAP-E rule covers 2001:db8::/56\n', 2),
    'routerls could not generate nftables SNAT rules (exit 2): routerls mape: 2001:db8::/56: no MAP-E rule covers 2001:db8::/56',
  );
  assert.throws(() => parseMapeJson(''), /printed no result/);
});
