import { useEffect, useId, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SearchHit } from '../../../shared/records';
import type { ClientSummary } from '../../../shared/schemas';
import { AddClientDialog } from '../components/AddClientDialog';
import { Alert } from '../components/Alert';
import { ScreenHeading } from '../components/ScreenHeading';
import { formatDate } from '../format';
import { useClients, type StatusFilter } from '../stores/clients';
import { go } from '../stores/navigation';
import { useSession } from '../stores/session';

const ROW_HEIGHT = 60;

function ClientRow({ client }: { client: ClientSummary }) {
  return (
    <button type="button" className="client-row" onClick={() => go({ name: 'client', clientId: client.id })}>
      <span className="client-row-name">
        {client.name}
        {client.preferredName ? <span className="client-row-preferred"> ({client.preferredName})</span> : null}
      </span>
      <span className="client-row-meta">
        <span className="client-row-reference">{client.reference}</span>
        <span>{client.dateOfBirth ? `Born ${formatDate(client.dateOfBirth)}` : 'Date of birth not recorded'}</span>
        <span className={`badge badge--${client.status}`}>{client.status === 'active' ? 'Active' : 'Closed'}</span>
      </span>
    </button>
  );
}

function ClientList({ clients, labelledBy }: { clients: ClientSummary[]; labelledBy: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: clients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => clients[index]?.id ?? index,
  });
  return (
    <div ref={scrollRef} className="client-list-scroll" data-testid="client-list">
      <ul
        className="client-list"
        aria-labelledby={labelledBy}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const client = clients[item.index];
          if (client === undefined) return null;
          return (
            <li
              key={item.key}
              className="client-list-item"
              aria-setsize={clients.length}
              aria-posinset={item.index + 1}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <ClientRow client={client} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Notes whose text matched, shown apart from the name matches: one row per client the note is about. */
function NoteHits({ hits, query }: { hits: SearchHit[]; query: string }) {
  const headingId = useId();
  return (
    <section className="note-hits" aria-labelledby={headingId}>
      <h2 id={headingId} className="note-hits-heading">
        Found in notes
      </h2>
      <p className="note-hit-count" role="status" aria-live="polite">
        {hits.length === 0
          ? `No notes you can read mention “${query.trim()}”.`
          : `${hits.length} ${hits.length === 1 ? 'note mentions' : 'notes mention'} “${query.trim()}”`}
      </p>
      {hits.length > 0 ? (
        <ul className="search-hits" aria-labelledby={headingId}>
          {hits.map((hit) => (
            <li key={`${hit.noteId}-${hit.client.id}`} className="search-hit">
              <button
                type="button"
                className="search-hit-button"
                onClick={() => go({ name: 'client', clientId: hit.client.id })}
              >
                <span className="search-hit-client">
                  <span className="client-row-reference">{hit.client.reference}</span> {hit.client.name}
                </span>
                <span className="search-hit-snippet">{hit.snippet}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function countText(count: number, query: string): string {
  if (count === 0) return query.trim() === '' ? 'No clients yet.' : `No clients match “${query.trim()}”.`;
  const noun = count === 1 ? 'client' : 'clients';
  return query.trim() === '' ? `${count.toLocaleString('en-GB')} ${noun}` : `${count.toLocaleString('en-GB')} ${noun} match “${query.trim()}”`;
}

export function Clients() {
  const { query, answeredQuery, status, clients, noteHits, loaded, error, noteError, setQuery, setStatus, load } = useClients();
  const notice = useSession((state) => state.notice);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const searchId = useId();
  const statusId = useId();
  const listHeadingId = useId();

  useEffect(() => {
    void load();
  }, [load]);

  // A one-off notice (e.g. "new passphrase set") is shown on this visit only.
  useEffect(() => {
    if (notice !== null) return () => useSession.getState().setNotice(null);
  }, [notice]);

  return (
    <main className="page" aria-labelledby="clients-heading">
      <div className="page-header">
        <ScreenHeading id="clients-heading">Clients</ScreenHeading>
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Add client
        </button>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {added ? <Alert tone="success">{added}</Alert> : null}
      <div role="search" className="toolbar" aria-label="Find clients">
        <div className="field field--inline">
          <label htmlFor={searchId}>Search</label>
          <input
            id={searchId}
            type="search"
            value={query}
            placeholder="Name, reference or words in notes"
            autoComplete="off"
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor={statusId}>Show</label>
          <select id={statusId} value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
            <option value="active">Active clients</option>
            <option value="closed">Closed clients</option>
            <option value="all">All clients</option>
          </select>
        </div>
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      {/* While note text is searched too, the two kinds of result get visible headings of their own. */}
      <h2 id={listHeadingId} className={noteHits === null ? 'visually-hidden' : 'note-hits-heading'}>
        {noteHits === null ? 'Client list' : 'Clients by name or reference'}
      </h2>
      <p className="result-count" role="status" aria-live="polite">
        {loaded ? countText(clients.length, answeredQuery) : 'Loading clients…'}
      </p>
      {clients.length > 0 ? <ClientList clients={clients} labelledBy={listHeadingId} /> : null}
      {noteError ? <Alert>{noteError.message}</Alert> : null}
      {loaded && noteHits !== null ? <NoteHits hits={noteHits} query={answeredQuery} /> : null}
      {adding ? (
        <AddClientDialog
          onClose={() => setAdding(false)}
          onAdded={(client) => {
            setAdding(false);
            setAdded(`Added ${client.name} (reference ${client.reference}).`);
            void load();
          }}
        />
      ) : null}
    </main>
  );
}
