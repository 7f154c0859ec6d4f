/**
 * IPv4 and IPv6 parsing to canonical text (RFC 5952 for IPv6), and the
 * CIDR keys an address falls in, so `10.1.2.3` finds a record naming `10.0.0.0/8`.
 */

/** Canonical IPv4 text, or `undefined` when `text` is not a dotted quad. */
export function parseIpv4(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out.join('.');
}

/** The eight 16-bit groups of an IPv6 address (embedded IPv4 allowed), or `undefined`. */
export function ipv6Groups(text: string): number[] | undefined {
  if (text.length > 45 || !/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const groups: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) groups.push(parseInt(piece, 16));
      else return undefined;
    }
    return groups;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  if (fill < 1) return undefined;
  return [...head, ...new Array<number>(fill).fill(0), ...tail];
}

/** RFC 5952 text of eight groups: lower case, longest zero run (≥ 2) as `::`. */
export function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical IPv6 text, or `undefined`. */
export function parseIpv6(text: string): string | undefined {
  const groups = ipv6Groups(text);
  return groups ? formatIpv6(groups) : undefined;
}

/** Canonical CIDR (`net/len`, host bits cleared) of an IPv4 or IPv6 prefix, or `undefined`. */
export function parseCidr(text: string): string | undefined {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return undefined;
  const length = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(length)) return undefined;
  const bits = Number(length);
  const address = text.slice(0, slash);
  const v4 = parseIpv4(address);
  if (v4) return bits <= 32 ? `${maskIpv4(v4, bits)}/${bits}` : undefined;
  const v6 = ipv6Groups(address);
  if (v6 && bits <= 128) return `${formatIpv6(maskIpv6(v6, bits))}/${bits}`;
  return undefined;
}

function maskIpv4(ip: string, bits: number): string {
  const n = ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const masked = bits === 0 ? 0 : Math.floor(n / 2 ** (32 - bits)) * 2 ** (32 - bits);
  return [24, 16, 8, 0].map((shift) => Math.floor(masked / 2 ** shift) % 256).join('.');
}

function maskIpv6(groups: number[], bits: number): number[] {
  return groups.map((group, i) => {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    return keep === 16 ? group : keep === 0 ? 0 : group & (0xffff << (16 - keep)) & 0xffff;
  });
}

/** The CIDR texts (`/8` to `/32`) that contain an IPv4 address: candidate keys for "in this network". */
export function containingCidrs(ip: string): string[] {
  const out: string[] = [];
  for (let bits = 8; bits <= 32; bits++) out.push(`${maskIpv4(ip, bits)}/${bits}`);
  return out;
}
