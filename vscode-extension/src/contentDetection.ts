// Recognises YAMAHA configs and OpenWrt UCI files by their content, whatever their file name: routers'
// configs are saved as config.txt (TFTP), router.conf or with no extension, and VS Code then opens them
// as Plain Text, Ini or Properties. Pure: the extension feeds it the document's first lines.
import { CommandHeads, yamahaCommandHeads } from './commandHeads';

export type DetectedLanguage = 'yamaha-rtx' | 'openwrt-uci';

/** The language modes a router config is mistaken for; documents in any other mode are left alone. */
export const CLAIMABLE_LANGUAGES: readonly string[] = ['plaintext', 'ini', 'properties'];

/** How many lines are read: enough for a header and a few dozen commands, cheap on a big file. */
export const SAMPLE_LINES = 80;

/** A `show config` header such as `# RTX1210 Rev.14.01.38 (Fri Nov 18 10:00:00 2022)`. */
const SHOW_CONFIG_HEADER = /^#[ \t]*(?:RTX|NVR|RT\d|FWX|SRT|vRX)\S*[ \t].*\bRev\.\d+\.\d+/;

/** YAMAHA commands needed, and the share of command lines they must be, without a header. */
const MIN_YAMAHA_LINES = 3;
const MIN_YAMAHA_SHARE = 0.8;
const MIN_UCI_SHARE = 0.9;

/** Why a text was (or was not) claimed, for the log and the tests. */
export interface Detection {
  language: DetectedLanguage | undefined;
  reason: string;
}

function words(line: string): string[] {
  return line.trim().split(/\s+/);
}

/** Whether a line's first words are a command of the reference (a leading `no` allowed). */
export function isYamahaCommand(line: string, heads: CommandHeads = yamahaCommandHeads()): boolean {
  let w = words(line);
  if (w[0] === 'no') w = w.slice(1);
  const first = w[0]?.toLowerCase();
  if (!first || first.includes('=')) return false;
  const seconds = heads[first];
  if (!seconds) return false;
  const second = w[1];
  if (second === undefined) return seconds.includes('');
  // `key = value` and `key: value` are ini/properties assignments, never YAMAHA syntax
  if (second === '=' || second.startsWith(':')) return false;
  return seconds.includes(second.toLowerCase()) || seconds.includes('*');
}

const UCI_KEYWORDS = new Set(['config', 'option', 'list', 'package']);

/** The first lines of a text, without line ends. */
export function sampleLines(text: string, max = SAMPLE_LINES): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < max && start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push(text.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return out;
}

/**
 * The language the lines are written in, if they are a router config: a YAMAHA `show config` header in
 * the first three lines; or at least three YAMAHA commands making up 80% of the command lines; or UCI
 * (`package`/`config` first, then 90% `config`/`option`/`list`). An ini `[section]` line or an
 * `=`-assignment majority keeps the text what it is.
 */
export function detectLanguage(lines: string[], heads: CommandHeads = yamahaCommandHeads()): Detection {
  const firstThree = lines.filter((l) => l.trim() !== '').slice(0, 3);
  if (firstThree.some((l) => SHOW_CONFIG_HEADER.test(l.trim()))) {
    return { language: 'yamaha-rtx', reason: 'show config header' };
  }
  let commandLines = 0, yamaha = 0, uci = 0;
  let firstUciWord: string | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (/^\[[^\]]*\]$/.test(line)) return { language: undefined, reason: 'ini section header' };
    commandLines++;
    if (isYamahaCommand(line, heads)) yamaha++;
    const w = words(line)[0];
    if (UCI_KEYWORDS.has(w)) {
      uci++;
      firstUciWord ??= commandLines === 1 ? w : '';
    }
  }
  if (commandLines === 0) return { language: undefined, reason: 'no command lines' };
  if ((firstUciWord === 'config' || firstUciWord === 'package') && uci / commandLines >= MIN_UCI_SHARE) {
    return { language: 'openwrt-uci', reason: `${uci} of ${commandLines} lines are UCI statements` };
  }
  if (yamaha >= MIN_YAMAHA_LINES && yamaha / commandLines >= MIN_YAMAHA_SHARE) {
    return { language: 'yamaha-rtx', reason: `${yamaha} of ${commandLines} lines are YAMAHA commands` };
  }
  return { language: undefined, reason: `${yamaha} YAMAHA and ${uci} UCI lines of ${commandLines}` };
}

/** Whether a document in this language mode may be switched (or any mode, under a folder the user marked). */
export function isClaimable(languageId: string, inMarkedFolder: boolean): boolean {
  return inMarkedFolder || CLAIMABLE_LANGUAGES.includes(languageId);
}
