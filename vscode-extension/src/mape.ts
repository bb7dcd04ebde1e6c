// The "Compute MAP-E for a prefix…" command's logic: the routerls CLI command lines, reading its JSON,
// the text shown in the read-only editor, and what to tell the user when the server jar cannot make a
// block. Pure: running the process is the caller's business (see cliRunner.ts).

/** One line of `routerls mape --format json`. */
export interface MapeResult {
  prefix: string;
  isp?: string | null;
  br?: string | null;
  ip6prefix: string;
  ip4prefix: string;
  ealen: number;
  psidlen: number;
  offset: number;
  ipv4: string;
  psid: number;
  ranges: string[];
  ce: string;
}

export interface SnatTarget {
  /** the value of `--snat` */
  id: string;
  label: string;
  detail: string;
  /** whether the block names the tunnel device (`--device map-<interface>`) */
  needsDevice: boolean;
}

export const SNAT_TARGETS: readonly SnatTarget[] = [
  { id: 'iptables', label: 'iptables', detail: 'OpenWrt fw3: a block for /etc/firewall.user', needsDevice: true },
  { id: 'nft', label: 'nftables', detail: 'OpenWrt fw4: a file for /etc/nftables.d/', needsDevice: true },
  { id: 'yamaha', label: 'YAMAHA RTX', detail: 'tunnel and NAT descriptor commands', needsDevice: false },
  { id: 'uci', label: 'OpenWrt UCI', detail: 'the map interface for /etc/config/network', needsDevice: true },
];

/** The tunnel device of OpenWrt's map protocol for an interface named wan_map (map-<interface>). */
export const DEFAULT_DEVICE = 'map-wan_map';

const PREFIX = /^[0-9A-Fa-f:]+\/\d{1,3}$/;

/** Why the input box's text is not a delegated IPv6 prefix, or undefined when it looks like one. */
export function prefixProblem(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return 'Enter the IPv6 prefix your provider delegated, e.g. 2404:7a80:1234:5600::/56';
  if (!PREFIX.test(t) || !t.includes(':')) return `"${t}" is not an IPv6 prefix such as 240b:10:a5cd:6800::/56`;
  const len = Number(t.slice(t.indexOf('/') + 1));
  if (len > 128) return `/${len} is longer than an IPv6 address`;
  return undefined;
}

/** Why a tunnel device name would be refused, or undefined (Linux names: at most 15 characters). */
export function deviceProblem(text: string): string | undefined {
  return /^[A-Za-z0-9_.-]{1,15}$/.test(text.trim()) ? undefined : 'a device name has at most 15 letters, digits, "_", "." or "-", e.g. map-wan_map';
}

export function mapeArgs(prefix: string): string[] {
  return ['mape', '--format', 'json', prefix.trim()];
}

export function snatArgs(target: SnatTarget, prefix: string, device?: string): string[] {
  const args = ['mape', '--snat', target.id];
  if (target.needsDevice) args.push('--device', (device ?? DEFAULT_DEVICE).trim());
  args.push(prefix.trim());
  return args;
}

/** The first result line of `mape --format json` (one JSON object per prefix). */
export function parseMapeJson(stdout: string): MapeResult {
  const line = stdout.split(/\r?\n/).find((l) => l.trim().startsWith('{'));
  if (!line) throw new Error(`routerls mape printed no result: ${stdout.trim() || '(nothing)'}`);
  const r = JSON.parse(line) as MapeResult;
  if (typeof r.ipv4 !== 'string' || typeof r.psid !== 'number' || !Array.isArray(r.ranges)) {
    throw new Error(`routerls mape printed an unexpected result: ${line}`);
  }
  return r;
}

/** The number of ports in ranges such as "5472-5487". */
export function portCount(ranges: string[]): number {
  return ranges.reduce((n, r) => {
    const [lo, hi] = r.split('-').map(Number);
    return n + (hi === undefined ? 1 : hi - lo + 1);
  }, 0);
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The text of the read-only editor. */
export function formatMape(r: MapeResult): string {
  const rule = `${r.isp ? `${r.isp} ` : ''}${r.ip6prefix} -> ${r.ip4prefix}  ealen ${r.ealen}  psidlen ${r.psidlen}  offset ${r.offset}`;
  const lines = [
    `MAP-E for ${r.prefix}`,
    '',
    `IPv4 address  ${r.ipv4}`,
    `PSID          ${r.psid} (0x${r.psid.toString(16)})`,
    `Ports         ${portCount(r.ranges)} in ${r.ranges.length} range${r.ranges.length === 1 ? '' : 's'}`,
    // five ranges a line, as they are written into a firewall rule or a YAMAHA command
    ...chunk(r.ranges, 5).map((xs) => `              ${xs.join(' ')}`),
    `CE address    ${r.ce}`,
    `Rule          ${rule}`,
  ];
  if (r.br) lines.push(`Border relay  ${r.br}`);
  lines.push('', 'Copy the SNAT rules for iptables, nftables, YAMAHA or UCI with the copy button of this editor',
    '(or "routerls: Copy MAP-E SNAT rules…").', '');
  return lines.join('\n');
}

/**
 * What to tell the user when `routerls mape --snat TARGET` failed: a jar that predates the target says
 * so on stderr ("--snat must be …"), which becomes "this server cannot make TARGET blocks yet".
 */
export function snatFailure(target: SnatTarget, stderr: string, exitCode: number | null): string {
  const said = stderr.trim().split(/\r?\n/).filter((l) => l.trim() !== '').slice(-3).join(' ');
  if (/--snat must be/.test(said) || /Invalid value for option '--snat'/.test(said)) {
    return `The routerls server in use cannot generate ${target.label} SNAT rules yet (it says: ${said}). ` +
      'Update the extension, or point "routerls.server.jar" at a newer routerls.jar.';
  }
  return `routerls could not generate ${target.label} SNAT rules (exit ${exitCode ?? 'signal'}): ${said || 'no message'}`;
}
