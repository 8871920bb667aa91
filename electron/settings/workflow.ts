// 设置: the installation's settings.
import { settings } from '../../db/schema';
import { declareWorkflow } from '../workflow';

export const settingsWorkflow = declareWorkflow({ name: 'settings', counted: { settings } });
