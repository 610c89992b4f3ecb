import type { ComponentType } from 'react';
import type { MessageKey } from '../../shared/i18n';
import { HomePage } from './home/HomePage';
import { SettingsPage } from './settings/SettingsPage';
import { CarePlansPage } from './care-plans/CarePlansPage';
import { ReferralsView } from './referrals/ReferralsView';
import { CalendarPage } from './calendar/CalendarPage';
import { CaseListsPage } from './case-lists/CaseListsPage';
import { FollowUpView } from './follow-up';
import { FollowThroughView } from './follow-through/FollowThroughPage';

export interface FeatureView {
  /** First path segment: #/referrals/… */
  id: string;
  navKey: MessageKey;
  View: ComponentType<{ segments: string[] }>;
}

/** The app's areas in navigation order; each feature replaces its entry with its own view. */
export const features: FeatureView[] = [
  { id: 'home', navKey: 'nav.home', View: HomePage },
  { id: 'referrals', navKey: 'nav.referrals', View: ReferralsView },
  { id: 'calendar', navKey: 'nav.calendar', View: CalendarPage },
  { id: 'case-lists', navKey: 'nav.caseLists', View: CaseListsPage },
  { id: 'care-plans', navKey: 'nav.carePlans', View: CarePlansPage },
  { id: 'follow-up', navKey: 'nav.followUp', View: FollowUpView },
  { id: 'follow-through', navKey: 'nav.followThrough', View: FollowThroughView },
  { id: 'settings', navKey: 'nav.settings', View: SettingsPage },
];
