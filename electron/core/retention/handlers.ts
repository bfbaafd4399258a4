import { retentionRuleWords } from '../../../shared/rules/retention';
import type { HandlerTable } from '../handlers';
import { assertRetentionAct } from './capabilities';
import { clientDueInFileFor } from './client-file';
import { markEnteredInError } from './entered-in-error';
import { listHolds, placeHold, releaseHold } from './holds';
import { retentionOverviewFor } from './overview';
import { rulesChange } from './rules-change';
import { retentionRules, writeRetentionRules } from './rules-setting';

type RetentionMethod =
  | 'retention.rules'
  | 'retention.previewRules'
  | 'retention.updateRules'
  | 'retention.overview'
  | 'retention.clientDue'
  | 'retention.markEnteredInError'
  | 'holds.place'
  | 'holds.release'
  | 'holds.list';

export const retentionHandlers: Pick<HandlerTable, RetentionMethod> = {
  'retention.rules': (_input, session) => {
    const rules = retentionRules(session.services());
    return { rules, explanations: retentionRuleWords(rules) };
  },
  'retention.previewRules': (input, session) => {
    const ctx = session.services();
    assertRetentionAct(ctx, 'changeRules', 'Only a practice director can change the retention rules.');
    return rulesChange(ctx, input.rules, ctx.today());
  },
  'retention.updateRules': (input, session) => {
    const ctx = session.services();
    assertRetentionAct(ctx, 'changeRules', 'Only a practice director can change the retention rules.');
    const change = rulesChange(ctx, input.rules, ctx.today());
    writeRetentionRules(ctx, input.rules);
    return { rules: input.rules, explanations: retentionRuleWords(input.rules), change };
  },
  'retention.overview': (input, session) => retentionOverviewFor(session.services(), input),
  'retention.clientDue': (input, session) => clientDueInFileFor(session.services(), input.clientId),
  'retention.markEnteredInError': (input, session) => markEnteredInError(session.services(), input),
  'holds.place': (input, session) => placeHold(session.services(), input),
  'holds.release': (input, session) => releaseHold(session.services(), input.holdId),
  'holds.list': (input, session) => ({ holds: listHolds(session.services(), input) }),
};
