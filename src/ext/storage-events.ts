import { storage } from 'wxt/utils/storage';

/** The last time storage was full and feed items were evicted, for the options page. */
export const storageEvents = storage.defineItem<{ at: string; evicted: number } | null>('local:storageEvents', { fallback: null });
