import { parseReference, type ReferenceKind } from '../../shared/client-reference';
import type { CallResult } from '../../shared/errors';
import type { Core } from '../core/types';
import { UsageError } from './usage-error';

/** Fields that take ids of records people know by reference; a reference given there is resolved by the core. */
const REFERENCE_FIELDS: Readonly<Record<string, ReferenceKind>> = {
  clientId: 'client',
  participantIds: 'client',
  attendeeIds: 'client',
  caseId: 'case',
};

/** A well-formed id that names nothing, standing in for a reference while the input is checked before unlocking. */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

const EXAMPLE: Record<ReferenceKind, string> = { client: 'a client (C-0001)', case: 'a case (K-0001)' };

interface Slot {
  holder: Record<string, unknown> | unknown[];
  key: string | number;
  reference: string;
}

/**
 * The references in an input's id fields. Id fields sit at the top level or one object down (`about`), so
 * the search goes no deeper: a hostile, deeply nested input costs nothing here.
 */
export function findReferences(input: unknown): ReferenceSlots {
  const slots: Slot[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > 1) return;
    const record = value as Record<string, unknown>;
    for (const [key, field] of Object.entries(record)) {
      const kind = Object.hasOwn(REFERENCE_FIELDS, key) ? REFERENCE_FIELDS[key] : undefined;
      if (kind === undefined) {
        visit(field, depth + 1);
        continue;
      }
      const candidates: Array<[Record<string, unknown> | unknown[], string | number, unknown]> = Array.isArray(field)
        ? field.map((item, index) => [field, index, item])
        : [[record, key, field]];
      for (const [holder, at, item] of candidates) {
        if (typeof item !== 'string') continue;
        const parsed = parseReference(item);
        if (!parsed) continue;
        if (parsed.kind !== kind) throw new UsageError(`${key} takes ${EXAMPLE[kind]} or its id, not a ${parsed.kind} reference.`);
        slots.push({ holder, key: at, reference: item });
      }
    }
  };
  visit(input, 0);
  return new ReferenceSlots(slots);
}

export class ReferenceSlots {
  constructor(private readonly slots: Slot[]) {}

  fill(id: string): void {
    for (const slot of this.slots) set(slot, id);
  }

  /** Puts the id of each reference in its place, asking the core, which applies the caller's visibility. */
  async resolve(core: Core, failed: (result: CallResult<never>) => never): Promise<void> {
    const ids = new Map<string, string>();
    for (const slot of this.slots) {
      let id = ids.get(slot.reference);
      if (id === undefined) {
        const result = (await core.call('references.resolve', { reference: slot.reference })) as CallResult<{ id: string }>;
        if (!result.ok) failed(result);
        id = result.value.id;
        ids.set(slot.reference, id);
      }
      set(slot, id);
    }
  }
}

function set(slot: Slot, id: string): void {
  if (Array.isArray(slot.holder)) slot.holder[slot.key as number] = id;
  else slot.holder[slot.key as string] = id;
}
