import type { MethodName, MethodOutput, ParsedInput } from '../../shared/contract';
import { hasVault } from './vault/paths';
import { recordUnlockFailure } from './vault/unlock-failures';
import { addUserWithSlot, changePassphrase, replaceRecoveryCode } from './vault/key-operations';
import { createVault, unlockWithPassphrase, unlockWithRecoveryCode } from './vault/vault';
import { ConfideError } from './errors';
import { countedProof } from './counted-proof';
import { actorOf, assertMayForPractice } from './services/actor';
import { mayForPractice } from '../../shared/rules/access';
import type { VaultState } from './vault-state';
import { autoLockMinutes, letterhead, practiceName, writeLetterhead, writeSetting } from './vault/settings';
import { findUserByName, listUsers, toUser } from './vault/users';
import { createClient, listClients, updateClient, viewClient } from './services/clients';
import { closeCase, createCase, listCases } from './services/cases';
import { correctSession, createSession, listSessions } from './services/sessions';
import { search } from './services/search';
import { openClientFile } from './services/client-file';
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
import { previewInState, purgeInState } from './retention/purge-call';
import { retentionHandlers } from './retention/handlers';
import { attachRecordingToSession, getRecording, listRecordings, verifyRecording } from './services/recordings';

type Handler<M extends MethodName> = (
  input: ParsedInput<M>,
  state: VaultState,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** One handler per contract method: a method without a handler does not compile. */
export type HandlerTable = { [M in MethodName]: Handler<M> };

async function guardedUnlock(state: VaultState, attempt: () => Promise<void>): Promise<void> {
  state.backoff.assertAllowed();
  try {
    await attempt();
  } catch (error) {
    if (error instanceof ConfideError && error.code === 'wrong-passphrase') {
      const at = state.env.now();
      state.backoff.recordFailure(at);
      recordUnlockFailure(state.dir, at);
    }
    throw error;
  }
}

export const handlers: HandlerTable = {
  'vault.status': (_input, state) => {
    if (!state.isUnlocked()) {
      return {
        state: hasVault(state.dir) ? 'locked' : 'uninitialised',
        practiceName: null,
        user: null,
        autoLockMinutes: null,
      };
    }
    const vault = state.current();
    return {
      state: 'unlocked',
      practiceName: practiceName(vault.db),
      user: toUser(vault.user),
      autoLockMinutes: autoLockMinutes(vault.db),
    };
  },

  'vault.create': async (input, state) => {
    await assertNewPassphrase('passphrase', input.passphrase, { practiceName: input.practiceName, userName: input.userName });
    const { vault, recoveryCode, issuedAt } = await createVault(state.dir, input, state.env);
    state.begin(vault, 'vault.unlock');
    return { recoveryCode, issuedAt, user: toUser(vault.user) };
  },

  'vault.unlock': async (input, state) => {
    await guardedUnlock(state, async () => {
      const vault = await unlockWithPassphrase(state.dir, input.userName, input.passphrase, state.env);
      state.begin(vault, 'vault.unlock');
      await state.tidyFiles();
    });
    return { user: toUser(state.current().user) };
  },

  'vault.recover': async (input, state) => {
    // The practice name is inside the locked database, so only the person's name is known here.
    await assertNewPassphrase('newPassphrase', input.newPassphrase, { userName: input.userName });
    await guardedUnlock(state, async () => {
      const vault = await unlockWithRecoveryCode(state.dir, input, state.env);
      state.begin(vault, 'vault.unlock');
      await state.tidyFiles();
    });
    return { user: toUser(state.current().user) };
  },

  'vault.lock': (_input, state) => {
    state.lock('user');
    return {};
  },

  'vault.changePassphrase': async (input, state) => {
    const vault = state.current();
    await assertNewPassphrase('newPassphrase', input.newPassphrase, { practiceName: practiceName(vault.db), userName: vault.user.name });
    // Audited with the change itself (vault/key-change.ts).
    await countedProof(state, () => changePassphrase(state.current(), input, state.env));
    return {};
  },

  'vault.newRecoveryCode': async (input, state) => {
    // The one recovery code opens the whole practice's vault, so replacing it is a director's decision.
    assertMayForPractice(state.current(), 'replaceRecoveryCode');
    const recoveryCode = await countedProof(state, () => replaceRecoveryCode(state.current(), input.currentPassphrase, state.env));
    const ctx = state.services();
    const issuedAt = ctx.now();
    keepPendingRecoveryCode(ctx.db, { recoveryCode, issuedAt, replacesEarlierCode: true });
    return { recoveryCode, issuedAt };
  },

  'vault.pendingRecoveryCode': (_input, state) => {
    const ctx = state.services();
    // Only a director can use the code (it opens the whole practice's vault), so only a director sees it.
    return { pending: mayForPractice(actorOf(ctx), 'confirmRecoveryCode') ? pendingRecoveryCode(ctx.db) : null };
  },

  'vault.confirmRecoveryCode': (_input, state) => {
    const ctx = state.services();
    assertMayForPractice(ctx, 'confirmRecoveryCode');
    forgetPendingRecoveryCode(ctx.db);
    return {};
  },

  'clock.now': (_input, state) => {
    return { now: state.clock().toISOString(), today: state.today() };
  },

  'vault.verify': (_input, state) => verifyVault(state.services(), () => state.verifyPages(), () => state.auditAnchorProblem()),

  'settings.get': (_input, state) => ({ autoLockMinutes: autoLockMinutes(state.current().db) }),

  'settings.update': (input, state) => {
    const ctx = state.services();
    assertMayForPractice(ctx, 'changeSettings');
    writeSetting(ctx.db, 'auto_lock_minutes', String(input.autoLockMinutes));
    return { autoLockMinutes: input.autoLockMinutes };
  },

  'practice.get': (_input, state) => ({ practiceName: practiceName(state.current().db), ...letterhead(state.current().db) }),
  'practice.update': async (input, state) => {
    const ctx = state.services();
    assertMayForPractice(ctx, 'changeLetterhead');
    writeLetterhead(ctx.db, await checkedLetterhead(input, state.documentFonts()));
    return { practiceName: practiceName(ctx.db), ...letterhead(ctx.db) };
  },

  'releaseConsents.create': (input, state) => createReleaseConsent(state.services(), input),
  'releaseConsents.list': (input, state) => ({ consents: listReleaseConsents(state.services(), input.clientId) }),
  'releaseConsents.withdraw': (input, state) => withdrawReleaseConsent(state.services(), input),
  'attendance.preview': (input, state) => previewAttendance(state.services(), state.documentRendering(), input),
  'attendance.export': (input, state) => exportAttendance(state.services(), state.documentRendering(), state.dir, input),
  'disclosures.list': (input, state) => ({ disclosures: listDisclosures(state.services(), input) }),

  'clients.list': (input, state) => ({ clients: listClients(state.services(), input) }),
  'clients.create': (input, state) => createClient(state.services(), input),
  'clients.update': (input, state) => updateClient(state.services(), input),
  'clients.get': (input, state) => viewClient(state.services(), input.clientId),
  'clients.openFile': (input, state) => openClientFile(state.services(), input.clientId),

  'cases.list': (input, state) => ({ cases: listCases(state.services(), input.clientId) }),
  'cases.create': (input, state) => createCase(state.services(), input),
  'cases.close': (input, state) => closeCase(state.services(), input),

  'sessions.list': (input, state) => ({ sessions: listSessions(state.services(), input.clientId) }),
  'sessions.create': (input, state) => createSession(state.services(), input),
  'sessions.update': (input, state) => correctSession(state.services(), input),

  'notes.list': (input, state) => ({ notes: listNotes(state.services(), input.clientId) }),
  'notes.get': (input, state) => getNote(state.services(), input),
  'notes.saveDraft': (input, state) => saveDraft(state.services(), input),
  'notes.finalise': (input, state) => finaliseNote(state.services(), input),
  'notes.amend': (input, state) => amendNote(state.services(), input),
  'notes.addClientComment': (input, state) => addClientComment(state.services(), input),

  'search.query': (input, state) => ({ hits: search(state.services(), input) }),

  'references.resolve': (input, state) => resolveReference(state.services(), input.reference),

  'audit.list': (input, state) => readAuditLog(state.services(), input),

  'users.list': (_input, state) => ({ users: listUsers(state.current().db) }),
  'users.create': async (input, state) => {
    const ctx = state.services();
    assertMayForPractice(ctx, 'manageUsers');
    if (findUserByName(ctx.db, input.name)) throw new ConfideError('conflict', 'There is already a user with that name.');
    await assertNewPassphrase('passphrase', input.passphrase, { practiceName: practiceName(ctx.db), userName: input.name });
    return toUser(await addUserWithSlot(state.current(), input, state.env));
  },

  'recordingConsents.create': (input, state) => createRecordingConsent(state.services(), input),
  'recordingConsents.list': (input, state) => listRecordingConsents(state.services(), input.clientId),
  'recordingConsents.withdraw': (input, state) => withdrawConsent(state.services(), input),
  'recordings.attach': (input, state) => attachRecordingToSession(state.services(), input),
  'recordings.list': (input, state) => listRecordings(state.services(), input.clientId),
  'recordings.get': (input, state) => getRecording(state.services(), input.recordingId),
  'recordings.verify': (input, state) => verifyRecording(state.services(), input.recordingId),

  'retention.purgePreview': (_input, state) => previewInState(state),
  'retention.purge': (input, state) => purgeInState(state, input),
  'retention.register': (input, state) => destructionRegister(state.services(), input.runId),
  'retention.certificate': (input, state) => saveCertificate(state.services(), state.documentRendering(), state.dir, input),
  ...retentionHandlers,
};
