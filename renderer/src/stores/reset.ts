import { invalidateInFlightCalls } from '../api';
import { useClientFile } from './clientFile';
import { useClients } from './clients';
import { useDraft } from './draft';
import { useNote } from './note';
import { useRecordings } from './recordings';
import { useRecovery } from './recovery';
import { useUsers } from './users';

/** Drops every piece of vault data the renderer holds. Called on every lock, whoever caused it. */
export function clearVaultData(): void {
  invalidateInFlightCalls();
  useDraft.getState().reset();
  useNote.getState().reset();
  useClientFile.getState().reset();
  useClients.getState().reset();
  useUsers.getState().reset();
  useRecovery.getState().reset();
  useRecordings.getState().reset();
}
