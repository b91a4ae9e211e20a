import { storage } from 'wxt/utils/storage';

/** Why articles were last removed to make room: storage was full, or the library reached its size limit. */
export interface EvictionEvent {
  at: string;
  evicted: number;
  reason?: 'full' | 'limit';
}

/** The last time articles were removed to make room, for the options page. */
export const storageEvents = storage.defineItem<EvictionEvent | null>('local:storageEvents', { fallback: null });
