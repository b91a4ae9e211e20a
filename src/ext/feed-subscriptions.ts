import { storage } from 'wxt/utils/storage';
import { fnv1a32 } from '../core/hash.ts';
import { isHttpUrl, sameAddress } from '../core/url.ts';
import { DEFAULT_FEEDS, type FeedSource } from '../feeds/default-feeds.ts';
import { NEW_FEED_STATE, type FeedPollState } from '../feeds/schedule.ts';
import { inBrowserLanguage } from './local-text.ts';

/** A feed the user can enable, with its polling state and figures for the options page. */
export interface FeedSubscription extends FeedSource {
  state: FeedPollState;
  /** Items stored from this feed by the last successful poll, and in all. */
  lastNewItems?: number;
  totalItems?: number;
  /** Added by the user (removable), rather than from the default list. */
  custom?: boolean;
}

const item = storage.defineItem<FeedSubscription[]>('local:feeds', {
  fallback: DEFAULT_FEEDS.map((f) => ({ ...f, state: { ...NEW_FEED_STATE } })),
  version: 1,
});

export const getSubscriptions = () => item.getValue();
export const saveSubscriptions = (subs: FeedSubscription[]) => item.setValue(subs);

/** Applies `change` to one subscription and stores the list; returns the changed one. */
export async function updateSubscription(id: string, change: (s: FeedSubscription) => FeedSubscription): Promise<FeedSubscription | undefined> {
  const subs = await getSubscriptions();
  const i = subs.findIndex((s) => s.id === id);
  if (i < 0) return undefined;
  subs[i] = change(subs[i]!);
  await saveSubscriptions(subs);
  return subs[i];
}

/** Adds a feed by URL (validated: absolute http(s)); returns it, or the existing one with that URL. */
export async function addSubscription(url: string, outlet: string): Promise<FeedSubscription> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(inBrowserLanguage('errorFeedNotAddress', url.slice(0, 200)));
  }
  if (!isHttpUrl(u.href)) throw new Error(inBrowserLanguage('errorFeedNotHttp'));
  const subs = await getSubscriptions();
  const existing = subs.find((s) => sameAddress(s.url, u.href));
  if (existing) return existing;
  const sub: FeedSubscription = {
    id: `custom-${fnv1a32(u.href).toString(36)}`,
    outlet: outlet.trim().slice(0, 200) || u.hostname,
    url: u.href,
    enabled: false,
    state: { ...NEW_FEED_STATE },
    custom: true,
  };
  await saveSubscriptions([...subs, sub]);
  return sub;
}

export async function removeSubscription(id: string): Promise<void> {
  await saveSubscriptions((await getSubscriptions()).filter((s) => s.id !== id || !s.custom));
}

/**
 * Turns feeds on or off in one write; returns the ids changed. A feed of the default list missing
 * from the stored one is added first, and a feed turned on after it was gone (HTTP 410) starts
 * afresh. Only the user's pages ask for this (through the background).
 */
export async function setFeedsEnabled(ids: readonly string[], enabled: boolean): Promise<string[]> {
  const subs = await getSubscriptions();
  const missing = DEFAULT_FEEDS.filter((f) => ids.includes(f.id) && !subs.some((s) => s.id === f.id)).map((f): FeedSubscription => ({
    ...f,
    state: { ...NEW_FEED_STATE },
  }));
  const changed: string[] = [];
  const next = [...subs, ...missing].map((s) => {
    if (!ids.includes(s.id)) return s;
    changed.push(s.id);
    return { ...s, enabled, state: enabled && s.state.gone ? { ...NEW_FEED_STATE } : s.state };
  });
  await saveSubscriptions(next);
  return changed;
}
