import { browser } from 'wxt/browser';
import { useMessages } from '@/src/ui/i18n';
import { localizeStaticPage } from '@/src/ui/policy-view';

useMessages((key, subs) => browser.i18n.getMessage(key as never, subs));
// The page is shipped in English (docs/privacy.md's text): its blocks in the browser's language.
localizeStaticPage(document, 'policyTitle');
