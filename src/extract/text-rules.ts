/**
 * Paragraph-level rules for the short lines that sit among article paragraphs without being
 * prose: photo credits and gallery controls, datelines, bylines, calls to subscribe or share,
 * "read more" teasers, a repeat of the headline. They are recognised by their text alone, in
 * several languages, and only when short, so a real paragraph that happens to start the same
 * way is kept.
 */

import { isAttributionLine } from '../core/credit.ts';
import { sameAddress } from '../core/url.ts';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

/** Month names (and common abbreviations) in English, French, German, Spanish, Portuguese, Italian. */
const MONTH =
  'jan(?:uary|vier|uar|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|z|zo|ço)?|m[äa]rz|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maio|maggio|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|juil(?:let)?|luglio|aug(?:ust)?|ao[uû]t|ago(?:sto)?|sep(?:t(?:ember|embre)?)?|set(?:embro|tembre)?|oct(?:ober|obre)?|okt(?:ober)?|out(?:ubro)?|ott(?:obre)?|nov(?:ember|embre|embro)?|dec(?:ember)?|d[ée]c(?:embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|enero|febrero|marzo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|settembre|ottobre|novembre|dicembre';

/** Date and time expressions: "Nov. 19, 2019", "19 November 2019", "2019-11-19", "11/19/19", "4:10 pm EST", "2 hours ago". */
const DATE_PARTS = new RegExp(
  [
    `\\b(?:${MONTH})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?`,
    `\\b\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?(?:${MONTH})\\.?,?(?:\\s+(?:de\\s+)?\\d{4})?`,
    `\\b(?:${MONTH})\\.?\\s+\\d{4}`,
    '\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}',
    '\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}',
    '\\b\\d{1,2}[:h.]\\d{2}(?::\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4}\\b)?',
    '\\b\\d{1,2}\\s*[ap]\\.?m\\.?(?:\\s*[A-Z]{2,4}\\b)?',
    '\\b\\d+\\s+(?:minutes?|hours?|days?|weeks?|months?|mins?|hrs?)\\s+ago\\b',
    '\\b(?:today|yesterday)\\b',
  ].join('|'),
  'giu',
);
const HAS_DATE = new RegExp(DATE_PARTS.source, 'iu');
/** What else a dateline may hold once its date is out: a lone year, a time-zone, separators. */
const YEAR = /\b(19|20)\d{2}\b/g;

/** Words that go with a date in a dateline, in several languages. */
const DATE_WORDS =
  /\b(?:published|updated|posted|last|modified|original|first|on|at|by|the|and|am|um|le|la|el|de|del|di|do|da|em|en|publi[ée]e?|mis|à|jour|ver[öo]ffentlicht|aktualisiert|publicado|actualizado|atualizado|pubblicato|aggiornato|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|segunda|ter[çc]a|quarta|quinta|sexta|feira|luned[ìi]|marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|utc|gmt|est|edt|cst|cdt|pst|pdt|ist|bst|cet|cest|et|pt|ct|hst|amt|às|alle|ore|um|uhr|h)\b/giu;

/** A line that is a date, optionally with "Published", "Updated", "By ...": a dateline, not prose. */
export function isDateline(text: string): boolean {
  const n = words(text).length;
  if (n > 24 || !HAS_DATE.test(text)) return false;
  const rest = text.replace(DATE_PARTS, ' ').replace(YEAR, ' ').replace(DATE_WORDS, ' ');
  const left = words(rest).length;
  // "Published 11:11 PM EST Nov 19, 2019" leaves nothing; "By Jane Doe | Nov. 19, 2019" leaves a name.
  if (left === 0) return true;
  return /^\s*(by|por|par|von|di|da)\s/i.test(text) && left <= 5;
}

/** "By Jane Doe", "By Jane Doe and John Roe, Associated Press": a byline line. */
export function isBylineLine(text: string): boolean {
  const t = text.trim();
  const n = words(t).length;
  if (n === 0 || n > 10) return false;
  if (/^(by|por|par|von)$/i.test(t)) return true;
  if (/[.!?]$/.test(t) && !/\b\p{Lu}\.$/u.test(t)) return false;
  return /^(?:[Bb]y|BY|[Pp]or|POR|[Pp]ar|PAR|[Vv]on|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Pp]rzez)\s+\p{Lu}/u.test(t);
}

/**
 * A line that opens with a photo credit: "Photo: Jane Doe, AP", "Image copyright Getty Images",
 * "© Jane Doe". A copyright line ("© 2024 CNBC LLC. All rights reserved.") is not one: it may credit a source.
 */
const CREDIT_OPENING =
  /^[([]?(photo|photograph|image|picture|pic|foto|bild|imagen|imagem|immagine|video|graphic|illustration|credit|crédit|crédito)s?( credits?| caption| copyright| by| via| courtesy( of)?)?\s*[:©|/]|^(image|photo|picture) (copyright|caption|courtesy)\b|^(photo|image|picture|foto) (by|de|von|di)\s|^©(?!.*\b(19|20)\d\d\b)(?!.*\b(rights|reserved|permission)\b)/iu;

const CREDIT_MEDIA_WORD = /\b(?:photo|foto|image|imagen|imagem|picture|pic|credit|crédit|crédito|bild)s?\b/iu;

/**
 * A caption that ends with its credit: "... (Image: GETTY)", "... (AP Photo/Alan Diaz, File)".
 * The closing parenthetical (no parentheses inside, only spaces after it) holds a media word and
 * then one of `:`, `/`, `©`; or "getty images"; or `©`. Found with `lastIndexOf`, in linear time:
 * the one regex it replaces (`\((?:[^()]*\bphoto…\b[^()]*[:/©][^()]*|[^()]*getty images[^()]*|[^()]*©[^()]*)\)\s*$`)
 * backtracked quadratically on an unclosed `(` followed by a long run of `©`.
 */
export function closingCredit(t: string): boolean {
  const end = t.trimEnd();
  if (!end.endsWith(')')) return false;
  const open = end.lastIndexOf('(', end.length - 2);
  if (open < 0) return false;
  const inner = end.slice(open + 1, -1);
  if (inner.includes(')')) return false;
  if (inner.includes('©') || /getty images/iu.test(inner)) return true;
  // The first media word has a separator after it whenever any media word has one.
  const media = CREDIT_MEDIA_WORD.exec(inner);
  return !!media && /[:/©]/.test(inner.slice(media.index + media[0].length));
}

/** A bare credit of a photo agency: "Natalie Naccache | Bloomberg | Getty Images", "Getty Images". */
const AGENCY_CREDIT =
  /(^|[/|,]\s*)(getty images|shutterstock|istock(photo)?|alamy|afp|reuters|associated press|ap|epa|dpa|bloomberg|corbis|pa( wire| images)?)\s*$/i;

/** Gallery and player controls, and notices that stand in for media. */
const MEDIA_CONTROL =
  /^((image|photo|picture|slide|bild|foto)\s*)?\d+\s*(of|\/|de|von|di|sur)\s*\/?\s*\d+$|^(caption|close|enlarge( this)? image|expand|hide caption|toggle caption|view gallery|view (all )?photos|launch gallery|play video|watch video|media playback is unsupported on your device|this slideshow requires javascript\.?)$/i;

/** True for a caption credit, a photo credit or a media control line. */
export function isMediaLine(text: string): boolean {
  const t = text.trim();
  const n = words(t).length;
  if (MEDIA_CONTROL.test(t)) return true;
  if (n <= 16 && CREDIT_OPENING.test(t)) return true;
  if (n <= 40 && closingCredit(t)) return true;
  return n <= 8 && AGENCY_CREDIT.test(t) && (/[/|,]/.test(t) || (AGENCY_CREDIT.test(`|${t}`) && n <= 3));
}

/** Teasers for other pages: "Read more: ...", "Related: ...", "SEE ALSO: ...", in several languages. */
const TEASER =
  /^\[?\s*(read more|read also|also read|read next|see more|see also|more|related( stories| articles| posts?| coverage| content| links?| reading)?|recommended( reading)?|watch|listen|don'?t miss|must read|more on this( story)?|more from [^:]{1,30}|also on [\p{L}\d-]+\.[\p{L}.]+(?=\s)|leia (também|mais)|veja (também|mais)|saiba mais|lea (también|más)|vea también|lire aussi|à lire aussi|voir aussi|lesen sie auch|mehr zum thema|siehe auch|leggi anche|vedi anche|читайте также|смотрите также|см\. также)\s*(:|-|–|—|\||»|>|\]|(?<=\.[\p{L}.]+)\s)/iu;

/** Prompts to subscribe, sign up, follow or share... */
const PROMPT =
  /\b(subscribe|sign up|signup|sign in|log in|register|newsletters?|follow (us|him|her|them|me)\b|follow \S+( \S+)? on (twitter|facebook|instagram|youtube|linkedin|x)\b|like us on|share (this|it)\b|join (us|our)\b|get (the )?(\S+ )*(app|newsletter)\b|download (our|the) app|inbox|abonnez|abonnieren|inscreva|suscr[ií]b|iscriviti|подпиш)/iu;

/** ...when the line speaks to the reader: an imperative, "you", "here", "our newsletter", a handle. */
const TO_READER =
  /^(subscribe|sign|follow|join|get|download|click|tap|like|share|register|want|stay|keep|never|don'?t|listen|watch|read|have a tip|email|contact|for (more|the latest)|to (get|receive|read)|be the first|support|become|enjoy|if you (enjoyed|like)|let our|inscreva|abonnez|abonnieren|iscriviti|suscr[ií]b)|\b(click here|our newsletters?|your inbox|sign up (here|now|today|for free)|@\w+)\b/iu;

/** Lines that are only a control or a label: "Comments", "Share", "Tags:", "Advertisement". */
const CONTROL =
  /^(comments?|\d+ comments?|leave a (comment|reply)|post (a )?comment.*|add (a )?comment|reply|show comments|load comments|tags?:?|filed under:?.*|categor(y|ies):?|share( this( article| story)?)?|share tweet( submit)?|tweet|email|print|pin|whatsapp|facebook|twitter|linkedin|reddit|copy link|advertisement|advert|sponsored( content)?|loading( content)?\.*|skip to( main)? content|continue reading( below)?|read more|view comments|order reprints|print article|text size)$/iu;

/** True for a short line that asks the reader to do something or points at another page. */
export function isPromptLine(text: string): boolean {
  const t = text.trim();
  const n = words(t).length;
  if (CONTROL.test(t)) return true;
  if (n <= 25 && TEASER.test(t)) return true;
  return n <= 40 && PROMPT.test(t) && TO_READER.test(t) && !/["“”«»]/.test(t);
}

/** Lower-cased words of a text, for comparing a line with the headline. */
const key = (s: string) => words(s.toLowerCase()).join(' ');

export interface ParagraphContext {
  title: string;
  /** The page's own addresses (URL, canonical, og:url): a line that is only one of them is not prose. */
  urls: readonly string[];
}

/** True for a line that repeats the headline or the page address. */
export function isHeadlineRepeat(text: string, ctx: ParagraphContext): boolean {
  const k = key(text);
  if (!k) return true;
  const title = key(ctx.title);
  if (title && (k === title || (title.length > 20 && title.startsWith(k) && k.length / title.length > 0.6))) return true;
  const t = text.trim();
  return /^https?:\/\/\S+$/.test(t) && ctx.urls.some((u) => sameAddress(u, t));
}

/** Headings of a list of other stories: "You may also like", "More from Sport", "Leia também". */
const LIST_HEADING =
  /^(you (may|might) (also )?(like|enjoy)|you may have missed|more (great )?(\S+ )?(stories|articles|news|posts|videos|from \S+( \S+)?)|related( stories| articles| posts| coverage| content| reading| news| videos)?|recommended( for you| stories| reading)?|trending( now| stories)?|most (popular|read|viewed|shared)|popular( now| stories| posts)?|latest( news| stories| posts)?|top stories|don'?t miss|read next|what to read next|also read|see also|further reading|leia também|veja também|mais lidas|not[ií]cias relacionadas|art[ií]culos relacionados|te puede interesar|lo m[aá]s le[ií]do|lire aussi|à lire aussi|sur le même sujet|lesen sie auch|mehr zum thema|meistgelesen|leggi anche|potrebbe interessarti|читайте также|похожие (статьи|новости)|популярное)[\s.:…!]*$/iu;

/** A line that reads like a headline in a list: short, and not a sentence ending in a full stop. */
const isListItem = (p: string) => words(p).length <= 18 && !/[.;]["”’)]?$/.test(p.trim());

/**
 * Drops the heading of a list of other stories and the run of headline-like lines after it.
 * The list itself must follow (two or more such lines), so a heading alone stays.
 */
function dropStoryLists(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    if (LIST_HEADING.test(paragraphs[i]!.trim())) {
      let j = i + 1;
      while (j < paragraphs.length && isListItem(paragraphs[j]!)) j++;
      if (j - i - 1 >= 2) {
        i = j - 1;
        continue;
      }
    }
    out.push(paragraphs[i]!);
  }
  return out;
}

/**
 * Drops non-prose lines from a list of paragraphs: captions and credits anywhere, datelines and
 * bylines, prompts, repeats of the headline or of the page address, lists of other stories.
 */
export function filterParagraphs(paragraphs: readonly string[], ctx: ParagraphContext): string[] {
  // A credit line ("Originally published by …", "Source: …") stays: it may credit the source.
  const drop = (p: string) => isMediaLine(p) || (!isAttributionLine(p) && (isHeadlineRepeat(p, ctx) || isDateline(p) || isBylineLine(p)));
  return dropStoryLists(paragraphs.filter((p) => !drop(p))).filter((p) => isAttributionLine(p) || !isPromptLine(p));
}
