// Every channel's handler, assembled from each workflow's map. A channel in the contract without a
// handler here is a type error, so the contract and the implementation cannot drift apart.
import { demoHandlers } from '../demo/handlers';
import { disclosureHandlers } from '../disclosure/handlers';
import { exchangeHandlers } from '../exchange/handlers';
import { libraryHandlers } from '../library/handlers';
import { monitoringHandlers } from '../monitoring/handlers';
import { prefectureHandlers } from '../prefecture/handlers';
import { projectsHandlers } from '../projects/handlers';
import { rectificationHandlers } from '../rectification/handlers';
import { selfEvaluationHandlers } from '../selfEvaluation/handlers';
import { targetsHandlers } from '../targets/handlers';
import { registryHandlers } from '../registry/handlers';
import { settingsHandlers } from '../settings/handlers';
import type { Handlers } from './router';

export const handlers: Handlers = {
  ...settingsHandlers,
  ...registryHandlers,
  ...disclosureHandlers,
  ...demoHandlers,
  ...exchangeHandlers,
  ...libraryHandlers,
  ...monitoringHandlers,
  ...rectificationHandlers,
  ...selfEvaluationHandlers,
  ...prefectureHandlers,
  ...projectsHandlers,
  ...targetsHandlers,
};
