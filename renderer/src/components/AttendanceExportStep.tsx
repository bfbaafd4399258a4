import { useEffect, useRef, useState } from 'react';
import { call, type UiError } from '../api';
import type { MethodInput, MethodOutput } from '../../../shared/contract';
import type { AttendancePreview } from '../../../shared/release';
import { missingConsentWords } from '../../../shared/rules/release-eligibility';
import { formatDate, personLabel } from '../format';
import { recipientLabel } from '../releaseFormat';
import { go } from '../stores/navigation';
import { Alert } from './Alert';
import { CsvPreview, LetterPreview } from './LetterPreview';

type Request = MethodInput<'attendance.preview'>;
type Exported = MethodOutput<'attendance.export'>;

function MissingConsents({ preview, onIndividualOnly }: { preview: AttendancePreview; onIndividualOnly(): void }) {
  return (
    <div className="alert alert--error missing-consents" role="alert">
      <h3>Joint sessions cannot be included</h3>
      <p>Every person at a joint session must have consented in writing before its date leaves the practice. Missing:</p>
      <ul>
        {preview.missing.map((m) => (
          <li key={m.client.id}>
            <strong>{personLabel(m.client)}</strong> {missingConsentWords(m.reason, preview.recipient.organisation)} — joint{' '}
            {m.sessionDates.length === 1 ? 'session' : 'sessions'} on {m.sessionDates.map(formatDate).join(', ')}.
          </li>
        ))}
      </ul>
      <p>Record their consent from their own file, or send this summary for individual sessions only.</p>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={onIndividualOnly}>
          Individual sessions only
        </button>
      </div>
    </div>
  );
}

const changeLabels: Record<string, string> = {
  includeName: 'Change how the letter names the client',
  includeDateOfBirth: 'Change how the letter names the client',
  periodFrom: 'Change the period',
  periodTo: 'Change the period',
  consentId: 'Choose another consent',
  includeMissedAndCancelled: 'Change what is included',
  jointSessions: 'Change what is included',
};

/** The core's reason for refusing the preview or the export, and a way back to the choice it concerns. */
function Refusal({ failure, onChange }: { failure: UiError; onChange(field: string): void }) {
  const field = Object.keys(failure.fields).find((name) => name in changeLabels);
  return (
    <div className="alert alert--error release-refusal" role="alert">
      <p>{failure.message}</p>
      {field ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => onChange(field)}>
            {changeLabels[field]}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function ExportDone({ exported, clientId }: { exported: Exported; clientId: string }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="export-done" aria-labelledby="export-done-heading">
      <h3 id="export-done-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        Attendance summary exported
      </h3>
      <Alert tone="success">
        Entered in the disclosure log as <strong>{exported.disclosure.reference}</strong>, with the SHA-256 of each file.
      </Alert>
      <ul className="exported-files" aria-label="Files written">
        {exported.files.map((file) => (
          <li key={file.name}>
            <span className="exported-file-name">{file.name}</span>
            <span className="exported-file-path muted">{file.path}</span>
            <span className="digest">
              SHA-256 <code>{file.sha256}</code>
            </span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => go({ name: 'disclosures' })}>
          Open the disclosure log
        </button>
        <button type="button" className="button" onClick={() => go({ name: 'client', clientId })}>
          Back to the client file
        </button>
      </div>
    </section>
  );
}

/**
 * The last step: the core's preview of exactly what will leave, then the folder and the export. Whatever the
 * screen showed, the core checks every consent again when exporting, on its own clock.
 */
export function AttendanceExportStep({
  request,
  onIndividualOnly,
  onExported,
  onChange,
}: {
  request: Request;
  onIndividualOnly(): void;
  onExported(): void;
  /** Go back to the step where `field`, which the core refused, is chosen. */
  onChange(field: string): void;
}) {
  const [preview, setPreview] = useState<AttendancePreview | null>(null);
  const [previewFailure, setPreviewFailure] = useState<UiError | null>(null);
  const [exportFailure, setExportFailure] = useState<UiError | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | undefined>();
  const [exported, setExported] = useState<Exported | null>(null);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const key = JSON.stringify(request);

  // A new choice (individual sessions only) starts afresh; a refusal stays on screen with the preview it led to.
  useEffect(() => setExportFailure(null), [key]);
  useEffect(() => {
    let live = true;
    setPreview(null);
    setPreviewFailure(null);
    void call('attendance.preview', JSON.parse(key) as Request).then((result) => {
      if (!live) return;
      if (result.ok) setPreview(result.value);
      else setPreviewFailure(result.error);
    });
    return () => {
      live = false;
    };
  }, [key, refresh]);

  async function chooseFolder() {
    const chosen = await window.confide.chooseFolder('export');
    if (chosen !== null) {
      setFolder(chosen);
      setFolderError(undefined);
    }
  }

  async function exportFiles() {
    if (busy) return;
    if (folder === null) {
      setFolderError('Choose the folder the files go to');
      document.getElementById('choose-folder')?.focus();
      return;
    }
    setBusy(true);
    const result = await call('attendance.export', { ...request, outputFolder: folder });
    setBusy(false);
    if (result.ok) {
      setExported(result.value);
      onExported();
      return;
    }
    if (result.error.fields.outputFolder) {
      setFolderError(result.error.fields.outputFolder);
      document.getElementById('choose-folder')?.focus();
      return;
    }
    setExportFailure(result.error);
    // Something changed since the preview (a consent withdrawn or expired): show what stands now.
    setRefresh((n) => n + 1);
  }

  if (exported) return <ExportDone exported={exported} clientId={request.clientId} />;
  // After a refused export the preview is asked again; when it fails for the same reason, say it once.
  const refusal = previewFailure ?? exportFailure;
  return (
    <>
      {refusal ? <Refusal failure={refusal} onChange={onChange} /> : null}
      {preview === null ? (
        previewFailure ? null : <p className="muted">Preparing the preview…</p>
      ) : (
        <>
          {preview.missing.length > 0 ? <MissingConsents preview={preview} onIndividualOnly={onIndividualOnly} /> : null}
          <dl className="summary">
            <div>
              <dt>To</dt>
              <dd>{recipientLabel(preview.recipient)}</dd>
            </div>
            <div>
              <dt>Consents relied on</dt>
              <dd>
                <ul className="consent-list">
                  {preview.reliedOn.map((consent) => (
                    <li key={consent.consentId}>
                      {personLabel(consent.client)}, signed {formatDate(consent.signedOn)}, expires {formatDate(consent.expiresOn)}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
            {preview.jointSessions > 0 && request.jointSessions === 'exclude' ? (
              <div>
                <dt>Left out</dt>
                <dd>
                  {preview.jointSessions} joint {preview.jointSessions === 1 ? 'session' : 'sessions'} (individual sessions only)
                </dd>
              </div>
            ) : null}
          </dl>
          {preview.letter && preview.csv ? (
            <section className="what-leaves" aria-labelledby="what-leaves-heading">
              <h3 id="what-leaves-heading">Exactly what will leave the practice</h3>
              <p className="muted">
                Two files, named without the client’s name: {preview.fileNames.join(' and ')}. Nothing else is in them.
              </p>
              <LetterPreview letter={preview.letter} />
              <h4>The CSV file</h4>
              <CsvPreview rows={preview.csv} />
            </section>
          ) : null}
          {preview.letter ? (
            <section className="export-folder" aria-labelledby="export-folder-heading">
              <h3 id="export-folder-heading">Where the files go</h3>
              <div className={folderError ? 'field field--invalid' : 'field'}>
                {folderError ? (
                  <p className="field-error" id="folder-error">
                    {folderError}
                  </p>
                ) : null}
                <div className="scan-choice">
                  {folder ? <code className="chosen-folder">{folder}</code> : <span className="muted">No folder chosen</span>}
                  <button
                    type="button"
                    id="choose-folder"
                    className="button button--small"
                    aria-invalid={folderError ? true : undefined}
                    aria-describedby={folderError ? 'folder-error' : undefined}
                    onClick={() => void chooseFolder()}
                  >
                    {folder ? 'Choose another folder' : 'Choose a folder…'}
                  </button>
                </div>
              </div>
              <p className="muted">
                The files are not encrypted once they leave the vault: send them securely, and delete them when they have gone. The export is
                entered in the disclosure log.
              </p>
              <div className="actions">
                <button type="button" className="button button--primary" disabled={busy} onClick={() => void exportFiles()}>
                  {busy ? 'Exporting…' : 'Export the letter and CSV'}
                </button>
              </div>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
