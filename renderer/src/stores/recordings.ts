import { create } from 'zustand';
import { call, type UiError } from '../api';
import type { AttachableSession, CoverableCase, RecordingConsentRecord, RecordingRecord } from '../../../shared/recordings';

/**
 * The recording consents and recordings in one client's file, with what the core says this user may do: the
 * cases they may record a consent for (`coverable`) and the sessions they may attach a recording to.
 */
interface RecordingsState {
  clientId: string | null;
  consents: RecordingConsentRecord[];
  coverable: CoverableCase[];
  recordings: RecordingRecord[];
  attachable: AttachableSession[];
  loaded: boolean;
  error: UiError | null;
  open(clientId: string): Promise<void>;
  reload(): Promise<void>;
  reset(): void;
}

const initial = {
  clientId: null,
  consents: [] as RecordingConsentRecord[],
  coverable: [] as CoverableCase[],
  recordings: [] as RecordingRecord[],
  attachable: [] as AttachableSession[],
  loaded: false,
  error: null,
};

let requestSeq = 0;

export const useRecordings = create<RecordingsState>()((set, get) => {
  const load = async (clientId: string, fresh: boolean) => {
    const seq = ++requestSeq;
    if (fresh) set({ ...initial, clientId });
    const [consents, recordings] = await Promise.all([
      call('recordingConsents.list', { clientId }),
      call('recordings.list', { clientId }),
    ]);
    // Only the newest request may write: a slower answer for another client must not land here.
    if (seq !== requestSeq) return;
    set({
      loaded: true,
      consents: consents.ok ? consents.value.consents : [],
      coverable: consents.ok ? consents.value.coverable : [],
      recordings: recordings.ok ? recordings.value.recordings : [],
      attachable: recordings.ok ? recordings.value.attachable : [],
      error: !consents.ok ? consents.error : !recordings.ok ? recordings.error : null,
    });
  };
  return {
    ...initial,
    open: (clientId) => load(clientId, true),
    reload: async () => {
      const { clientId } = get();
      if (clientId !== null) await load(clientId, false);
    },
    reset: () => {
      requestSeq += 1;
      set(initial);
    },
  };
});
