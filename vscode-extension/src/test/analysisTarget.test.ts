import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { AnalysisTarget, SettingsFileError, statusText, targetLabel, withTarget } from '../analysisTarget';
import { findLauncher, launcherCandidates, routerlsCommand, serverCommand } from '../serverSettings';

const rtx: AnalysisTarget = { language: 'yamaha-rtx', platform: 'yamaha', model: 'RTX830', revision: '15.02.30', origin: 'file', choices: ['RTX830', 'RTX1210'] };
const owrt: AnalysisTarget = { language: 'openwrt-uci', platform: 'openwrt', release: '23.05.3', firewall: 'fw4', origin: 'setting', choices: ['23.05'] };

test('status text: state, then what the file is checked as', () => {
  assert.deepEqual(statusText('running', rtx), {
    text: '$(check) routerls: RTX830 Rev.15.02.30',
    tooltip: "Checked as RTX830 Rev.15.02.30, read from the config's show config header. Click to choose another model.",
  });
  assert.equal(statusText('running', owrt).text, '$(check) routerls: OpenWrt 23.05.3 (fw4)');
  assert.match(statusText('running', owrt).tooltip, /chosen in the settings.*another OpenWrt release/);
  assert.equal(targetLabel({ ...rtx, model: null, revision: null, origin: 'none' }), 'model unknown');
  assert.match(statusText('running', { ...rtx, model: null, origin: 'none' }).tooltip, /model-specific checks are off/);
  assert.equal(targetLabel({ ...owrt, release: null }), 'OpenWrt release unknown');
  assert.equal(statusText('starting', undefined).text, '$(sync~spin) routerls');
  assert.match(statusText('failed', undefined, 'no Java 17 or newer').tooltip, /could not start \(no Java 17 or newer\)/);
});

test('.routerls.json: the choice is set, other keys kept, a broken file never overwritten', () => {
  assert.equal(withTarget(undefined, 'yamaha', 'RTX1210'), '{\n  "yamahaModel": "RTX1210"\n}\n');
  const existing = '{ "ruleSeverity": { "yamaha/unused-definition": "off" }, "model": "RTX830" }';
  assert.deepEqual(JSON.parse(withTarget(existing, 'yamaha', 'NVR510')), { ruleSeverity: { 'yamaha/unused-definition': 'off' }, model: 'NVR510' });
  assert.deepEqual(JSON.parse(withTarget(existing, 'openwrt', '21.02')), {
    ruleSeverity: { 'yamaha/unused-definition': 'off' }, model: 'RTX830', openwrtRelease: '21.02',
  });
  assert.deepEqual(JSON.parse(withTarget('{"openwrtRelease":"21.02","x":1}', 'openwrt', null)), { x: 1 });
  assert.throws(() => withTarget('{ "model": ', 'yamaha', 'RTX830'), SettingsFileError);
  assert.throws(() => withTarget('[1]', 'yamaha', 'RTX830'), /does not hold a JSON object/);
});

test('the launcher bin/routerls is used when it sits beside the jar\'s tree, with the Java that was found', () => {
  const checkoutJar = path.join('/src/routerls', 'server', 'target', 'routerls.jar');
  assert.deepEqual(launcherCandidates(checkoutJar), [path.join('/src/routerls/server/bin/routerls'), path.join('/src/routerls/bin/routerls')]);
  const exists = (f: string) => f === path.join('/src/routerls/bin/routerls');
  const launcher = findLauncher(checkoutJar, 'linux', exists);
  assert.equal(launcher, path.join('/src/routerls/bin/routerls'));
  assert.equal(findLauncher(checkoutJar, 'win32', exists), undefined);
  assert.equal(findLauncher('/ext/server/routerls.jar', 'linux', exists), undefined);
  assert.deepEqual(serverCommand('/jdk/bin/java', checkoutJar, launcher), {
    command: launcher, args: ['lsp'], env: { JAVA_HOME: '/jdk' },
  });
  assert.deepEqual(routerlsCommand('/jdk/bin/java', checkoutJar), { command: '/jdk/bin/java', args: ['-jar', checkoutJar] });
});
