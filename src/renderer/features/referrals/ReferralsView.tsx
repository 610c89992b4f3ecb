import './referrals.css';
import { InboxPage } from './InboxPage';
import { ReferralForm } from './ReferralForm';
import { ReferralDetailPage } from './ReferralDetailPage';
import { ImportPage } from './ImportPage';
import { FormImportPage } from './FormImportPage';

/** #/referrals (inbox), #/referrals/new, #/referrals/import, #/referrals/import-forms, #/referrals/12 and #/referrals/12/edit. */
export function ReferralsView({ segments }: { segments: string[] }) {
  const [, second, third] = segments;
  if (second === 'new') return <ReferralForm key="new" />;
  if (second === 'import') return <ImportPage />;
  if (second === 'import-forms') return <FormImportPage />;
  const id = Number(second);
  if (Number.isSafeInteger(id) && id > 0) {
    if (third === 'edit') return <ReferralDetailPage key={`edit-${id}`} id={id} render={(d) => <ReferralForm existing={d} />} />;
    return <ReferralDetailPage key={id} id={id} />;
  }
  return <InboxPage />;
}
