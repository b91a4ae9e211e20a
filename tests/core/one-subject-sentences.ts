/**
 * An original of sentences each on its own subject, and a retelling of any one of them, so that each
 * page sentence made with `retell` aligns with exactly one of the original's (tests of order and pace).
 */
export const SUBJECTS = [
  'harbour budget councillors approved',
  'breakwater repairs delayed spring',
  'fishermen moorings ferry terminal',
  'tourism office brochures printed',
  'lighthouse keeper retired pension',
  'lifeboat crew rescued swimmers',
  'seafood festival postponed storms',
  'marina berths doubled yachts',
  'customs inspectors seized cigarettes',
  'dredging contract awarded engineers',
  'cruise liner visits cancelled',
  'coastguard radio upgraded satellites',
  'harbourmaster resigned suddenly',
  'warehouse converted museum exhibits',
  'pollution sensors installed buoys',
  'regatta trophy stolen clubhouse',
];

/** The original: its first `n` subjects, one sentence each. */
export const originalOf = (n: number) => SUBJECTS.slice(0, n).map((s) => `The ${s} according to the council report published yesterday.`);

/** The original's sentence `j` retold in other words and order. */
export const retell = (j: number) => `Reports said the ${SUBJECTS[j]!.split(' ').reverse().join(' ')} this week.`;

/** A sentence of the writer's own, the `k`th (each distinct). */
export const own = (k: number) => `Residents number ${k} spoke about something else entirely at the meeting.`;
