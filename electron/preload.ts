import { contextBridge, ipcRenderer } from 'electron';
import type { ConfideBridge } from '../shared/bridge';
import {
  IPC_CALL_CHANNEL,
  IPC_CHOOSE_FILE_CHANNEL,
  IPC_CHOOSE_FOLDER_CHANNEL,
  IPC_FLUSHED_CHANNEL,
  IPC_LOCK_REQUESTED_CHANNEL,
  IPC_LOCKED_CHANNEL,
  IPC_PROGRESS_CHANNEL,
} from '../shared/bridge';
import { isMethodName, type MethodInput, type MethodName, type MethodOutput } from '../shared/contract';
import type { CallResult } from '../shared/errors';
import type { Progress } from '../shared/progress';

// Runs sandboxed: this file is bundled into one CommonJS file whose only require is 'electron'.

const bridge: ConfideBridge = {
  async call<M extends MethodName>(method: M, input: MethodInput<M>, onProgress?: (progress: Progress) => void): Promise<CallResult<MethodOutput<M>>> {
    // The main process validates again; this only keeps unknown names off the channel.
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'invalid-input', message: 'That action is not part of Confide.' } };
    }
    // Progress events name their call, so two calls' bars never mix; the page gets only the plain values.
    const callId = onProgress ? crypto.randomUUID() : null;
    const forward = (_event: unknown, id: unknown, progress: unknown): void => {
      if (id === callId && isProgress(progress)) onProgress?.({ phase: progress.phase, done: progress.done, total: progress.total });
    };
    if (callId) ipcRenderer.on(IPC_PROGRESS_CHANNEL, forward);
    try {
      const result: unknown = await ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input, callId);
      // The core parsed this value with the contract's output schema for `method` before replying.
      return result as CallResult<MethodOutput<M>>;
    } finally {
      if (callId) ipcRenderer.removeListener(IPC_PROGRESS_CHANNEL, forward);
    }
  },
  onLocked(listener) {
    // Never hand the IpcRendererEvent to the page: it carries `sender`, a way back to ipcRenderer.
    const forward = (): void => listener();
    ipcRenderer.on(IPC_LOCKED_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_LOCKED_CHANNEL, forward);
    };
  },
  onLockRequested(listener) {
    const flush = (_event: unknown, requestId: unknown): void => {
      if (typeof requestId !== 'string') return;
      // Answered whether the save worked or not: the lock must go ahead either way.
      void Promise.resolve()
        .then(listener)
        .catch(() => undefined)
        .finally(() => void ipcRenderer.invoke(IPC_FLUSHED_CHANNEL, requestId));
    };
    ipcRenderer.on(IPC_LOCK_REQUESTED_CHANNEL, flush);
    return () => {
      ipcRenderer.removeListener(IPC_LOCK_REQUESTED_CHANNEL, flush);
    };
  },
  async chooseFile(purpose) {
    const chosen: unknown = await ipcRenderer.invoke(IPC_CHOOSE_FILE_CHANNEL, purpose);
    return typeof chosen === 'string' ? chosen : null;
  },
  async chooseFolder(purpose) {
    const chosen: unknown = await ipcRenderer.invoke(IPC_CHOOSE_FOLDER_CHANNEL, purpose);
    return typeof chosen === 'string' ? chosen : null;
  },
};

contextBridge.exposeInMainWorld('confide', bridge);

function isProgress(value: unknown): value is Progress {
  if (typeof value !== 'object' || value === null) return false;
  const { phase, done, total } = value as Record<string, unknown>;
  return typeof phase === 'string' && typeof done === 'number' && typeof total === 'number';
}
