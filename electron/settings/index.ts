// The settings workflow's public entry: the parameters other workflows read.
export { settingValue, settingValues } from './settings';
