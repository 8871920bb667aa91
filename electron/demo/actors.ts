// The sample's fictitious people: its history never names a real operator, and whoever submits a sheet
// or a table is never the one who reviews it (the separation of duties of §11).
import type { Actor } from '../audit/audit';

export const UNIT_CLERK: Actor = { id: null, name: '示例单位经办人' };
export const BUREAU_REVIEWER: Actor = { id: null, name: '示例审核人' };
/** The bureau's clerk who imports the tables units filled in Excel. */
export const BUREAU_CLERK: Actor = { id: null, name: '示例绩效办经办人' };
