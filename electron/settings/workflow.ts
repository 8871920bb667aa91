// 设置: the installation's settings.
import { settings } from '../../db/schema';
import { declareWorkflow } from '../workflow';
import { settingsContract, settingsPublicChannels } from './contract';

export const settingsWorkflow = declareWorkflow({ name: 'settings', contract: settingsContract, publicChannels: settingsPublicChannels, counted: { settings } });
