import { useState } from 'react';
import { lockNow } from '../lifecycle';
import { useSession } from '../stores/session';

export function TopBar() {
  const practiceName = useSession((state) => state.practiceName);
  const userName = useSession((state) => state.user?.name ?? '');
  const [locking, setLocking] = useState(false);
  return (
    <header className="topbar">
      <div className="topbar-identity">
        <span className="topbar-brand">Confide</span>
        {practiceName ? <span className="topbar-practice">{practiceName}</span> : null}
      </div>
      <div className="topbar-user">
        <span>
          Signed in as <strong>{userName}</strong>
        </span>
        <button
          type="button"
          className="button button--lock"
          disabled={locking}
          onClick={() => {
            setLocking(true);
            void lockNow().finally(() => setLocking(false));
          }}
        >
          {locking ? 'Locking…' : 'Lock'}
        </button>
      </div>
    </header>
  );
}
