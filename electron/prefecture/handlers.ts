// Handlers of the review and summary channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { issuedRounds, issueRoundToCounties } from '../monitoring';
import { encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { prefectureContract } from './contract';
import { dashboardWorkbook, prefectureDashboard, yearDashboard } from './dashboard';
import { countyTrend, trendsOfEveryMeasure } from './dashboardTrend';
import { recordDecision, recordDecisions } from './decisions';
import { countyTargets, targetsDecidedAbove, unitTargets } from './reviewLists';
import { prefectureSummary, summaryFileName, summaryWorkbook } from './summary';
import { countyRoundDepartmentSheets, countyRoundSheets, countyRounds, countySheetDetail } from './views/monitoring';
import { countyEvaluations, countyRectifications, countyResults, countySelfEvaluations } from './views/outcomes';
import { countyProjects, countyUnits } from './views/registry';
import { countyTargetDetail, countyTargetList } from './views/targets';

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
  'exchange.dashboard': (input, ctx) => yearDashboard(ctx.app.store(), input.year),
  'exchange.dashboardExport': (input, ctx) =>
    encodeFile(
      `各县绩效汇总-${input.year}.xlsx`,
      dashboardWorkbook(prefectureDashboard(ctx.app.store(), input.year), input.year, trendsOfEveryMeasure(ctx.app.store(), input.year)),
    ),
  'prefecture.trend': (input, ctx) => countyTrend(ctx.app.store(), input.measure, input.year),
  'prefecture.summaryExport': (input, ctx) => {
    const summary = prefectureSummary(ctx.app.store(), input.year);
    return encodeFile(summaryFileName(summary), summaryWorkbook(summary));
  },
  'prefecture.units': (input, ctx) => countyUnits(ctx.app.store(), input),
  'prefecture.projects': (input, ctx) => countyProjects(ctx.app.store(), input),
  'prefecture.targets': (input, ctx) => countyTargetList(ctx.app.store(), input),
  'prefecture.target': (input, ctx) => countyTargetDetail(ctx.app.store(), input.id),
  'prefecture.rounds': (input, ctx) => countyRounds(ctx.app.store(), input),
  'prefecture.sheets': (input, ctx) => countyRoundSheets(ctx.app.store(), input),
  'prefecture.departmentSheets': (input, ctx) => countyRoundDepartmentSheets(ctx.app.store(), input),
  'prefecture.sheet': (input, ctx) => countySheetDetail(ctx.app.store(), input.id),
  'prefecture.selfEvaluations': (input, ctx) => countySelfEvaluations(ctx.app.store(), input),
  'prefecture.evaluations': (input, ctx) => countyEvaluations(ctx.app.store(), input),
  'prefecture.results': (input, ctx) => countyResults(ctx.app.store(), input),
  'prefecture.rectifications': (input, ctx) => countyRectifications(ctx.app.store(), input),
};
