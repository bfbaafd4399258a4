import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodInput } from '../../shared/contract';
import { fixedClock, newVault, type TestDoor } from './vault-fixture';

/** The core's clock in recording tests: 23 November 2026, London. Every date below is before it. */
export const TODAY = '2026-11-23';
export const CLOCK = fixedClock('2026-11-23T14:32:00Z');
export const ZONE = 'Europe/London';

export const ALEX = 'Alex Rivers';
export const BLAKE = 'Blake Rivers';

/** What a consent form says besides its client, case and dates. */
export const CONSENT_WORDS = {
  viewers: 'Sam Okafor and the clinical supervisor',
  storage: 'In this Confide vault, on the practice laptop',
  destructionMethod: 'The file’s key is destroyed and the encrypted file deleted',
} as const;

type NewConsent = MethodInput<'recordingConsents.create'>;

/** A consent to recording the whole case for supervision, signed on 1 November 2026, kept until 2027. */
export function consentInput(clientId: string, caseId: string, overrides: Partial<NewConsent> = {}): NewConsent {
  return {
    clientId,
    caseId,
    uses: ['supervision'],
    ...CONSENT_WORDS,
    signedOn: '2026-11-01',
    destroyBy: '2027-11-01',
    ...overrides,
  };
}

/**
 * A vault with a couple (Alex and Blake Rivers) in couple work with Sam: one joint session on 2 November,
 * one session Alex attended alone on 9 November, and Alex's individual case with a session on 4 November.
 */
export async function couplePractice(vaultDir: string) {
  const { door } = await newVault(vaultDir, CLOCK, ZONE);
  const alex = await door.call('clients.create', { name: ALEX });
  const blake = await door.call('clients.create', { name: BLAKE });
  const couple = await door.call('cases.create', { kind: 'couple', participantIds: [alex.id, blake.id], openedOn: '2026-11-01' });
  const solo = await door.call('cases.create', { kind: 'individual', participantIds: [alex.id], openedOn: '2026-11-01' });
  const session = (caseId: string, startsAt: string, attendeeIds: string[]) =>
    door.call('sessions.create', { caseId, startsAt, durationMinutes: 50, modality: 'in-person', status: 'attended', attendeeIds });
  const joint = await session(couple.id, '2026-11-02T10:00', [alex.id, blake.id]);
  const alexAlone = await session(couple.id, '2026-11-09T10:00', [alex.id]);
  const individual = await session(solo.id, '2026-11-04T15:00', [alex.id]);
  return { door, alex, blake, couple, solo, joint, alexAlone, individual };
}

/** Both partners consent to recording the couple case; returns the consents. */
export async function bothConsent(door: TestDoor, practice: { alex: { id: string }; blake: { id: string }; couple: { id: string } }) {
  const alex = await door.call('recordingConsents.create', consentInput(practice.alex.id, practice.couple.id));
  const blake = await door.call('recordingConsents.create', consentInput(practice.blake.id, practice.couple.id, { uses: ['supervision', 'training'] }));
  return { alex, blake };
}

/** The names in the vault's blobs/ folder. */
export function blobsIn(vaultDir: string): string[] {
  return readdirSync(join(vaultDir, 'blobs')).sort();
}
