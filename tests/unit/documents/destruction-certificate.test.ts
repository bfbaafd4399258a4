import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DestructionCertificate } from '../../../electron/core/documents/destruction-certificate';
import { destructionCertificatePdf } from '../../../electron/core/documents/destruction-certificate-pdf';
import { ConfideError } from '../../../electron/core/errors';
import { CREATED_AT, sampleCertificate, shippedFonts } from '../../support/document-fixtures';
import { allText, occurrences, pdfText, renderFirstPage } from '../../support/pdf-text';

const render = (certificate: DestructionCertificate) => destructionCertificatePdf(certificate, { fonts: shippedFonts(), createdAt: CREATED_AT });
const HEADER_ROW = 'Reference Records Sessions Notes Recordings';
const RUN = '3f2b8c1e-5d7a-4c2b-9e1f-0a6b7c8d9e10';

describe('the destruction certificate', () => {
  it('says who authorised which run, when, what was destroyed by reference and counts, under which rules', async () => {
    const text = await pdfText(render(sampleCertificate(4)));
    const flow = allText(text);
    for (const expected of [
      'Riverside Counselling',
      'Certificate of destruction',
      `Run ${RUN}`,
      'Date 14 March 2031',
      'Authorised by Pat Lee, Practice director',
      'Destroyed 4 reference codes: 4 records, 42 sessions, 66 notes and 1 recording.',
      'The records listed in the schedule below were destroyed permanently on 14 March 2031, with the approval of Pat Lee',
      'It identifies no one: it holds no names, dates of birth, contact details or record content',
      'Retention rules applied',
      'Client records are kept for 7 years after the client’s last case closed, then destroyed.',
      'Signed',
      HEADER_ROW,
      'C-1000 1 0 0 1',
      'C-1003 1 21 33 0',
      'Total (4) 4 42 66 1',
    ]) {
      expect(flow).toContain(expected);
    }
    expect(text.pages[0]!.at(-1)).toBe(`Certificate of destruction · Run ${RUN} · Page 1 of 1`);
    expect(text.info).toMatchObject({ Title: 'Certificate of destruction', Author: 'Riverside Counselling' });
  });

  it('runs a long schedule over many pages: numbered, the column headings on each, every reference once', async () => {
    const certificate = sampleCertificate(700);
    const { pages } = await pdfText(render(certificate));
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((lines, index) => {
      expect(lines.at(-1)).toBe(`Certificate of destruction · Run ${RUN} · Page ${index + 1} of ${pages.length}`);
      if (index > 0) expect(lines.slice(0, 2)).toEqual(['Schedule of records destroyed (continued)', HEADER_ROW]);
    });
    const text = pages.flat().join('\n');
    for (const { reference } of certificate.destroyed) expect(occurrences(text, `${reference} `)).toBe(1);
    expect(text).toContain('Total (700) 700 13,630 15,400 78');
  });

  it('says plainly when a run destroyed nothing', async () => {
    const flow = allText(await pdfText(render(sampleCertificate(0))));
    expect(flow).toContain('Destroyed Nothing was destroyed in this run.');
    expect(flow).not.toContain(HEADER_ROW);
  });

  it('is reproducible from its input and the clock', () => {
    const certificate = sampleCertificate(30);
    expect(render(certificate).equals(render(certificate))).toBe(true);
  });

  it('refuses input that is not a certificate, naming the field', () => {
    const refuse = (input: unknown) => {
      try {
        render(input as DestructionCertificate);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfideError);
        return (error as ConfideError).message;
      }
      throw new Error('the certificate was made');
    };
    const base = sampleCertificate(3);
    expect(refuse({ ...base, destroyed: [...base.destroyed, base.destroyed[0]!] })).toMatch(/reference code is listed twice/);
    expect(refuse({ ...base, destroyed: [{ ...base.destroyed[0]!, name: 'Alex Morgan' }] })).toMatch(/cannot be made/);
    expect(refuse({ ...base, destroyed: [{ ...base.destroyed[0]!, notes: -1 }] })).toMatch(/cannot be negative/);
    expect(refuse({ ...base, rulesApplied: [] })).toMatch(/No retention rule is given/);
    expect(refuse({ ...base, authorisedBy: { name: 'Pat\tLee', role: 'Director' } })).toMatch(/control character/);
  });

  it('prints each field where it belongs and nowhere else', async () => {
    const marked = (marker: string) =>
      fc.tuple(fc.string({ unit: fc.constantFrom(...'abcxyz0189 .,-’éø'.split('')), maxLength: 10 }), fc.constantFrom('', ' end')).map(
        ([before, after]) => `${before.trim()} ${marker}${after}`.trim(),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          practice: marked('QXPRACQX'),
          address: marked('QXADDRQX'),
          name: marked('QXNAMEQX'),
          role: marked('QXROLEQX'),
          rule: marked('QXRULEQX'),
          run: fc.constantFrom('QXRUNQX-1', 'QXRUNQX-2026-0001'),
          references: fc.integer({ min: 0, max: 80 }),
        }),
        async (drawn) => {
          const certificate = sampleCertificate(drawn.references, {
            practice: { name: drawn.practice, addressLines: [drawn.address] },
            authorisedBy: { name: drawn.name, role: drawn.role },
            rulesApplied: [drawn.rule, 'Recordings are destroyed on the date in their consent.'],
            runId: drawn.run,
          });
          certificate.destroyed.forEach((entry, index) => (entry.reference = `QXREF${index}QX`));
          const { pages, info } = await pdfText(render(certificate));
          const text = pages.flat().join('\n');
          expect(occurrences(text, 'QXPRACQX')).toBe(1); // the letterhead
          expect(occurrences(text, 'QXADDRQX')).toBe(1);
          expect(occurrences(text, 'QXNAMEQX')).toBe(2); // "Authorised by", and the statement
          expect(occurrences(text, 'QXROLEQX')).toBe(1);
          expect(occurrences(text, 'QXRULEQX')).toBe(1);
          expect(occurrences(text, 'QXRUNQX')).toBe(1 + pages.length); // the details, and every footer
          certificate.destroyed.forEach((_, index) => expect(occurrences(text, `QXREF${index}QX`)).toBe(1));
          const metadata = JSON.stringify(info);
          expect(metadata).toContain('QXPRACQX');
          for (const marker of ['QXADDRQX', 'QXNAMEQX', 'QXROLEQX', 'QXRULEQX', 'QXRUNQX', 'QXREF']) expect(metadata).not.toContain(marker);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('renders a page to look at (test-results/documents/destruction-certificate.png)', () => {
    const png = renderFirstPage(render(sampleCertificate(40)), 'destruction-certificate');
    if (png) expect(png).toMatch(/destruction-certificate\.png$/);
  });
});
