import { useEffect } from 'react';
import { ScreenHeading } from './components/ScreenHeading';
import { TopBar } from './components/TopBar';
import { installLockHandling, startup } from './lifecycle';
import { ClientFile } from './screens/ClientFile';
import { Clients } from './screens/Clients';
import { NewCase } from './screens/NewCase';
import { NoteScreen } from './screens/Note';
import { Settings } from './screens/Settings';
import { Users } from './screens/Users';
import { AuditLog } from './screens/AuditLog';
import { RecordingScreen } from './screens/Recording';
import { RecordingsRegister } from './screens/RecordingsRegister';
import { AttendanceSummary } from './screens/AttendanceSummary';
import { Disclosures } from './screens/Disclosures';
import { Retention } from './screens/Retention';
import { Purge } from './screens/Purge';
import { CreateVault } from './screens/CreateVault';
import { Recover } from './screens/Recover';
import { RecoveryCode } from './screens/RecoveryCode';
import { Unlock } from './screens/Unlock';
import { go, useNavigation, type Screen } from './stores/navigation';

const titles: Record<Screen['name'], string> = {
  loading: 'Confide',
  'startup-error': 'Confide cannot open',
  create: 'Set up your vault — Confide',
  'recovery-code': 'Recovery code — Confide',
  unlock: 'Unlock — Confide',
  recover: 'Recovery code — Confide',
  clients: 'Clients — Confide',
  client: 'Client file — Confide',
  'new-case': 'New case — Confide',
  note: 'Note — Confide',
  attendance: 'Attendance summary — Confide',
  disclosures: 'Disclosure log — Confide',
  users: 'Users — Confide',
  audit: 'Audit log — Confide',
  settings: 'Settings — Confide',
  recordings: 'Register of recordings — Confide',
  recording: 'Recording — Confide',
  retention: 'Retention — Confide',
  purge: 'Purge — Confide',
};

function CurrentScreen({ screen }: { screen: Screen }) {
  switch (screen.name) {
    case 'loading':
      return (
        <main className="page page--narrow" aria-labelledby="loading-heading">
          <ScreenHeading id="loading-heading">Opening Confide…</ScreenHeading>
        </main>
      );
    case 'startup-error':
      return (
        <main className="page page--narrow" aria-labelledby="error-heading">
          <ScreenHeading id="error-heading">Confide cannot open the vault</ScreenHeading>
          <p role="alert">{screen.message}</p>
        </main>
      );
    case 'create':
      return <CreateVault />;
    case 'recovery-code':
      return <RecoveryCode />;
    case 'unlock':
      return <Unlock />;
    case 'recover':
      return <Recover />;
    case 'clients':
      return <Clients />;
    case 'client':
      // Keyed so moving between clients starts a fresh screen (and moves focus to its heading).
      return <ClientFile key={screen.clientId} clientId={screen.clientId} notice={screen.notice} />;
    case 'new-case':
      return <NewCase clientId={screen.clientId} />;
    case 'note':
      return <NoteScreen key={screen.noteId ?? JSON.stringify(screen.about)} clientId={screen.clientId} about={screen.about} noteId={screen.noteId} />;
    case 'attendance':
      return <AttendanceSummary key={screen.clientId} clientId={screen.clientId} />;
    case 'disclosures':
      return <Disclosures />;
    case 'users':
      return <Users />;
    case 'audit':
      return <AuditLog />;
    case 'settings':
      return <Settings notice={screen.notice} />;
    case 'recordings':
      return <RecordingsRegister />;
    case 'recording':
      return <RecordingScreen key={screen.recordingId} recordingId={screen.recordingId} clientId={screen.clientId} />;
    case 'retention':
      return <Retention onStartPurge={() => go({ name: 'purge' })} />;
    case 'purge':
      return <Purge />;
  }
}

const signedInScreens = new Set<Screen['name']>(['clients', 'client', 'new-case', 'note', 'attendance', 'disclosures', 'users', 'audit', 'settings', 'recordings', 'recording', 'retention', 'purge']);

export function App() {
  const screen = useNavigation((state) => state.screen);

  useEffect(() => {
    const uninstall = installLockHandling();
    void startup();
    return uninstall;
  }, []);

  useEffect(() => {
    // Window titles show in the task switcher, so they never name a client.
    document.title = titles[screen.name];
  }, [screen.name]);

  return (
    <div className="app">
      {signedInScreens.has(screen.name) ? (
        <TopBar />
      ) : (
        <header className="topbar topbar--plain screen-only">
          <span className="topbar-brand">Confide</span>
        </header>
      )}
      <CurrentScreen key={screen.name} screen={screen} />
    </div>
  );
}
