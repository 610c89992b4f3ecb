import { useCallback, useEffect } from 'react';
import { api } from '../../lib/api';

/**
 * Discussion time per case: the meeting view notes when an undecided case is first shown, and returns
 * the function that notes its close (after its recommendation is saved or it is postponed).
 * A failed note never stands in the meeting's way.
 */
export function useCaseTimes(meetingId: number, referralId: number, open: boolean): () => void {
  useEffect(() => {
    if (open) void api.call('meetingCases.mark', { meetingId, referralId, event: 'open' }).catch(() => undefined);
  }, [meetingId, referralId, open]);
  return useCallback(() => {
    void api.call('meetingCases.mark', { meetingId, referralId, event: 'close' }).catch(() => undefined);
  }, [meetingId, referralId]);
}
