// The first two words of every YAMAHA command, taken from the command reference the server checks
// against (server/src/main/resources/dev/routerls/yamaha/command-catalog.json). Content detection uses
// them to tell a YAMAHA config saved as .conf or .txt from any other text. The table is committed as
// data/yamaha-command-heads.json (the catalog is not inside the extension); a unit test regenerates it
// from the catalog and fails when the two drift (`npm run update:heads` rewrites it).
import * as fs from 'fs';
import * as path from 'path';

/** First word → the second words its forms allow; "*" when a form has a parameter there, "" when it ends. */
export type CommandHeads = Record<string, string[]>;

const LITERAL = /^[a-z0-9][a-z0-9.-]*$/i;

/** The heads of the catalog's command forms (and their `no` forms). */
export function commandHeads(catalog: { commands: { forms?: string[]; noForms?: string[] }[] }): CommandHeads {
  const heads = new Map<string, Set<string>>();
  for (const c of catalog.commands) {
    for (const form of [...(c.forms ?? []), ...(c.noForms ?? [])]) {
      const words = form.trim().split(/\s+/);
      let i = words[0] === 'no' ? 1 : 0;
      const first = words[i]?.toLowerCase();
      if (!first || !LITERAL.test(first)) continue;
      const second = words[i + 1];
      const entry = heads.get(first) ?? new Set<string>();
      heads.set(first, entry);
      entry.add(second === undefined ? '' : LITERAL.test(second) ? second.toLowerCase() : '*');
    }
  }
  const out: CommandHeads = {};
  for (const first of [...heads.keys()].sort()) out[first] = [...heads.get(first)!].sort();
  return out;
}

export const HEADS_FILE = path.join(__dirname, '..', 'data', 'yamaha-command-heads.json');
export const CATALOG_FILE = path.join(__dirname, '..', '..', 'server', 'src', 'main', 'resources', 'dev', 'routerls', 'yamaha', 'command-catalog.json');

let loaded: CommandHeads | undefined;

/** The committed table (read once). */
export function yamahaCommandHeads(): CommandHeads {
  loaded ??= JSON.parse(fs.readFileSync(HEADS_FILE, 'utf8')) as CommandHeads;
  return loaded;
}

/** Rewrites the committed table from the catalog (npm run update:heads). */
export function writeHeads(): void {
  const heads = commandHeads(JSON.parse(fs.readFileSync(CATALOG_FILE, 'utf8')));
  fs.writeFileSync(HEADS_FILE, JSON.stringify(heads, null, 0).replace(/\],"/g, '],\n"') + '\n');
}
