import { describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../../shared/api';
import { hasMessage } from '../../../shared/i18n';
import { permissionFor } from './permissions';

describe('permissions from the contract, with the reason', () => {
  it('a contact nurse may not set up series, and reads who may', () => {
    expect(permissionFor('sv', 'contact_nurse', 'series.save')).toEqual({
      allowed: false,
      reason: 'Bara administratör eller koordinator kan lägga upp och ändra mötesserier.',
    });
    expect(permissionFor('en', 'contact_nurse', 'series.save').reason).toBe('Only administrator or coordinator can set up and change conference series.');
    expect(permissionFor('sv', 'coordinator', 'series.save')).toEqual({ allowed: true, reason: '' });
  });

  it('only the physician finalises a meeting; a method with no own action text still gives a reason', () => {
    expect(permissionFor('sv', 'coordinator', 'caseLists.finalise').reason).toBe('Bara läkare/ordförande kan fastställa mötet.');
    expect(permissionFor('sv', 'physician', 'users.save').reason).toBe('Bara administratör kan göra detta.');
    expect(permissionFor('sv', undefined, 'referrals.create').allowed).toBe(false);
  });

  it('every action text names a method of the contract', () => {
    const actionKeys = [
      'series.save',
      'meetings.move',
      'meetings.cancel',
      'people.save',
      'meetings.addParticipant',
      'meetings.setAttendance',
      'referrals.create',
      'referrals.importCommit',
      'referralForms.importCommit',
      'referrals.update',
      'caseLists.finalise',
      'caseLists.saveTreatmentOptions',
      'recommendations.amend',
    ];
    for (const m of actionKeys) {
      expect(m in api).toBe(true);
      expect(hasMessage(`can.action.${m as MethodName}`)).toBe(true);
    }
  });
});
