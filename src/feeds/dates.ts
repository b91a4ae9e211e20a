/**
 * Feed dates to ISO 8601 (UTC), without `Date.parse`, whose leniency differs between engines.
 * RSS uses RFC 822 dates (with every real-world slip: two-digit years, missing seconds or zone,
 * full month names, zone abbreviations); Atom, JSON Feed and Dublin Core use ISO 8601 / RFC 3339.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone abbreviations seen in feeds, as minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180, IST: 330,
  JST: 540, AEST: 600, AEDT: 660, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
};

/** A feed date (RFC 822 or ISO 8601) as an ISO string, or undefined when it is missing or unreadable. */
export function parseFeedDate(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s || s.length > 100) return undefined;
  return parseIsoDate(s) ?? parseRfc822Date(s);
}

/** ISO 8601 / RFC 3339: `2025-10-22`, `2025-10-22T06:47:32.5+02:00`, `2025-10-22 06:47Z`, `...+0200`. No zone means UTC. */
export function parseIsoDate(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return build(+y!, +mo!, +d!, +h, +mi, +sec, ms, zone ? zoneOffset(zone) : 0);
}

/** RFC 822 / 1123: `Wed, 22 Oct 2025 06:47:32 GMT`, `22 October 25 6:47 +0000`, `Wed, 22 Oct 2025 06:47:32 EST`. */
export function parseRfc822Date(s: string): string | undefined {
  const m = /^(?:[A-Za-z]+,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,})\.?[\s-]+(\d{2,4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([A-Za-z]{1,5}|[+-]\d{2}:?\d{2}))?\s*(?:\([^)]*\))?$/.exec(
    s.trim().replace(/\s+/g, ' '),
  );
  if (!m) return undefined;
  const [, d, monthName, yRaw, h, mi, sec = '0', zone] = m;
  const month = MONTHS[monthName!.slice(0, 3).toLowerCase()];
  if (!month) return undefined;
  let year = +yRaw!;
  if (yRaw!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (yRaw!.length === 3) year += 1900;
  const offset = zone ? zoneOffset(zone) : 0;
  if (offset === undefined) return undefined;
  return build(year, month, +d!, +h!, +mi!, +sec, 0, offset);
}

/** Minutes east of UTC for `Z`, `+05:30`, `-0800`, `+02`, or a known abbreviation; undefined if unknown. */
function zoneOffset(zone: string): number | undefined {
  const z = zone.toUpperCase();
  if (z in ZONES) return ZONES[z];
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (!m) return /^[A-Z]$/.test(z) ? 0 : undefined; // military zones: read as UTC, as RFC 2822 advises
  const minutes = +m[2]! * 60 + +(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | undefined): string | undefined {
  if (offset === undefined || y < 1970 || y > 2200 || mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 60) return undefined;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000;
  return Number.isFinite(t) ? new Date(t).toISOString() : undefined;
}
