// Handlers of the review and summary channels.
import { actorIn as actor } from '../ipc/callContext';
import { encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { prefectureContract } from './contract';
import { dashboardWorkbook, prefectureDashboard, yearDashboard } from './dashboard';
import { countyTrend, trendsOfEveryMeasure } from './dashboardTrend';
import { recordDecision } from './decisions';
import { countyTargets, unitTargets } from './reviewLists';
import { prefectureSummary, summaryFileName, summaryWorkbook } from './summary';

export const prefectureHandlers: HandlersFor<typeof prefectureContract> = {
  'exchange.decide': (input, ctx) => ({ id: recordDecision(ctx.app.store(), actor(ctx), input).id }),
  'exchange.countyTargets': (input, ctx) => countyTargets(ctx.app.store(), input.county, input.year),
  'exchange.unitTargets': (input, ctx) => unitTargets(ctx.app.store(), input.unit, input.year),
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
};
