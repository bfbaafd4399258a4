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
  'retention.rules': (_input, state) => {
    const rules = retentionRules(state.services());
    return { rules, explanations: retentionRuleWords(rules) };
  },
  'retention.previewRules': (input, state) => {
    const ctx = state.services();
    assertRetentionAct(ctx, 'changeRules', 'Only a practice director can change the retention rules.');
    return rulesChange(ctx, input.rules, ctx.today());
  },
  'retention.updateRules': (input, state) => {
    const ctx = state.services();
    assertRetentionAct(ctx, 'changeRules', 'Only a practice director can change the retention rules.');
    const change = rulesChange(ctx, input.rules, ctx.today());
    writeRetentionRules(ctx, input.rules);
    return { rules: input.rules, explanations: retentionRuleWords(input.rules), change };
  },
  'retention.overview': (input, state) => retentionOverviewFor(state.services(), input),
  'retention.clientDue': (input, state) => clientDueInFileFor(state.services(), input.clientId),
  'retention.markEnteredInError': (input, state) => markEnteredInError(state.services(), input),
  'holds.place': (input, state) => placeHold(state.services(), input),
  'holds.release': (input, state) => releaseHold(state.services(), input.holdId),
  'holds.list': (input, state) => ({ holds: listHolds(state.services(), input) }),
};
