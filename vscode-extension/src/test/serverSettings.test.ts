import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { LANGUAGE_IDS, RESTART_KEYS, serverCommand, serverJarPath, toServerSettings } from '../serverSettings';

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function reader(values: Record<string, unknown>) {
  return (key: string) => values[key];
}

test('settings become the server AnalysisSettings fields, blanks as null', () => {
  const { settings, problems } = toServerSettings(
    reader({ 'yamaha.model': ' RTX1210 ', 'openwrt.release': '', rules: { 'yamaha/nat-outer-proxy-arp': 'Error', 'openwrt/mape-port-range': 'off' } }),
  );
  assert.deepEqual(settings, {
    yamahaModel: 'RTX1210',
    openwrtRelease: null,
    ruleSeverity: { 'yamaha/nat-outer-proxy-arp': 'error', 'openwrt/mape-port-range': 'off' },
  });
  assert.deepEqual(problems, []);
});

test('defaults from package.json give empty settings', () => {
  const props = manifest.contributes.configuration.properties;
  const defaults = (key: string) => props[`routerls.${key}`]?.default;
  assert.deepEqual(toServerSettings(defaults).settings, { yamahaModel: null, openwrtRelease: null, ruleSeverity: {} });
});

test('an unknown severity is dropped and reported', () => {
  const { settings, problems } = toServerSettings(reader({ rules: { 'a/b': 'fatal', 'c/d': 3, 'e/f': 'hint' } }));
  assert.deepEqual(settings.ruleSeverity, { 'e/f': 'hint' });
  assert.equal(problems.length, 2);
  assert.match(problems[0].message, /routerls\.rules\["a\/b"\] is "fatal"; use one of error, warning, info, hint, off/);
});

test('rules that are not an object are reported', () => {
  const { settings, problems } = toServerSettings(reader({ rules: ['x'] }));
  assert.deepEqual(settings.ruleSeverity, {});
  assert.match(problems[0].message, /must be an object/);
});

test('server jar: bundled by default, relative paths against the workspace', () => {
  assert.equal(serverJarPath('', '/ext'), path.join('/ext', 'server', 'routerls.jar'));
  assert.equal(serverJarPath(undefined, '/ext'), path.join('/ext', 'server', 'routerls.jar'));
  assert.equal(serverJarPath('/x/routerls.jar', '/ext', '/ws'), '/x/routerls.jar');
  assert.equal(serverJarPath('server/target/routerls.jar', '/ext', '/ws'), path.join('/ws', 'server/target/routerls.jar'));
  assert.deepEqual(serverCommand('/usr/bin/java', '/ext/server/routerls.jar'), {
    command: '/usr/bin/java',
    args: ['-jar', '/ext/server/routerls.jar', 'lsp'],
  });
});

test('package.json contributes exactly the server languages, each with a grammar and activation', () => {
  const ids = manifest.contributes.languages.map((l: { id: string }) => l.id);
  assert.deepEqual(ids, [...LANGUAGE_IDS]);
  for (const id of LANGUAGE_IDS) {
    assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
    const g = manifest.contributes.grammars.find((x: { language?: string }) => x.language === id);
    assert.ok(g && fs.existsSync(path.join(root, g.path)), `grammar for ${id}`);
  }
  for (const l of manifest.contributes.languages) assert.ok(fs.existsSync(path.join(root, l.configuration)), l.configuration);
});

test('every setting the code reads is declared, and restart keys exist', () => {
  const props = Object.keys(manifest.contributes.configuration.properties);
  for (const key of ['yamaha.model', 'openwrt.release', 'rules', 'java.home', 'server.jar', 'trace.server']) {
    assert.ok(props.includes(`routerls.${key}`), key);
  }
  for (const key of RESTART_KEYS) assert.ok(props.includes(key), key);
});

test('firstLine pattern recognises show config headers and nothing else', () => {
  const yamaha = manifest.contributes.languages.find((l: { id: string }) => l.id === 'yamaha-rtx');
  const re = new RegExp(yamaha.firstLine);
  assert.ok(re.test('# NVR510 Rev.15.01.24 (Tue Jul  4 10:12:33 2023)'));
  assert.ok(re.test('# RTX1210 Rev.14.01.38 (Fri Nov 18 10:00:00 2022)'));
  assert.ok(re.test('#\tRT57i Rev.8.00.95 (Thu Apr 21 12:07:46 2011)'));
  assert.ok(re.test('# RTX830 Rev.15.02.30 (Mon Jan 15 09:00:00 2024)'));
  assert.ok(!re.test('# RTX1210 configuration notes'));
  assert.ok(!re.test("config interface 'lan'"));
  assert.ok(!re.test('#!/bin/sh'));
});
