import type { ComponentType } from 'react';
import { HomePage } from './home/HomePage';
import { SettingsPage } from './settings/SettingsPage';
import { comingSoon } from './ComingSoon';
import { ReferralsView } from './referrals/ReferralsView';

export interface FeatureView {
  /** First path segment: #/referrals/… */
  id: string;
  navKey: string;
  View: ComponentType<{ segments: string[] }>;
}

/** The app's areas in navigation order; each feature replaces its entry with its own view. */
export const features: FeatureView[] = [
  { id: 'home', navKey: 'nav.home', View: HomePage },
  { id: 'referrals', navKey: 'nav.referrals', View: ReferralsView },
  { id: 'calendar', navKey: 'nav.calendar', View: comingSoon('nav.calendar') },
  { id: 'case-lists', navKey: 'nav.caseLists', View: comingSoon('nav.caseLists') },
  { id: 'care-plans', navKey: 'nav.carePlans', View: comingSoon('nav.carePlans') },
  { id: 'follow-up', navKey: 'nav.followUp', View: comingSoon('nav.followUp') },
  { id: 'settings', navKey: 'nav.settings', View: SettingsPage },
];
