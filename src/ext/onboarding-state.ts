import { storage } from 'wxt/utils/storage';

/** The first-run setup was finished (its done button), and when. */
export interface OnboardingState {
  done: boolean;
  /** ISO time. */
  at: string;
}

export const onboardingItem = storage.defineItem<OnboardingState | null>('local:onboarding', { fallback: null });

export const markOnboardingDone = (now = new Date()) => onboardingItem.setValue({ done: true, at: now.toISOString() });
