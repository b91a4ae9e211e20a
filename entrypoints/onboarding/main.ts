import { mountOnboarding } from '@/src/ui/onboarding-view';

void mountOnboarding(document.getElementById('onboarding')!);
