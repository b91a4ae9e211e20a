import { mountOptions } from '@/src/ui/options-view';

void mountOptions(document.getElementById('options')!);
