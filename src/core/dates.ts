/**
 * Reads the dates pages and feeds write, the same way in every JavaScript engine. `Date.parse` is
 * only specified for ISO 8601 with a time zone; for anything else engines differ, and a time without
 * a zone would be read in the reader's own zone. So this parses the common forms itself (ISO 8601,
 * RFC 822 with its real-world slips, "November 19, 2019", "2019/11/19") and reads a time without a
 * zone as UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Time-zone abbreviations seen in datelines and feeds, as hours from UTC ("ET"/"PT": standard time). */
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  ut: 0,
  wet: 0,
  est: -5,
  edt: -4,
  et: -5,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  pt: -8,
  akst: -9,
  akdt: -8,
  hst: -10,
  bst: 1,
  cet: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  msk: 3,
  ist: 5.5,
  jst: 9,
  aest: 10,
  aedt: 11,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?$/i;
/** "Tue, 19 Nov 2019 08:00:00 GMT", "19 November 2019", "19 Nov 2019 10:07 +0100", RFC 822's "19 Nov 19". */
const DAY_MONTH =
  /^(?:[a-z]+,?\s*)?(\d{1,2})(?:st|nd|rd|th)?\.?[\s-]+([a-z]+)\.?,?[\s-]+(\d{4}|\d{2})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;
/** "November 19, 2019", "Nov. 19, 2019 10:07 AM EST", "Tuesday, November 19, 2019 at 4:10 pm". */
const MONTH_DAY =
  /^(?:[a-z]+,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*([a-z]{1,5}|[+-]\d{2}:?\d{2})?$/i;
/** "2019/11/19", "2019/11/19 10:07". */
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Longest text read as a date, before whitespace is collapsed and a trailing comment dropped. */
const MAX_INPUT = 1_000;

/** A date string as an ISO instant (UTC), or undefined when it is no date of 1990–2100. */
export function parseDate(value: string | null | undefined): string | undefined {
  // No date is this long; the bound comes before any regex (the comment's below is quadratic on "((((…").
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > MAX_INPUT) return undefined;
  // A trailing "(PST)" comment, as RFC 822 allows, says nothing the zone does not.
  const s = trimmed.replace(/\s+/g, ' ').replace(/\s*\([^)]*\)$/, '');
  if (!s || s.length > 100) return undefined;
  let ms: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(s))) {
    const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    ms = utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) + Math.floor(fraction) - offsetMs(m[8]);
  } else if ((m = DAY_MONTH.exec(s)) && MONTHS[m[2]!.toLowerCase()]) {
    ms = utc(fullYear(m[3]!), MONTHS[m[2]!.toLowerCase()]!, +m[1]!, hour(m[4], m[7]), +(m[5] ?? 0), +(m[6] ?? 0)) - offsetMs(m[8]);
  } else if ((m = MONTH_DAY.exec(s)) && MONTHS[m[1]!.toLowerCase()]) {
    ms = utc(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!, hour(m[4], m[7]), +(m[5] ?? 0), +(m[6] ?? 0)) - offsetMs(m[8]);
  } else if ((m = SLASHED.exec(s))) {
    ms = utc(+m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  }
  if (ms === undefined || !Number.isFinite(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1990 && year <= 2100 ? new Date(ms).toISOString() : undefined;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return NaN;
  const t = Date.UTC(y, mo - 1, d, h, mi, s);
  // Reject 31 February and the like, which Date.UTC would roll over.
  return new Date(t).getUTCDate() === d ? t : NaN;
}

/** RFC 822's two-digit years: 00–49 are 20xx, 50–99 are 19xx. */
function fullYear(y: string): number {
  const n = +y;
  return y.length === 2 ? n + (n < 50 ? 2000 : 1900) : n;
}

function hour(h: string | undefined, meridiem: string | undefined): number {
  let n = +(h ?? 0);
  const pm = meridiem?.toLowerCase().startsWith('p');
  if (meridiem && n === 12) n = 0;
  return pm ? n + 12 : n;
}

/** The widest offsets in use: UTC−12:00 (Baker Island) to UTC+14:00 (Line Islands). */
const MAX_OFFSET_MINUTES = { west: 12 * 60, east: 14 * 60 };

/**
 * "+05:30", "-0800", "+02", "Z", "EST" as milliseconds east of UTC; none, or a one-letter military
 * zone, is UTC (as RFC 2822 advises); an unknown abbreviation, or an offset no zone has ("+99:99",
 * minutes over 59, beyond −12:00 or +14:00), makes the date unreadable (NaN).
 */
function offsetMs(zone: string | undefined): number {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (m) {
    const minutes = +m[2]! * 60 + +(m[3] ?? 0);
    const west = m[1] === '-';
    if (+(m[3] ?? 0) > 59 || minutes > (west ? MAX_OFFSET_MINUTES.west : MAX_OFFSET_MINUTES.east)) return NaN;
    return (west ? -1 : 1) * minutes * 60_000;
  }
  if (/^[a-z]$/i.test(zone)) return 0;
  const hours = ZONES[zone.toLowerCase()];
  return hours === undefined ? NaN : hours * 3_600_000;
}
