import { useId, useState, type FormEvent } from 'react';
import { call, type UiError } from '../api';
import type { SearchHit } from '../../../shared/records';
import { Alert } from './Alert';

interface Props {
  clientId: string;
  onOpenNote(noteId: string): void;
}

/** Searches the text of the notes in this client's file only (the core applies the subject-set rule). */
export function FileSearch({ clientId, onOpenNote }: Props) {
  const inputId = useId();
  const headingId = useId();
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = text.trim();
    if (query === '' || busy) return;
    setBusy(true);
    const result = await call('search.query', { text: query, clientId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      setHits([]);
      setSearched(null);
      return;
    }
    setError(null);
    setHits(result.value.hits.filter((hit) => hit.kind === 'note' && hit.noteId !== null));
    setSearched(query);
  }

  return (
    <section className="panel panel--compact" aria-labelledby={headingId}>
      <h2 id={headingId}>Search this file</h2>
      <form role="search" aria-labelledby={headingId} className="inline-search" onSubmit={(event) => void submit(event)}>
        <label htmlFor={inputId} className="visually-hidden">
          Search notes in this file
        </label>
        <input
          id={inputId}
          type="search"
          value={text}
          placeholder="Words in this client’s notes"
          autoComplete="off"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy || text.trim() === ''}>
          Search
        </button>
      </form>
      {error ? <Alert>{error.message}</Alert> : null}
      <div role="status" aria-live="polite" className="file-search-status">
        {searched === null
          ? null
          : hits.length === 0
            ? `No notes in this file mention “${searched}”.`
            : `${hits.length} ${hits.length === 1 ? 'note mentions' : 'notes mention'} “${searched}”`}
      </div>
      {hits.length > 0 ? (
        <ul className="search-hits" aria-label="Notes found in this file">
          {hits.map((hit) => (
            <li key={hit.noteId} className="search-hit">
              <button type="button" className="search-hit-button" onClick={() => hit.noteId && onOpenNote(hit.noteId)}>
                <span className="search-hit-snippet">{hit.snippet}</span>
                <span className="visually-hidden"> — open note</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
