import { browser } from 'wxt/browser';
import { browserUiHost } from '@/src/ext/ui-host';
import { useMessages } from '@/src/ui/i18n';
import { mountOptions } from '@/src/ui/options-view';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs));

void mountOptions(document.getElementById('options')!, browserUiHost());
