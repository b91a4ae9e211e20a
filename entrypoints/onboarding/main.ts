import { browserUiHost } from '@/src/ext/ui-host';
import { mountOnboarding } from '@/src/ui/onboarding-view';

void mountOnboarding(document.getElementById('onboarding')!, browserUiHost());
