/**
 * Who may do what with a client's record (DESIGN.md §1.1). The core decides the facts (is the client in this
 * user's caseload?) and enforces with these functions; the renderer is told the result with each record
 * (`can`) and never infers a permission from a failed call.
 */
export interface Actor {
  isDirector: boolean;
  isTherapist: boolean;
}

export interface ClientCapabilities {
  /** Note content: only the client's own clinician, never a director as such. */
  readNotes: boolean;
  writeNotes: boolean;
  /** Identity, contact and referral details. */
  editDetails: boolean;
  /** Equality monitoring is special-category data: the client's clinician only. */
  seeEqualityMonitoring: boolean;
  openCase: boolean;
}

/** `clinician`: the client is in this user's caseload (assigned to them, or in a case they run). */
export function clientCapabilities(actor: Actor, clinician: boolean): ClientCapabilities {
  return {
    readNotes: clinician,
    writeNotes: clinician && actor.isTherapist,
    editDetails: clinician || actor.isDirector,
    seeEqualityMonitoring: clinician,
    openCase: actor.isDirector || (clinician && actor.isTherapist),
  };
}

export interface CaseCapabilities {
  /** Record (and correct) its sessions: its own therapist, while it is open. */
  recordSessions: boolean;
  /** Write case and session notes in it: its own therapist, while it is open. */
  writeNotes: boolean;
  /** Correct a session recorded wrongly: its own therapist, open or closed (the record must be right). */
  correctSessions: boolean;
  /** Close it: its therapist or a practice director, while it is open. */
  close: boolean;
}

export function caseCapabilities(actor: Actor, kase: { runsCase: boolean; open: boolean }): CaseCapabilities {
  return {
    recordSessions: kase.open && kase.runsCase,
    writeNotes: kase.open && kase.runsCase,
    correctSessions: kase.runsCase,
    close: kase.open && (kase.runsCase || actor.isDirector),
  };
}

export interface RetentionCapabilities {
  /** The retention dashboard, the rules' effect on the whole practice, and every client's due date. */
  seeRetention: boolean;
  changeRules: boolean;
  /** Place and release legal holds on a client or a case. */
  manageHolds: boolean;
  /** Mark a duplicate client or a session recorded on the wrong client for early destruction. */
  markEnteredInError: boolean;
}

/** Retention and destruction are a practice director's acts (DESIGN.md §1.5), whoever the client's clinician is. */
export function retentionCapabilities(actor: Actor): RetentionCapabilities {
  return {
    seeRetention: actor.isDirector,
    changeRules: actor.isDirector,
    manageHolds: actor.isDirector,
    markEnteredInError: actor.isDirector,
  };
}
