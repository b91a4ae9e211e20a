import { storage } from 'wxt/utils/storage';
import { NO_CORRECTIONS, parseCorrections, type Corrections } from '../library/corrections.ts';

/**
 * The reader's corrections ("this is wrong"), in extension storage on their machine only. Read
 * through `parseCorrections`, so a corrupt value loses only its bad entries; updated one at a time.
 */
const correctionsItem = storage.defineItem<unknown>('local:corrections', { fallback: NO_CORRECTIONS });

export async function readCorrections(): Promise<Corrections> {
  return parseCorrections(await correctionsItem.getValue());
}

let queue: Promise<unknown> = Promise.resolve();

/** Applies `change` to the stored corrections and stores the result; changes run one after another. */
export function updateCorrections(change: (c: Corrections) => Corrections): Promise<Corrections> {
  const next = queue.then(async () => {
    const updated = change(await readCorrections());
    await correctionsItem.setValue(updated);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}
