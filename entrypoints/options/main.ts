import { browser } from 'wxt/browser';
import { browserUiHost } from '@/src/ext/ui-host';
import { t, useMessages } from '@/src/ui/i18n';
import { mountOptions } from '@/src/ui/options-view';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs));
// The static page is English until this runs: its language, title and placeholder in the browser's.
document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');
document.querySelector('#options .muted')?.replaceChildren(t('onboardingLoading'));

void mountOptions(document.getElementById('options')!, browserUiHost());
