import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWholeMonths,
  addWholeYears,
  clientRecordDue,
  DEFAULT_RETENTION_RULES,
  equalityMonitoringDue,
  isDue,
  jointRecordDue,
  ordinal,
  recordingDue,
  referrerDue,
  retentionRuleWords,
  type RetentionFacts,
  type RetentionRules,
} from '../../../shared/rules/retention';

const rules = DEFAULT_RETENTION_RULES;
const kase = (reference: string, openedOn: string, closedOn: string | null) => ({ reference, openedOn, closedOn });
const facts = (over: Partial<RetentionFacts>): RetentionFacts => ({ dateOfBirth: '1980-05-05', addedOn: '2014-01-02', lastNoteOn: null, cases: [], ...over });

describe('the due date of a client record (shared/rules/retention.ts)', () => {
  const table: Array<[string, RetentionFacts, string | null, string, string]> = [
    [
      'one case closed in 2015',
      facts({ cases: [kase('K-0001', '2014-01-06', '2015-06-30')] }),
      '2022-06-30',
      'after-last-case',
      'due 30 June 2022: 7 years after the last case closed on 30 June 2015',
    ],
    [
      'the last of several cases (2016, 2019, 2017) decides',
      facts({ cases: [kase('K-0001', '2015-02-01', '2016-03-01'), kase('K-0002', '2018-01-01', '2019-11-30'), kase('K-0003', '2017-01-01', '2017-02-01')] }),
      '2026-11-30',
      'after-last-case',
      'due 30 November 2026: 7 years after the last case closed on 30 November 2019',
    ],
    [
      'the example in the issue',
      facts({ cases: [kase('K-0009', '2023-01-01', '2024-03-14')] }),
      '2031-03-14',
      'after-last-case',
      'due 14 March 2031: 7 years after the last case closed on 14 March 2024',
    ],
    [
      'an open case keeps everything (one closed in 2016 too)',
      facts({ cases: [kase('K-0001', '2015-01-01', '2016-01-01'), kase('K-0004', '2018-01-01', null)] }),
      null,
      'open-case',
      'not due: case K-0004 is still open',
    ],
    [
      'two open cases are both named',
      facts({ cases: [kase('K-0002', '2018-01-01', null), kase('K-0005', '2019-01-01', null)] }),
      null,
      'open-case',
      'not due: cases K-0002 and K-0005 are still open',
    ],
    [
      'a minor at closing in 2017: the 25th birthday (2027) is later than 7 years (2024)',
      facts({ dateOfBirth: '2002-09-10', cases: [kase('K-0001', '2016-01-01', '2017-04-20')] }),
      '2027-09-10',
      'minor',
      'due 10 September 2027: their 25th birthday, later than 7 years after the last case closed on 20 April 2017 (they were under 18 then)',
    ],
    [
      'a 17-year-old at closing in November 2017: their 25th birthday (January 2025) is just later than 7 years',
      facts({ dateOfBirth: '2000-01-10', cases: [kase('K-0001', '2016-01-01', '2017-11-30')] }),
      '2025-01-10',
      'minor',
      'due 10 January 2025: their 25th birthday, later than 7 years after the last case closed on 30 November 2017 (they were under 18 then)',
    ],
    [
      'an adult at closing (18 the day before) is not a minor, even though 25 comes later',
      facts({ dateOfBirth: '1997-06-01', cases: [kase('K-0001', '2015-01-01', '2015-06-02')] }),
      '2022-06-02',
      'after-last-case',
      'due 2 June 2022: 7 years after the last case closed on 2 June 2015',
    ],
    [
      'closing on the 18th birthday itself: already an adult',
      facts({ dateOfBirth: '1997-06-02', cases: [kase('K-0001', '2015-01-01', '2015-06-02')] }),
      '2022-06-02',
      'after-last-case',
      'due 2 June 2022: 7 years after the last case closed on 2 June 2015',
    ],
    [
      'closed on 29 February 2016: 7 whole years have passed on 1 March 2023',
      facts({ cases: [kase('K-0001', '2015-01-01', '2016-02-29')] }),
      '2023-03-01',
      'after-last-case',
      'due 1 March 2023: 7 years after the last case closed on 29 February 2016',
    ],
    [
      'closed on 29 February 2016, 8-year rule: 2024 is a leap year, so 29 February 2024',
      facts({ cases: [kase('K-0001', '2015-01-01', '2016-02-29')] }),
      '2024-02-29',
      'after-last-case',
      'due 29 February 2024: 8 years after the last case closed on 29 February 2016',
    ],
    [
      'born on 29 February 2000, a minor at closing in 2018: 25th birthday in 2025 (no 29 February) is 1 March',
      facts({ dateOfBirth: '2000-02-29', cases: [kase('K-0001', '2017-01-01', '2018-01-15')] }),
      '2025-03-01',
      'minor',
      'due 1 March 2025: their 25th birthday, later than 7 years after the last case closed on 15 January 2018 (they were under 18 then)',
    ],
    [
      'no cases at all: 7 years after they were added',
      facts({ addedOn: '2016-05-04' }),
      '2023-05-04',
      'no-case',
      'due 4 May 2023: 7 years after their last record on 4 May 2016 (no case was opened)',
    ],
    [
      'no cases, but a contact note later than the day they were added',
      facts({ addedOn: '2016-05-04', lastNoteOn: '2017-08-09' }),
      '2024-08-09',
      'no-case',
      'due 9 August 2024: 7 years after their last record on 9 August 2017 (no case was opened)',
    ],
    [
      'no cases, a minor at their last record',
      facts({ addedOn: '2016-05-04', dateOfBirth: '2005-01-31' }),
      '2030-01-31',
      'minor',
      'due 31 January 2030: their 25th birthday, later than 7 years after their last record on 4 May 2016 (they were under 18 then)',
    ],
  ];

  it.each(table)('%s', (_what, client, dueOn, rule, words) => {
    const years = _what.includes('8-year') ? { ...rules, clientRecords: { years: 8 } } : rules;
    expect(clientRecordDue(client, years)).toEqual({ dueOn, rule, words, caveat: null });
  });

  it('is due on its due date and after, not the day before', () => {
    const decision = clientRecordDue(facts({ cases: [kase('K-0001', '2015-01-01', '2015-06-30')] }), rules);
    expect([isDue(decision, '2022-06-29'), isDue(decision, '2022-06-30'), isDue(decision, '2031-01-01')]).toEqual([false, true, true]);
    expect(isDue(clientRecordDue(facts({ cases: [kase('K-0001', '2015-01-01', null)] }), rules), '2099-01-01')).toBe(false);
  });

  it('says when the rule for minors could not be checked, and follows the rules as configured', () => {
    const noBirthDate = clientRecordDue(facts({ dateOfBirth: null, cases: [kase('K-0001', '2015-01-01', '2016-01-01')] }), rules);
    expect(noBirthDate).toMatchObject({ dueOn: '2023-01-01', caveat: 'Date of birth not recorded, so the rule for minors could not be checked.' });
    const minorsOff: RetentionRules = { ...rules, minors: { enabled: false, untilAge: 25 } };
    const child = facts({ dateOfBirth: '2002-09-10', cases: [kase('K-0001', '2016-01-01', '2017-04-20')] });
    expect(clientRecordDue(child, minorsOff)).toMatchObject({ dueOn: '2024-04-20', rule: 'after-last-case', caveat: null });
    expect(clientRecordDue(child, { ...rules, minors: { enabled: true, untilAge: 21 } })).toMatchObject({ dueOn: '2024-04-20', rule: 'after-last-case' });
    expect(clientRecordDue(child, { ...rules, minors: { enabled: true, untilAge: 30 } })).toMatchObject({ dueOn: '2032-09-10', rule: 'minor' });
    expect(clientRecordDue(facts({ cases: [kase('K-0001', '2015-01-01', '2015-06-30')] }), { ...rules, clientRecords: { years: 1 } }).words).toBe(
      'due 30 June 2016: 1 year after the last case closed on 30 June 2015',
    );
  });
});

describe('joint records: destroyed when the last subject falls due', () => {
  const alex = clientRecordDue(facts({ cases: [kase('K-0001', '2015-01-01', '2016-04-01')] }), rules);
  const blake = clientRecordDue(facts({ cases: [kase('K-0001', '2015-01-01', '2016-04-01'), kase('K-0002', '2017-01-01', '2019-02-01')] }), rules);
  const casey = clientRecordDue(facts({ cases: [kase('K-0003', '2019-01-01', null)] }), rules);

  it('one partner falls due in 2023, the other in 2026: the joint record in 2026', () => {
    expect([alex.dueOn, blake.dueOn]).toEqual(['2023-04-01', '2026-02-01']);
    expect(jointRecordDue([alex, blake])).toEqual({
      dueOn: '2026-02-01',
      rule: 'joint-record',
      words: 'due 1 February 2026: when the last of its 2 subjects falls due',
      caveat: null,
    });
    expect(isDue(jointRecordDue([alex, blake]), '2024-01-01')).toBe(false);
  });

  it('a subject with an open case keeps the joint record; a single subject decides alone', () => {
    expect(jointRecordDue([alex, casey])).toMatchObject({ dueOn: null, words: 'not due: kept while any of its subjects is kept' });
    expect(jointRecordDue([alex])).toEqual(alex);
  });
});

describe('parts that go sooner: referrer details, equality monitoring, recordings', () => {
  const closed = facts({ cases: [kase('K-0001', '2015-01-01', '2016-08-31')] });

  it('a referrer’s details go on the day the last case closes; kept while a case is open or none has closed', () => {
    expect(referrerDue(closed, rules)).toEqual({ dueOn: '2016-08-31', rule: 'referrer-at-closing', words: 'due 31 August 2016: when the last case closed', caveat: null });
    expect(referrerDue(facts({ cases: [kase('K-0001', '2015-01-01', null)] }), rules)).toMatchObject({ dueOn: null, words: 'not due: kept while a case is open' });
    expect(referrerDue(facts({}), rules)).toMatchObject({ dueOn: null, rule: 'kept-with-record' });
    expect(referrerDue(closed, { ...rules, referrer: { atCaseClosing: false } })).toMatchObject({ dueOn: null, rule: 'kept-with-record' });
  });

  it('equality monitoring goes N months after the end of service; 31 August + 6 months is 1 March', () => {
    expect(equalityMonitoringDue(closed, rules)).toEqual({
      dueOn: '2017-08-31',
      rule: 'equality-monitoring',
      words: 'due 31 August 2017: 12 months after the end of service on 31 August 2016',
      caveat: null,
    });
    const six = { ...rules, fieldGroups: { equalityMonitoring: { enabled: true, months: 6 } } };
    expect(equalityMonitoringDue(closed, six).dueOn).toBe('2017-03-01');
    expect(equalityMonitoringDue(closed, { ...rules, fieldGroups: { equalityMonitoring: { enabled: false, months: 6 } } }).dueOn).toBeNull();
  });

  it('a recording: at once on withdrawal, otherwise on the date its consent gives', () => {
    expect(recordingDue({ destroyOn: '2030-01-01', withdrawnOn: '2026-03-04' })).toMatchObject({ dueOn: '2026-03-04', rule: 'recording-withdrawn' });
    expect(recordingDue({ destroyOn: '2030-01-01', withdrawnOn: null })).toMatchObject({ dueOn: '2030-01-01', rule: 'recording-consent' });
    expect(recordingDue({ destroyOn: null, withdrawnOn: null }).dueOn).toBeNull();
  });
});

describe('dates and words', () => {
  it.each([
    ['2024-02-29', 12, '2025-03-01'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2024-01-31', 1, '2024-03-01'],
    ['2023-01-31', 1, '2023-03-01'],
    ['2024-03-31', 1, '2024-05-01'],
    ['2024-12-31', 12, '2025-12-31'],
    ['2024-11-30', 2, '2025-01-30'],
    ['2024-12-15', 1, '2025-01-15'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addWholeMonths(from, months)).toBe(expected);
  });

  it('years are whole years; ordinals are English', () => {
    expect(addWholeYears('2019-12-31', 7)).toBe('2026-12-31');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 25, 101, 111].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '25th', '101st', '111th',
    ]);
  });

  it('every rule has a plain-English explanation that follows the settings', () => {
    const words = retentionRuleWords(rules);
    expect(words.map((w) => w.id)).toEqual(['client-records', 'minors', 'referrer', 'equality-monitoring', 'joint-records', 'recordings', 'entered-in-error', 'legal-holds']);
    expect(words[0]!.words).toContain('7 years after their last case closes');
    expect(words[1]!.words).toContain('25th birthday');
    const changed = retentionRuleWords({ ...rules, clientRecords: { years: 8 }, minors: { enabled: true, untilAge: 21 } });
    expect(changed[0]!.words).toContain('8 years');
    expect(changed[1]!.words).toContain('21st birthday');
  });
});

describe('days and records entered in error', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-11-25', 90, '2027-02-23'],
    ['2000-03-01', -1, '2000-02-29'],
    ['1900-03-01', -1, '1900-02-28'],
  ] as const)('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('a client entered in error is due the day it was marked, whatever their cases say', () => {
    const facts = { dateOfBirth: '2010-01-01', addedOn: '2026-11-01', lastNoteOn: null, cases: [{ reference: 'K-0001', openedOn: '2026-11-01', closedOn: null }] };
    expect(clientRecordDue({ ...facts, enteredInErrorOn: '2026-11-25' }, DEFAULT_RETENTION_RULES)).toEqual({
      dueOn: '2026-11-25',
      rule: 'entered-in-error',
      words: 'due 25 November 2026: a director marked this client as entered in error that day',
      caveat: null,
    });
    expect(clientRecordDue({ ...facts, enteredInErrorOn: null }, DEFAULT_RETENTION_RULES).rule).toBe('open-case');
  });
});
