import { MeetingPicker } from './MeetingPicker';
import { CaseListBuilder } from './CaseListBuilder';
import { MeetingRunView } from './MeetingRunView';
import './case-lists.css';

/** #/case-lists → meetings; #/case-lists/ID → build the list; #/case-lists/ID/meeting → run the meeting. */
export function CaseListsPage({ segments }: { segments: string[] }) {
  const meetingId = Number(segments[1]);
  if (!Number.isInteger(meetingId) || meetingId <= 0) return <MeetingPicker />;
  if (segments[2] === 'meeting') return <MeetingRunView meetingId={meetingId} />;
  return <CaseListBuilder meetingId={meetingId} />;
}
