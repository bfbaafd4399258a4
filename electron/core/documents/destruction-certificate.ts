import { z } from 'zod';
import { calendarDate, count, line, parseDocumentInput } from './document-input';

/** One destroyed client record, by reference code, with what went with it. */
export interface DestroyedRecord {
  reference: string;
  records: number;
  sessions: number;
  notes: number;
  recordings: number;
}

/** A field group destroyed from a client record that was kept, by the client's reference. */
export interface DestroyedFieldGroup {
  reference: string;
  what: 'referrer' | 'equality-monitoring';
  /** How many of its fields held something. */
  fields: number;
}

/**
 * What a destruction certificate says: who authorised which run, what was destroyed (by reference and
 * counts, never names) and under which retention rules.
 */
export interface DestructionCertificate {
  practice: { name: string; addressLines: readonly string[] };
  runId: string;
  date: string;
  authorisedBy: { name: string; role: string };
  destroyed: readonly DestroyedRecord[];
  /** Parts of records destroyed while the records were kept (referrer details, equality answers); none when absent. */
  fieldGroups?: readonly DestroyedFieldGroup[];
  /** The retention rules applied, one plain-English sentence each. */
  rulesApplied: readonly string[];
}

const schema = z
  .strictObject({
    practice: z.strictObject({
      name: line('The practice name', 120),
      addressLines: z.array(line('An address line', 120)).max(6, 'The practice address has more than 6 lines'),
    }),
    runId: line('The run id', 64),
    date: calendarDate('The date of destruction'),
    authorisedBy: z.strictObject({ name: line('The name of who authorised it', 120), role: line('Their role', 120) }),
    destroyed: z
      .array(
        z.strictObject({
          reference: line('A reference code', 40),
          records: count('A number of records'),
          sessions: count('A number of sessions'),
          notes: count('A number of notes'),
          recordings: count('A number of recordings'),
        }),
      )
      .max(200_000, 'More than 200,000 records are listed'),
    fieldGroups: z
      .array(
        z.strictObject({
          reference: line('A reference code', 40),
          what: z.enum(['referrer', 'equality-monitoring']),
          fields: count('A number of fields'),
        }),
      )
      .max(400_000, 'More than 400,000 field groups are listed')
      .optional(),
    rulesApplied: z.array(line('A retention rule', 400)).min(1, 'No retention rule is given').max(40, 'More than 40 retention rules are given'),
  })
  .superRefine((certificate, context) => {
    const references = certificate.destroyed.map((entry) => entry.reference);
    if (new Set(references).size !== references.length) {
      context.addIssue({ code: 'custom', message: 'A reference code is listed twice', path: ['destroyed'] });
    }
    const groups = (certificate.fieldGroups ?? []).map((entry) => `${entry.reference} ${entry.what}`);
    if (new Set(groups).size !== groups.length) {
      context.addIssue({ code: 'custom', message: 'A field group is listed twice', path: ['fieldGroups'] });
    }
  });

export function checkedDestructionCertificate(input: DestructionCertificate): DestructionCertificate {
  return parseDocumentInput(schema, input, 'destruction certificate') as DestructionCertificate;
}

export function destructionTotals(destroyed: readonly DestroyedRecord[]): Omit<DestroyedRecord, 'reference'> {
  const sum = (key: keyof Omit<DestroyedRecord, 'reference'>) => destroyed.reduce((total, entry) => total + entry[key], 0);
  return { records: sum('records'), sessions: sum('sessions'), notes: sum('notes'), recordings: sum('recordings') };
}
