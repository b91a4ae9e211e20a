// Chrome only: the MV3 service worker has no DOM, so fetched pages are parsed here.
import { offscreenHandlers } from '@/src/ext/html-extract';
import { listen } from '@/src/ext/listen';

// Only the extension itself asks (the background); a content script's or a page's messages are not ours.
listen('offscreen', offscreenHandlers);
