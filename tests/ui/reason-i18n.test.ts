// @vitest-environment happy-dom
// Issue 13: a verdict's reason in the reader's language. The core says why beside its English
// (`reasonMessage`, a message of public/_locales with the same figures); the popup shows it in the
// browser's language, and the English reason where a verdict (stored by an older version) has none.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Alignment } from '../../src/core/align.ts';
import { localizedRef, type MessageRef } from '../../src/core/messages.ts';
import { isVerdict } from '../../src/core/verdict-shape.ts';
import { describeDerivation, describeNotDerived, type DisputedVerdict, type Verdict } from '../../src/core/verdict.ts';
import { asTabVerdict, getTabVerdict, saveTabVerdict, type TabVerdict } from '../../src/ext/tab-verdicts.ts';
import { LibraryIndex } from '../../src/library/library-index.ts';
import { checkPage } from '../../src/library/match.ts';
import { appearanceTimes } from '../../src/library/provenance.ts';
import type { LookupProgress } from '../../src/lookup/progress.ts';
import { useMessages } from '../../src/ui/i18n.ts';
import { lookupDetails, lookupHeadline } from '../../src/ui/lookup-status.ts';
import { reasonText, renderPopup } from '../../src/ui/popup-view.ts';
import { splitSentences } from '../../src/core/sentences.ts';
import { libraryArticle, pageToCheck, seedRewriteBody, seedText } from '../helpers.ts';
import { de, en, englishTexts, expectGerman, getMessageFrom, visible } from '../locales.ts';
import { lookupProgress } from './popup-fixtures.ts';

const CNBC = 'https://www.cnbc.com/2025/10/22/russia-trump-putin-summit-hungary-budapest-ukraine-war.html';
const FARM = 'https://www.buyersinsight.net/russia-was-happy-with-the-trump-putin-negotiations-now-moscow-is-worried/';

function seed() {
  const original = seedText('original-cnbc');
  const body = seedRewriteBody();
  const index = new LibraryIndex();
  index.add(libraryArticle('cnbc', CNBC, original, { siteName: 'CNBC', published: '2025-10-22T06:47:32Z' }));
  return { original, rewrite: body, index };
}

const record = (verdict: Verdict): TabVerdict => ({ url: FARM, title: 'Moscow is worried', checkedAt: '2025-10-22T16:00:00Z', librarySize: 1, verdict });

const render = (r: TabVerdict) => {
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  renderPopup(root, r);
  return root;
};

/** The English reason as the popup showed it before there were messages ("This page retells…."). */
const englishSentence = (reason: string) => reasonText({ reason })!;

describe('verdict reasons in the German locale', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => useMessages(undefined));

  it('the seed rewrite: the popup says why in German, with the figures of the English reason', () => {
    const { rewrite, index } = seed();
    const { verdict } = checkPage(pageToCheck(FARM, rewrite, { published: '2025-10-22T15:10:00Z' }), index);
    expect(verdict.kind).toBe('uncredited-rewrite');
    const [, chained, of] = /(\d+) of its (\d+) sentences/.exec(verdict.reason!)!;
    // The English reason is unchanged; the message says the same in English.
    expect(verdict.reason).toMatch(/^retells CNBC's article in its order: \d+ of its \d+ sentences follow the original's, 13 of them word for word or nearly$/);
    expect(verdict.reasonMessage).toEqual({ key: 'reasonRetellsVerbatim', args: ['CNBC', chained, of, '13'] });
    expect(render(record(verdict)).querySelector('.reason')!.textContent).toBe(englishSentence(verdict.reason!));

    useMessages(getMessageFrom(de));
    const root = render(record(verdict));
    const reason = root.querySelector('.reason')!.textContent!;
    expect(reason).toBe(
      `Diese Seite gibt den Artikel von CNBC in dessen Reihenfolge wieder: ${chained} ihrer ${of} Sätze folgen denen des Originals, 13 davon wörtlich oder fast wörtlich.`,
    );
    expectGerman(reason);
    // The popup around it is German too (the evidence quotes the articles, in English: left out).
    root.querySelector('details.evidence')!.remove();
    expectGerman(visible(root));
  });

  it('nothing derives: the closest article is named with why it is not the source, in German', () => {
    const { original, index } = seed();
    const words = (t: string) => t.split(' ').length;
    const two = splitSentences(original)
      .filter((t) => words(t) >= 12 && words(t) <= 20 && !/["“”]/.test(t))
      .slice(0, 2);
    const own = [
      'The county board met on Tuesday evening to hear from residents about the plan for the old mill site.',
      'Several speakers asked for more parking near the river trail and for a crossing at Elm Street.',
      'The chair said a vote would come after the engineers report back in the spring.',
      'Local shop owners were divided on whether the project would bring more customers downtown.',
      'One resident, a retired teacher, said she had walked the trail every morning for twenty years.',
    ];
    const { verdict } = checkPage(pageToCheck(FARM, [own[0], two[0], own[1], own[2], two[1], own[3], own[4]].join('\n')), index);
    expect(verdict.kind).toBe('none');
    expect(verdict.reason).toMatch(/^2 of its sentences match CNBC's article word for word or nearly \(\d+ words\): too little for a copy/);
    expect(verdict.reasonMessage?.key).toMatch(/^reasonTooLittleCopied(More)?$/);
    const words$ = /\((\d+) words\)/.exec(verdict.reason!)![1];

    useMessages(getMessageFrom(de));
    const reason = render(record(verdict)).querySelector('.reason')!.textContent!;
    expect(reason).toMatch(
      new RegExp(`^2 Sätze dieser Seite stimmen wörtlich oder fast wörtlich mit dem Artikel von CNBC überein \\(${words$} Wörter\\): zu wenig für eine Kopie`),
    );
    expectGerman(reason);
  });

  it('a page with nothing in common, and a trusted site, are said in German too', () => {
    const { rewrite, index } = seed();
    useMessages(getMessageFrom(de));
    const nothing = checkPage(pageToCheck(FARM, 'The harvest in the valley was early this year. Farmers sold apples at the market.'), index).verdict;
    expect(nothing).toMatchObject({
      kind: 'none',
      reason: 'no article in the library shares its sentences',
      reasonMessage: { key: 'reasonNoMatch', args: [] },
    });
    expect(reasonText(nothing)).toBe('Kein Artikel in der Bibliothek teilt Sätze mit dieser Seite.');

    const trusted = checkPage({ ...pageToCheck(FARM, rewrite), corrections: { notFrom: new Set(), trustedSite: true } }, index).verdict;
    expect(trusted.kind).toBe('none');
    expect(trusted.reason).toMatch(/^you marked buyersinsight\.net as trusted, so its articles are never flagged \(retells CNBC's article/);
    const text = reasonText(trusted)!;
    expect(text).toMatch(
      /^Sie vertrauen buyersinsight\.net: Seine Artikel werden nie markiert\. Diese Seite gibt den Artikel von CNBC in dessen Reihenfolge wieder: /,
    );
    expectGerman(text);
    useMessages(undefined);
    expect(reasonText(trusted)).toMatch(
      /^You marked buyersinsight\.net as trusted, so its articles are never flagged\. This page retells CNBC's article in its order: /,
    );
  });

  it('a page reached through a copy, and a disputed pair, are explained in German', () => {
    useMessages(getMessageFrom(de));
    const through: MessageRef = { key: 'reasonThroughCopy', args: [{ key: 'reasonCopiesRun', args: ['Buyers Insight', '4'] }, 'CNBC'] };
    const text = reasonText({ reason: 'English', reasonMessage: through })!;
    expect(text).toBe(
      'Diese Seite übernimmt 4 Sätze von Buyers Insight wörtlich oder fast wörtlich, einen nach dem anderen. Jener Artikel ist selbst eine Kopie ohne Quellenangabe des früher erschienenen Artikels von CNBC.',
    );
    expectGerman(text);

    const { rewrite, index } = seed();
    const derived = checkPage(pageToCheck(FARM, rewrite), index).verdict as Verdict & { kind: 'uncredited-rewrite' };
    const disputed: DisputedVerdict = {
      ...derived,
      kind: 'disputed',
      dispute: {
        page: appearanceTimes({ claimed: '2025-10-21T06:00:00Z', observations: [{ at: '2025-10-22T09:00:00Z', by: 'read' }] }),
        other: appearanceTimes({ observations: [{ at: '2025-10-22T07:10:00Z', by: 'index', name: 'GDELT' }] }),
        why: 'English why',
        whyMessage: { key: 'reasonDisputedWhy', args: ['CNBC'] },
      },
    };
    expect(isVerdict(disputed)).toBe(true);
    const root = render(record(disputed));
    const copies = [...root.querySelectorAll('.copy')].map((c) => c.textContent!);
    expect(copies[0]).toContain('(zuerst von Ihnen gelesen)');
    expect(copies[1]).toContain('(GDELT)');
    expect(root.querySelector('.why')!.textContent).toBe(
      'Diese Seite gibt an, älter zu sein als der Artikel von CNBC, doch das sagt nur ihr eigenes Markup, während der Artikel von CNBC bei seinem Erscheinen von einer unabhängigen Quelle gesehen wurde.',
    );
    // The other copy is this page's text with a third article's sentences pasted in (`insertsInto`).
    const whyMessage: MessageRef = { key: 'reasonDisputedInserted', args: ['Newsnetdaily', 'Health'] };
    const inserted = render(record({ ...disputed, dispute: { ...disputed.dispute, whyMessage } }));
    expect(inserted.querySelector('.why')!.textContent).toBe(
      'Der Artikel von Newsnetdaily ist der Text dieser Seite mit eingefügten Sätzen aus dem Artikel von Health. Das spricht dafür, dass er aus dieser Seite gemacht wurde, doch er wurde zuerst gesehen oder datiert.',
    );
  });

  it('a verdict stored by an older version, without the message, still shows its English reason', async () => {
    const { rewrite, index } = seed();
    const { verdict } = checkPage(pageToCheck(FARM, rewrite), index);
    const old = { ...verdict, reasonMessage: undefined } as Verdict;
    delete (old as { reasonMessage?: unknown }).reasonMessage;
    await saveTabVerdict(7, record(old));
    const stored = await getTabVerdict(7);
    expect(stored?.verdict.reasonMessage).toBeUndefined();

    useMessages(getMessageFrom(de));
    expect(render(stored!).querySelector('.reason')!.textContent).toBe(`This page ${verdict.reason!}.`);
    // A message this version does not know (renamed since): the English reason too.
    const renamed = asTabVerdict(record({ ...verdict, reasonMessage: { key: 'reasonFromTheFuture', args: ['CNBC'] } } as unknown as Verdict));
    expect(renamed).toBeDefined();
    expect(render(renamed!).querySelector('.reason')!.textContent).toBe(`This page ${verdict.reason!}.`);
    // An old none verdict with its reason, and one with the English only.
    expect(reasonText({ reason: "2 of its sentences match CNBC's article word for word or nearly" })).toBe(
      "2 of its sentences match CNBC's article word for word or nearly.",
    );
  });

  it('a stored message of a wrong shape is refused with its verdict, as any malformed field', () => {
    const { rewrite, index } = seed();
    const { verdict } = checkPage(pageToCheck(FARM, rewrite), index);
    expect(isVerdict(verdict)).toBe(true);
    const deep = (n: number): MessageRef => (n === 0 ? { key: 'reasonNoMatch', args: [] } : { key: 'reasonThroughCopy', args: [deep(n - 1), 'CNBC'] });
    expect(isVerdict({ ...verdict, reasonMessage: deep(3) })).toBe(true);
    for (const bad of [
      'retells',
      { key: 3, args: [] },
      { key: 'reasonRetells' },
      { key: 'reasonRetells', args: [1] },
      { key: 'reason Retells', args: [] },
      { key: 'reasonRetells', args: Array.from({ length: 10 }, () => 'x') },
      { key: 'reasonRetells', args: ['x'.repeat(5000)] },
      deep(4),
    ]) {
      expect(isVerdict({ ...verdict, reasonMessage: bad }), JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
    expect(isVerdict({ kind: 'none', reason: 'x', reasonMessage: { key: 'reasonNoMatch', args: [] } })).toBe(true);
    expect(isVerdict({ kind: 'none', reason: 'x', reasonMessage: { args: [] } })).toBe(false);
  });
});

/** Alignments that take every branch of `describeDerivation` and `describeNotDerived`. */
function alignments(): Alignment[] {
  const out: Alignment[] = [];
  for (const chainedCoverage of [0.2, 0.9])
    for (const chainedPairs of [3, 30])
      for (const novelNameShare of [0, 0.5])
        for (const strongChainedPairs of [0, 8])
          for (const copiedRun of [0, 1, 3])
            for (const copiedSentences of [0, 1, 2, 3, 5])
              for (const extra of [0, 4, 30])
                for (const chainedOriginalShare of [0.1, 0.6])
                  out.push({
                    pairs: Array.from({ length: copiedSentences + extra }, (_, i) => ({ page: i, original: i, similarity: 0.9 })),
                    pageCoverage: 0.95,
                    originalCoverage: 0.9,
                    orderedCoverage: 0.9,
                    chainedCoverage,
                    chainedPairs,
                    chainedSentences: chainedPairs,
                    walkedCoverage: chainedCoverage,
                    chainedOriginalShare,
                    strongChainedPairs,
                    strongOwnWordsInOrder: strongChainedPairs,
                    novelNameShare,
                    copiedRun: Math.min(copiedRun, copiedSentences),
                    copiedSentences,
                    copiedWords: copiedSentences * 17,
                    copies: Array.from({ length: copiedSentences }, (_, i) => ({ page: i, original: i, words: 17 })),
                    pageSentences: 40,
                  });
  return out;
}

describe('every reason the core gives has its message', () => {
  it('says in English what the English reason says, and in German with every figure and no English', () => {
    const keys = new Set<string>();
    const germanOf = getMessageFrom(de);
    const seen = new Set<string>();
    for (const a of alignments()) {
      for (const { text, message } of [describeDerivation(a, 40, 'CNBC'), describeNotDerived(a, 'Reuters')]) {
        if (seen.has(text)) continue;
        seen.add(text);
        keys.add(message.key);
        expect(localizedRef(message), text).toBe(englishSentence(text));
        const german = localizedRef(message, germanOf)!;
        expect(german, message.key).not.toMatch(/\$\d/);
        for (const m of englishTexts) expect(german, message.key).not.toContain(m);
        // The figures of the English reason, all of them, in order.
        const figures = (s: string) => s.match(/\d+/g) ?? [];
        expect(figures(german).sort(), `${message.key}: ${german}`).toEqual(figures(text).sort());
      }
    }
    const reasonKeys = Object.keys(en).filter((k) => k.startsWith('reason'));
    const elsewhere = ['reasonNoMatch', 'reasonThroughCopy', 'reasonTrustedSite', 'reasonTrustedSiteResembles', 'reasonDisputedWhy', 'reasonDisputedInserted'];
    expect([...keys].sort()).toEqual(reasonKeys.filter((k) => !elsewhere.includes(k)).sort());
  });
});

describe("a lookup's own message in the reader's language", () => {
  afterEach(() => useMessages(undefined));
  const done = (change: Partial<LookupProgress>): LookupProgress => lookupProgress({ phase: 'done', ...change });
  const tooFew = done({
    outcome: 'not-found',
    message: 'The page has too few names or rare words to search for.',
    messageRef: { key: 'lookupMessageTooFewTerms', args: [] },
  });
  const noAnswer = done({ outcome: 'error', message: 'GDELT did not answer.', messageRef: { key: 'lookupMessageNoAnswer', args: ['GDELT'] } });
  const text = (nodes: Node[]) => nodes.map((n) => n.textContent).join('\n');

  it('is German in German, and the English it was stored with otherwise or without a message', () => {
    useMessages(getMessageFrom(de));
    expect(text(lookupDetails(tooFew, {}))).toContain('Die Seite hat zu wenige Namen oder seltene Wörter, um danach zu suchen.');
    expect(lookupHeadline(noAnswer, {}, Date.now())).toContain('GDELT hat nicht geantwortet.');
    expectGerman(lookupHeadline(noAnswer, {}, Date.now()));
    // A record of an older version, and one whose message is of no known shape: the English message.
    expect(text(lookupDetails({ ...tooFew, messageRef: undefined }, {}))).toContain('The page has too few names or rare words to search for.');
    expect(text(lookupDetails({ ...tooFew, messageRef: null as never }, {}))).toContain('The page has too few names or rare words to search for.');
    useMessages(undefined);
    expect(text(lookupDetails(tooFew, {}))).toContain('The page has too few names or rare words to search for.');
  });
});
