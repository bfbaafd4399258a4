import { describe, expect, it } from 'vitest';
import { caseCapabilities, clientCapabilities, mayForPractice, practiceActions, practiceRefusal, type PracticeAction } from '../../../shared/rules/access';

const director = { isDirector: true, isTherapist: false };
const therapist = { isDirector: false, isTherapist: true };
const both = { isDirector: true, isTherapist: true };

describe('who may do what (shared/rules/access.ts)', () => {
  it('note content belongs to the client’s clinician, never to a director as such', () => {
    expect(clientCapabilities(director, false)).toEqual({ readNotes: false, writeNotes: false, editDetails: true, seeEqualityMonitoring: false, openCase: true });
    expect(clientCapabilities(therapist, false)).toEqual({ readNotes: false, writeNotes: false, editDetails: false, seeEqualityMonitoring: false, openCase: false });
    expect(clientCapabilities(therapist, true)).toEqual({ readNotes: true, writeNotes: true, editDetails: true, seeEqualityMonitoring: true, openCase: true });
    expect(clientCapabilities(both, true).writeNotes).toBe(true);
  });

  it('a case’s sessions and notes are its own therapist’s while it is open; a director may close it', () => {
    expect(caseCapabilities(therapist, { runsCase: true, open: true })).toEqual({ recordSessions: true, writeNotes: true, correctSessions: true, close: true });
    expect(caseCapabilities(therapist, { runsCase: true, open: false })).toEqual({ recordSessions: false, writeNotes: false, correctSessions: true, close: false });
    expect(caseCapabilities(director, { runsCase: false, open: true })).toEqual({ recordSessions: false, writeNotes: false, correctSessions: false, close: true });
  });

  it('practice-wide acts are a director’s, each refused in words', () => {
    for (const action of Object.keys(practiceActions) as PracticeAction[]) {
      expect(mayForPractice(director, action)).toBe(true);
      expect(mayForPractice(therapist, action)).toBe(false);
      expect(practiceRefusal(action)).toMatch(/^Only a practice director can [a-z].*\.$/);
    }
    expect(practiceRefusal('manageUsers')).toBe('Only a practice director can add users.');
  });
});
