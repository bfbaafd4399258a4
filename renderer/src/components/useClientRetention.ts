import { useCallback, useEffect, useState } from 'react';
import type { ClientDueInFile } from '../../../shared/retention';
import { call, type UiError } from '../api';

export interface ClientRetention {
  due: ClientDueInFile | null;
  failure: UiError | null;
  reload(): Promise<void>;
}

/** One client's retention as the core gives it (due date, holds, records marked in error, what this user may do). */
export function useClientRetention(clientId: string): ClientRetention {
  const [due, setDue] = useState<ClientDueInFile | null>(null);
  const [failure, setFailure] = useState<UiError | null>(null);

  const reload = useCallback(async () => {
    const result = await call('retention.clientDue', { clientId });
    if (result.ok) {
      setDue(result.value);
      setFailure(null);
    } else setFailure(result.error);
  }, [clientId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { due, failure, reload };
}
