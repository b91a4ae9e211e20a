import { browser } from 'wxt/browser';
import { browserUiHost } from '@/src/ext/ui-host';
import { t, useMessages } from '@/src/ui/i18n';
import { mountOnboarding } from '@/src/ui/onboarding-view';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs));
// The static page is English until this runs: its language, title and placeholder in the browser's.
document.documentElement.lang = t('htmlLang');
document.title = t('onboardingTitle');
document.querySelector('#onboarding h1')?.replaceChildren(t('onboardingTitle'));
document.querySelector('#onboarding .muted')?.replaceChildren(t('onboardingLoading'));
void mountOnboarding(document.getElementById('onboarding')!, browserUiHost());
