// Handlers of the review and summary channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { issuedRounds, issueRoundToCounties } from '../monitoring';
import { encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { prefectureContract } from './contract';
import { dashboardWorkbook, prefectureDashboard } from './dashboard';
import { recordDecision, recordDecisions } from './decisions';
import { countyTargets, targetsDecidedAbove, unitTargets } from './reviewLists';

export const prefectureHandlers: HandlersFor<typeof prefectureContract> = {
  'exchange.decide': (input, ctx) => ({ id: recordDecision(ctx.app.store(), actor(ctx), input).id }),
  'exchange.decideMany': (input, ctx) => ({
    count: recordDecisions(ctx.app.store(), actor(ctx), input.decisions.map((d) => ({ entity: input.entity, ...d }))).length,
  }),
  'exchange.issueRound': (input, ctx) => issueRoundToCounties(db(ctx), actor(ctx), input),
  'exchange.issuedRounds': (input, ctx) => issuedRounds(db(ctx), input.year),
  'exchange.countyTargets': (input, ctx) => countyTargets(ctx.app.store(), input.county, input.year),
  'exchange.unitTargets': (input, ctx) => unitTargets(ctx.app.store(), input.unit, input.year),
  'exchange.decidedAbove': (input, ctx) => targetsDecidedAbove(ctx.app.store(), input.year),
  'exchange.dashboard': (input, ctx) => prefectureDashboard(ctx.app.store(), input.year),
  'exchange.dashboardExport': (input, ctx) =>
    encodeFile(`各县绩效汇总-${input.year}.xlsx`, dashboardWorkbook(prefectureDashboard(ctx.app.store(), input.year), input.year)),
};
