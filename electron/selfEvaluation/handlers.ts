// Handlers of the 绩效自评 channels.
import type { HandlersFor } from '../ipc/router';
import type { selfEvaluationContract } from './contract';
import { selfEvaluationReviewHandlers } from './review/handlers';

export const selfEvaluationHandlers: HandlersFor<typeof selfEvaluationContract> = { ...selfEvaluationReviewHandlers };
