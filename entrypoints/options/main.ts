import { browserUiHost } from '@/src/ext/ui-host';
import { mountOptions } from '@/src/ui/options-view';

void mountOptions(document.getElementById('options')!, browserUiHost());
