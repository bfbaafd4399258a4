/**
 * Tables that hold what a third party must never get from an attendance summary: note text and its index,
 * amendments, clients' comments, referrer details, equality monitoring, and the reasons given for corrections.
 */
export const FREE_TEXT_TABLES = [
  'notes',
  'note_subjects',
  'note_amendments',
  'note_client_comments',
  'notes_fts',
  'note_amendments_fts',
  'clients_fts',
  'client_referrers',
  'client_equality',
  'session_corrections',
];
