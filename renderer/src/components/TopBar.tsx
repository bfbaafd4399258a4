import { useState } from 'react';
import { lockNow } from '../lifecycle';
import { go, useNavigation } from '../stores/navigation';
import { useSession } from '../stores/session';

export function TopBar() {
  const practiceName = useSession((state) => state.practiceName);
  const user = useSession((state) => state.user);
  const screen = useNavigation((state) => state.screen.name);
  const [locking, setLocking] = useState(false);
  const isDirector = user?.roles.includes('director') ?? false;
  const onUsers = screen === 'users';
  const onSettings = screen === 'settings';
  const onAudit = screen === 'audit';
  const onRecordings = screen === 'recordings' || screen === 'recording';
  const onDisclosures = screen === 'disclosures';
  const onRetention = screen === 'retention' || screen === 'purge';
  return (
    <header className="topbar">
      <div className="topbar-identity">
        <span className="topbar-brand">Confide</span>
        {practiceName ? <span className="topbar-practice">{practiceName}</span> : null}
      </div>
      <nav className="topbar-nav" aria-label="Main">
        <button
          type="button"
          className="topbar-link"
          aria-current={!onUsers && !onSettings && !onAudit && !onRecordings && !onDisclosures && !onRetention ? 'page' : undefined}
          onClick={() => go({ name: 'clients' })}
        >
          Clients
        </button>
        <button
          type="button"
          className="topbar-link"
          aria-current={onRecordings ? 'page' : undefined}
          onClick={() => go({ name: 'recordings' })}
        >
          Recordings
        </button>
        <button
          type="button"
          className="topbar-link"
          aria-current={onDisclosures ? 'page' : undefined}
          onClick={() => go({ name: 'disclosures' })}
        >
          Disclosures
        </button>
        {isDirector ? (
          <button
            type="button"
            className="topbar-link"
            aria-current={onUsers ? 'page' : undefined}
            onClick={() => go({ name: 'users' })}
          >
            Users
          </button>
        ) : null}
        {isDirector ? (
          <button
            type="button"
            className="topbar-link"
            aria-current={onRetention ? 'page' : undefined}
            onClick={() => go({ name: 'retention' })}
          >
            Retention
          </button>
        ) : null}
        {isDirector ? (
          <button
            type="button"
            className="topbar-link"
            aria-current={onAudit ? 'page' : undefined}
            onClick={() => go({ name: 'audit' })}
          >
            Audit log
          </button>
        ) : null}
        <button
          type="button"
          className="topbar-link"
          aria-current={onSettings ? 'page' : undefined}
          onClick={() => go({ name: 'settings' })}
        >
          Settings
        </button>
      </nav>
      <div className="topbar-user">
        <span>
          Signed in as <strong>{user?.name ?? ''}</strong>
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
