import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import { hasVault } from './vault/paths';
import { recordUnlockFailure } from './vault/unlock-failures';
import { addUserWithSlot, changePassphrase, replaceRecoveryCode } from './vault/key-operations';
import { createVault, unlockWithPassphrase, unlockWithRecoveryCode } from './vault/vault';
import { ConfideError } from './errors';
import { actorOf, assertMayForPractice } from './services/actor';
import { mayForPractice } from '../../shared/rules/access';
import type { VaultSession } from './session';
import { autoLockMinutes, letterhead, practiceName, writeLetterhead, writeSetting } from './vault/settings';
import { findUserByName, listUsers, toUser } from './vault/users';
import { createClient, listClients, updateClient, viewClient } from './services/clients';
import { closeCase, createCase, listCases } from './services/cases';
import { correctSession, createSession, listSessions } from './services/sessions';
import { search } from './services/search';
import { addClientComment, amendNote, finaliseNote, getNote, listNotes, saveDraft } from './services/notes';
import { verifyVault } from './services/verify';
import { readAuditLog } from './services/audit-log';
import { forgetPendingRecoveryCode, keepPendingRecoveryCode, pendingRecoveryCode } from './vault/pending-recovery-code';
import { resolveReference } from './services/references';
import { assertNewPassphrase } from './new-passphrase';
import { createReleaseConsent, listReleaseConsents, withdrawReleaseConsent } from './services/release-consents';
import { listDisclosures } from './services/disclosure-log';
import { previewAttendance } from './attendance/preview';
import { exportAttendance } from './attendance/export';
import { checkedLetterhead } from './letterhead';
import { createRecordingConsent, listRecordingConsents, withdrawConsent } from './services/recording-consents';
import { destructionRegister, saveCertificate } from './retention/purge-service';
import { previewInSession, purgeInSession } from './retention/purge-call';
import { retentionHandlers } from './retention/handlers';
import { attachRecordingToSession, getRecording, listRecordings, verifyRecording } from './services/recordings';

type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  session: VaultSession,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method: a method without a handler does not compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

async function guardedUnlock(session: VaultSession, attempt: () => Promise<void>): Promise<void> {
  session.backoff.assertAllowed();
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ConfideError && error.code === 'wrong-passphrase') {
      const at = session.env.now();
      session.backoff.recordFailure(at);
      recordUnlockFailure(session.dir, at);
    }
    throw error;
  }
}

export const handlers: HandlerTable = {
  'vault.status': (_input, session) => {
    if (!session.isUnlocked()) {
      return {
        state: hasVault(session.dir) ? 'locked' : 'uninitialised',
        practiceName: null,
        user: null,
        autoLockMinutes: null,
      };
    }
    const vault = session.current();
    return {
      state: 'unlocked',
      practiceName: practiceName(vault.db),
      user: toUser(vault.user),
      autoLockMinutes: autoLockMinutes(vault.db),
    };
  },

  'vault.create': async (input, session) => {
    await assertNewPassphrase('passphrase', input.passphrase, { practiceName: input.practiceName, userName: input.userName });
    const { vault, recoveryCode, issuedAt } = await createVault(session.dir, input, session.env);
    session.begin(vault, 'vault.unlock');
    return { recoveryCode, issuedAt, user: toUser(vault.user) };
  },

  'vault.unlock': async (input, session) => {
    await guardedUnlock(session, async () => {
      const vault = await unlockWithPassphrase(session.dir, input.userName, input.passphrase, session.env);
      session.begin(vault, 'vault.unlock');
      await session.tidyFiles();
    });
    return { user: toUser(session.current().user) };
  },

  'vault.recover': async (input, session) => {
    // The practice name is inside the locked database, so only the person's name is known here.
    await assertNewPassphrase('newPassphrase', input.newPassphrase, { userName: input.userName });
    await guardedUnlock(session, async () => {
      const vault = await unlockWithRecoveryCode(session.dir, input, session.env);
      session.begin(vault, 'vault.unlock');
      await session.tidyFiles();
    });
    return { user: toUser(session.current().user) };
  },

  'vault.lock': (_input, session) => {
    session.lock('user');
    return {};
  },

  'vault.changePassphrase': async (input, session) => {
    const vault = session.current();
    await assertNewPassphrase('newPassphrase', input.newPassphrase, { practiceName: practiceName(vault.db), userName: vault.user.name });
    // Audited with the change itself (vault/key-change.ts).
    await changePassphrase(session.current(), input, session.env);
    return {};
  },

  'vault.newRecoveryCode': async (input, session) => {
    // The one recovery code opens the whole practice's vault, so replacing it is a director's decision.
    assertMayForPractice(session.current(), 'replaceRecoveryCode');
    const recoveryCode = await replaceRecoveryCode(session.current(), input.currentPassphrase, session.env);
    const ctx = session.services();
    const issuedAt = ctx.now();
    keepPendingRecoveryCode(ctx.db, { recoveryCode, issuedAt, replacesEarlierCode: true });
    return { recoveryCode, issuedAt };
  },

  'vault.pendingRecoveryCode': (_input, session) => {
    const ctx = session.services();
    // Only a director can use the code (it opens the whole practice's vault), so only a director sees it.
    return { pending: mayForPractice(actorOf(ctx), 'confirmRecoveryCode') ? pendingRecoveryCode(ctx.db) : null };
  },

  'vault.confirmRecoveryCode': (_input, session) => {
    const ctx = session.services();
    assertMayForPractice(ctx, 'confirmRecoveryCode');
    forgetPendingRecoveryCode(ctx.db);
    return {};
  },

  'clock.now': (_input, session) => {
    return { now: session.clock().toISOString(), today: session.today() };
  },

  'vault.verify': (_input, session) => verifyVault(session.services(), () => session.verifyPages(), () => session.auditAnchorProblem()),

  'settings.get': (_input, session) => ({ autoLockMinutes: autoLockMinutes(session.current().db) }),

  'settings.update': (input, session) => {
    const ctx = session.services();
    assertMayForPractice(ctx, 'changeSettings');
    writeSetting(ctx.db, 'auto_lock_minutes', String(input.autoLockMinutes));
    return { autoLockMinutes: input.autoLockMinutes };
  },

  'practice.get': (_input, session) => ({ practiceName: practiceName(session.current().db), ...letterhead(session.current().db) }),
  'practice.update': (input, session) => {
    const ctx = session.services();
    assertMayForPractice(ctx, 'changeLetterhead');
    writeLetterhead(ctx.db, checkedLetterhead(input, session.documentFonts()));
    return { practiceName: practiceName(ctx.db), ...letterhead(ctx.db) };
  },

  'releaseConsents.create': (input, session) => createReleaseConsent(session.services(), input),
  'releaseConsents.list': (input, session) => ({ consents: listReleaseConsents(session.services(), input.clientId) }),
  'releaseConsents.withdraw': (input, session) => withdrawReleaseConsent(session.services(), input),
  'attendance.preview': (input, session) => previewAttendance(session.services(), session.documentRendering(), input),
  'attendance.export': (input, session) => exportAttendance(session.services(), session.documentRendering(), session.dir, input),
  'disclosures.list': (input, session) => ({ disclosures: listDisclosures(session.services(), input) }),

  'clients.list': (input, session) => ({ clients: listClients(session.services(), input) }),
  'clients.create': (input, session) => createClient(session.services(), input),
  'clients.update': (input, session) => updateClient(session.services(), input),
  'clients.get': (input, session) => viewClient(session.services(), input.clientId),

  'cases.list': (input, session) => ({ cases: listCases(session.services(), input.clientId) }),
  'cases.create': (input, session) => createCase(session.services(), input),
  'cases.close': (input, session) => closeCase(session.services(), input),

  'sessions.list': (input, session) => ({ sessions: listSessions(session.services(), input.clientId) }),
  'sessions.create': (input, session) => createSession(session.services(), input),
  'sessions.update': (input, session) => correctSession(session.services(), input),

  'notes.list': (input, session) => ({ notes: listNotes(session.services(), input.clientId) }),
  'notes.get': (input, session) => getNote(session.services(), input),
  'notes.saveDraft': (input, session) => saveDraft(session.services(), input),
  'notes.finalise': (input, session) => finaliseNote(session.services(), input),
  'notes.amend': (input, session) => amendNote(session.services(), input),
  'notes.addClientComment': (input, session) => addClientComment(session.services(), input),

  'search.query': (input, session) => ({ hits: search(session.services(), input) }),

  'references.resolve': (input, session) => resolveReference(session.services(), input.reference),

  'audit.list': (input, session) => readAuditLog(session.services(), input),

  'users.list': (_input, session) => ({ users: listUsers(session.current().db) }),
  'users.create': async (input, session) => {
    const ctx = session.services();
    assertMayForPractice(ctx, 'manageUsers');
    if (findUserByName(ctx.db, input.name)) throw new ConfideError('conflict', 'There is already a user with that name.');
    await assertNewPassphrase('passphrase', input.passphrase, { practiceName: practiceName(ctx.db), userName: input.name });
    return toUser(await addUserWithSlot(session.current(), input, session.env));
  },

  'recordingConsents.create': (input, session) => createRecordingConsent(session.services(), input),
  'recordingConsents.list': (input, session) => listRecordingConsents(session.services(), input.clientId),
  'recordingConsents.withdraw': (input, session) => withdrawConsent(session.services(), input),
  'recordings.attach': (input, session) => attachRecordingToSession(session.services(), input),
  'recordings.list': (input, session) => listRecordings(session.services(), input.clientId),
  'recordings.get': (input, session) => getRecording(session.services(), input.recordingId),
  'recordings.verify': (input, session) => verifyRecording(session.services(), input.recordingId),

  'retention.purgePreview': (_input, session) => previewInSession(session),
  'retention.purge': (input, session) => purgeInSession(session, input),
  'retention.register': (input, session) => destructionRegister(session.services(), input.runId),
  'retention.certificate': (input, session) => saveCertificate(session.services(), session.documentRendering(), session.dir, input),
  ...retentionHandlers,
};
