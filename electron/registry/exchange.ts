// Budget units travel up with every county report so the prefecture can name them: they own no stage,
// and travel in the stages of the records that name them as their parent.
import { units } from '../../db/schema';
import { type DeclaredEntity, recordRow } from '../exchange/exchange';

export const unitExchange: readonly DeclaredEntity[] = [
  {
    name: 'unit',
    label: '预算单位',
    table: 'units',
    row: recordRow(units),
    naturalKey: ['region_code', 'code'],
    directions: ['up'],
    // The county keeps the register of its units: a unit's package does not carry its own unit record.
    scope: 'region_code = :region',
    unitColumn: 'code',
  },
];
