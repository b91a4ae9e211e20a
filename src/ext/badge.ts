import { browser } from 'wxt/browser';
import type { VerdictKind } from '../core/verdict.ts';

interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

/** The toolbar badge for each verdict: loud for an uncredited rewrite, quiet for a credited copy. */
export function badgeFor(kind: VerdictKind): BadgeLook {
  switch (kind) {
    case 'uncredited-rewrite':
      return { text: '!', color: '#c5221f', title: 'Unspun: this page looks like an uncredited rewrite' };
    case 'credited':
      return { text: '✓', color: '#5f6368', title: 'Unspun: this page credits the article it is based on' };
    case 'disputed':
      return { text: '?', color: '#b06000', title: 'Unspun: this page and another are copies; which came first is disputed' };
    case 'original':
      return { text: '', color: '#1a73e8', title: 'Unspun: other pages were found to copy this article' };
    case 'none':
      return { text: '', color: '#5f6368', title: 'Unspun: nothing to report' };
    case 'not-article':
      return { text: '', color: '#5f6368', title: 'Unspun: not a news article' };
    default: {
      const never: never = kind;
      throw new Error(`unknown verdict ${String(never)}`);
    }
  }
}

/** Badge API: `action` in MV3, `browserAction` in Firefox's MV2 build. */
function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function setBadge(tabId: number, kind: VerdictKind): Promise<void> {
  const look = badgeFor(kind);
  const action = actionApi();
  await action.setBadgeText({ tabId, text: look.text });
  if (look.text) await action.setBadgeBackgroundColor({ tabId, color: look.color });
  await action.setTitle({ tabId, title: look.title });
}
