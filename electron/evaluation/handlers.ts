// Handlers of the 绩效评价 channels, gathered from its parts.
import type { HandlersFor } from '../ipc/router';
import type { evaluationContract } from './contract';
import { evaluationPlansHandlers } from './plans/handlers';

export const evaluationHandlers: HandlersFor<typeof evaluationContract> = { ...evaluationPlansHandlers };
