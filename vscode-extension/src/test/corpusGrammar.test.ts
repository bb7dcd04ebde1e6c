// Runs the UCI and YAMAHA grammars over the real configs in ../shared/corpus: OpenWrt's own UCI files
// must not show a single token as invalid, and no line may make a grammar stall.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..');
const corpus = path.resolve(root, '..', '..', 'shared', 'corpus');
const grammars: Record<string, string> = {
  'source.openwrt-uci': 'syntaxes/openwrt-uci.tmLanguage.json',
  'source.yamaha-rtx': 'syntaxes/yamaha-rtx.tmLanguage.json',
  // the YAMAHA grammar embeds Lua; without it vscode-textmate would drop the embedded-file rule
  'source.lua': 'test/grammar/lua-stand-in.tmLanguage.json',
};

async function registry(): Promise<textmate.Registry> {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      const file = grammars[scope];
      return file ? textmate.parseRawGrammar(fs.readFileSync(path.join(root, file), 'utf8'), file) : null;
    },
  });
}

/** Each line of each file in dir that has a token scoped invalid.*, as "file:line: text". */
async function invalidLines(scope: string, dir: string): Promise<{ lines: number; invalid: string[] }> {
  const grammar = await (await registry()).loadGrammar(scope);
  assert.ok(grammar, scope);
  const invalid: string[] = [];
  let lines = 0;
  for (const name of fs.readdirSync(dir).sort()) {
    let state = textmate.INITIAL;
    fs.readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/).forEach((line, i) => {
      const r = grammar.tokenizeLine(line, state);
      assert.equal(r.stoppedEarly, false, `${name}:${i + 1} stopped early`);
      state = r.ruleStack;
      lines++;
      if (r.tokens.some((t) => t.scopes.some((s) => s.startsWith('invalid.')))) invalid.push(`${name}:${i + 1}: ${line}`);
    });
  }
  return { lines, invalid };
}

test('OpenWrt UCI corpus: no token is marked invalid', async (t) => {
  const dir = path.join(corpus, 'uci');
  if (!fs.existsSync(dir)) return t.skip(`no corpus at ${dir}`);
  const { lines, invalid } = await invalidLines('source.openwrt-uci', dir);
  assert.ok(lines > 1000, `read ${lines} lines`);
  assert.deepEqual(invalid, []);
});

test('the UCI grammar does mark a hyphenated option name invalid', async () => {
  const grammar = await (await registry()).loadGrammar('source.openwrt-uci');
  const r = grammar!.tokenizeLine("\toption bad-name '1'", textmate.INITIAL);
  assert.ok(r.tokens.some((t) => t.scopes.includes('invalid.illegal.name.openwrt-uci')));
});

test('YAMAHA corpus tokenizes completely', async (t) => {
  const dir = path.join(corpus, 'yamaha');
  if (!fs.existsSync(dir)) return t.skip(`no corpus at ${dir}`);
  const { lines, invalid } = await invalidLines('source.yamaha-rtx', dir);
  assert.ok(lines > 100, `read ${lines} lines`);
  assert.deepEqual(invalid, []);
});
