import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_RULES, fieldGroupsDue, type FieldGroupId, type RetentionFacts, type RetentionRules } from '../../../shared/rules/retention';

const kase = (reference: string, openedOn: string, closedOn: string | null) => ({ reference, openedOn, closedOn });
const facts = (over: Partial<RetentionFacts>): RetentionFacts => ({ dateOfBirth: '1980-05-05', addedOn: '2014-01-02', lastNoteOn: null, cases: [], ...over });
const BOTH = new Set<FieldGroupId>(['referrer', 'equality-monitoring']);
const rules = DEFAULT_RETENTION_RULES;
const withMonths = (months: number): RetentionRules => ({ ...rules, fieldGroups: { equalityMonitoring: { enabled: true, months } } });

describe('which field groups of a kept record are due (shared/rules/retention.ts fieldGroupsDue)', () => {
  const table: Array<[string, RetentionFacts, RetentionRules, ReadonlySet<FieldGroupId>, string, Array<[FieldGroupId, string]>]> = [
    [
      'last case closed 2024-03-14 (record due 2031): referrer at closing, equality 12 months on',
      facts({ cases: [kase('K-0001', '2023-01-01', '2024-03-14')] }),
      rules,
      BOTH,
      '2026-11-25',
      [
        ['referrer', 'due 14 March 2024: when the last case closed'],
        ['equality-monitoring', 'due 14 March 2025: 12 months after the end of service on 14 March 2024'],
      ],
    ],
    [
      'closed 2026-06-01: the referrer is due, equality answers not until 1 June 2027',
      facts({ cases: [kase('K-0002', '2025-01-01', '2026-06-01')] }),
      rules,
      BOTH,
      '2026-11-25',
      [['referrer', 'due 1 June 2026: when the last case closed']],
    ],
    [
      'closed 2026-06-01 with equality kept 5 months: due 1 November 2026, so both',
      facts({ cases: [kase('K-0002', '2025-01-01', '2026-06-01')] }),
      withMonths(5),
      BOTH,
      '2026-11-25',
      [
        ['referrer', 'due 1 June 2026: when the last case closed'],
        ['equality-monitoring', 'due 1 November 2026: 5 months after the end of service on 1 June 2026'],
      ],
    ],
    [
      'equality 0 months: due the day the case closed',
      facts({ cases: [kase('K-0003', '2026-01-01', '2026-11-25')] }),
      withMonths(0),
      new Set(['equality-monitoring']),
      '2026-11-25',
      [['equality-monitoring', 'due 25 November 2026: 0 months after the end of service on 25 November 2026']],
    ],
    [
      '31 August + 6 months is 1 March: not due on 28 February',
      facts({ cases: [kase('K-0003', '2026-01-01', '2026-08-31')] }),
      withMonths(6),
      new Set(['equality-monitoring']),
      '2027-02-28',
      [],
    ],
    ['an open case keeps both (one closed in 2016 too)', facts({ cases: [kase('K-0001', '2015-01-01', '2016-01-01'), kase('K-0004', '2018-01-01', null)] }), rules, BOTH, '2026-11-25', []],
    ['no case ever opened: kept with the record', facts({ lastNoteOn: '2020-01-01' }), rules, BOTH, '2026-11-25', []],
    [
      'the record itself is due (closed 2017): nothing listed here, the groups go with the record',
      facts({ cases: [kase('K-0001', '2016-01-01', '2017-04-10')] }),
      rules,
      BOTH,
      '2026-11-25',
      [],
    ],
    [
      'a minor kept to 25 (closed 2018 at 13): the record is not due, the referrer is',
      facts({ dateOfBirth: '2005-03-01', cases: [kase('K-0005', '2017-09-01', '2018-02-01')] }),
      rules,
      new Set(['referrer']),
      '2026-11-25',
      [['referrer', 'due 1 February 2018: when the last case closed']],
    ],
    ['nothing held: nothing to destroy', facts({ cases: [kase('K-0001', '2023-01-01', '2024-03-14')] }), rules, new Set(), '2026-11-25', []],
    [
      'referrer rule off, equality rule off: both kept with the record',
      facts({ cases: [kase('K-0001', '2023-01-01', '2024-03-14')] }),
      { ...rules, referrer: { atCaseClosing: false }, fieldGroups: { equalityMonitoring: { enabled: false, months: 12 } } },
      BOTH,
      '2026-11-25',
      [],
    ],
    [
      'only the group held is listed (equality held, referrer not)',
      facts({ cases: [kase('K-0001', '2019-01-01', '2019-12-20')] }),
      rules,
      new Set(['equality-monitoring']),
      '2026-11-25',
      [['equality-monitoring', 'due 20 December 2020: 12 months after the end of service on 20 December 2019']],
    ],
  ];

  it.each(table)('%s', (_name, client, applied, held, today, expected) => {
    const due = fieldGroupsDue(client, applied, today, held);
    expect(due.map((group) => [group.group, group.decision.words])).toEqual(expected);
    for (const group of due) expect(group.decision.dueOn! <= today).toBe(true);
  });
});
