// The status-bar item's words and the `.routerls.json` edit behind "choose another model / release".
// Pure: the extension asks the server (`routerls/analysisTarget`) and writes the file.

/** The reply of the server's `routerls/analysisTarget` request (null fields left out). */
export interface AnalysisTarget {
  language: string;
  platform: 'yamaha' | 'openwrt';
  model?: string | null;
  revision?: string | null;
  release?: string | null;
  firewall?: string | null;
  /** setting: the user chose it; file: the config header or etc/openwrt_release said it; none: unknown */
  origin: 'setting' | 'file' | 'none';
  choices: string[];
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

const ICONS: Record<ServerState, string> = {
  starting: '$(sync~spin)',
  running: '$(check)',
  stopped: '$(circle-slash)',
  failed: '$(error)',
};

/** What the target is, in a few words: "RTX830 Rev.15.02.30", "OpenWrt 23.05 (fw4)". */
export function targetLabel(t: AnalysisTarget): string {
  if (t.platform === 'yamaha') {
    if (!t.model) return 'model unknown';
    return t.revision ? `${t.model} Rev.${t.revision}` : t.model;
  }
  if (!t.release) return 'OpenWrt release unknown';
  return `OpenWrt ${t.release}${t.firewall ? ` (${t.firewall})` : ''}`;
}

function originText(t: AnalysisTarget): string {
  if (t.origin === 'setting') return 'chosen in the settings (.routerls.json or routerls.* settings)';
  if (t.origin === 'file') return t.platform === 'yamaha' ? "read from the config's show config header" : 'read from etc/openwrt_release';
  return t.platform === 'yamaha'
    ? 'no header names the model: model-specific checks are off'
    : 'no etc/openwrt_release beside the config: release-specific checks are off';
}

/** The status-bar text and tooltip for the server state and the active document's target. */
export function statusText(state: ServerState, target: AnalysisTarget | undefined, detail?: string): { text: string; tooltip: string } {
  const icon = ICONS[state];
  if (state !== 'running' || !target) {
    const words: Record<ServerState, string> = {
      starting: 'the language server is starting',
      running: 'the language server is running',
      stopped: 'the language server is stopped',
      failed: 'the language server could not start',
    };
    return { text: `${icon} routerls`, tooltip: `routerls: ${words[state]}${detail ? ` (${detail})` : ''}. Click for the log.` };
  }
  const what = target.platform === 'yamaha' ? 'model' : 'OpenWrt release';
  return {
    text: `${icon} routerls: ${targetLabel(target)}`,
    tooltip: `Checked as ${targetLabel(target)}, ${originText(target)}. Click to choose another ${what}.`,
  };
}

/** The `.routerls.json` key for the platform's choice; an existing `model` key is kept for YAMAHA. */
export function settingsKey(platform: AnalysisTarget['platform'], existing: Record<string, unknown>): string {
  if (platform === 'openwrt') return 'openwrtRelease';
  return 'model' in existing && !('yamahaModel' in existing) ? 'model' : 'yamahaModel';
}

export class SettingsFileError extends Error {}

/**
 * The new text of `.routerls.json` with the model or release set (null: removed, so the config's own
 * header or openwrt_release decides again). Other keys stay as they were. A file that is not a JSON
 * object is not overwritten: the user's text is never lost.
 */
export function withTarget(existingText: string | undefined, platform: AnalysisTarget['platform'], value: string | null): string {
  let obj: Record<string, unknown> = {};
  if (existingText !== undefined && existingText.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existingText);
    } catch (e) {
      throw new SettingsFileError(`.routerls.json is not valid JSON (${(e as Error).message}); correct it first, nothing was changed`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new SettingsFileError('.routerls.json does not hold a JSON object; correct it first, nothing was changed');
    }
    obj = parsed as Record<string, unknown>;
  }
  const key = settingsKey(platform, obj);
  if (value === null) delete obj[key];
  else obj[key] = value;
  return JSON.stringify(obj, null, 2) + '\n';
}
