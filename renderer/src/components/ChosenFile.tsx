import { useId } from 'react';
import type { FilePurpose } from '../../../shared/bridge';
import { fileNameOf } from '../recordingLabels';

interface Props {
  label: string;
  purpose: FilePurpose;
  path: string | null;
  hint: string;
  error?: string | undefined;
  /** Optional files can be taken away again. */
  optional?: boolean;
  onChange(path: string | null): void;
}

/**
 * A file chosen with the system's own dialog (the page never browses the disk): the button opens it, and the
 * file's name shows once chosen. Only its path reaches the core, which reads the file itself.
 */
export function ChosenFile({ label, purpose, path, hint, error, optional = false, onChange }: Props) {
  const id = useId();
  const describedBy = [`${id}-hint`, `${id}-chosen`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  async function choose() {
    const chosen = await window.confide.chooseFile(purpose);
    if (chosen !== null) onChange(chosen);
  }
  return (
    <div className={error ? 'field field--invalid chosen-file' : 'field chosen-file'} role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="field-label">
        {label}
      </span>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      <div className="chosen-file-row">
        <button type="button" className="button" aria-describedby={describedBy} aria-invalid={error ? true : undefined} onClick={() => void choose()}>
          {path === null ? `Choose ${label.toLowerCase()}…` : 'Choose another file…'}
        </button>
        <span id={`${id}-chosen`} className={path === null ? 'muted' : 'chosen-file-name'}>
          {path === null ? 'No file chosen' : fileNameOf(path)}
        </span>
        {optional && path !== null ? (
          <button type="button" className="button button--small button--quiet" onClick={() => onChange(null)}>
            Remove<span className="visually-hidden"> {label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
