// Budget units travel up with every county report so the prefecture can name them.
import { units } from '../../db/schema';
import { type ExchangeEntity, recordRow } from '../exchange';

export const unitExchange: readonly ExchangeEntity[] = [
  {
    name: 'unit',
    label: '预算单位',
    table: 'units',
    row: recordRow(units),
    naturalKey: ['region_code', 'code'],
    stages: ['targets', 'monitoring', 'rectification'],
    directions: ['up'],
    // The county keeps the register of its units: a unit's package does not carry its own unit record.
    scope: 'region_code = :region',
    unitColumn: 'code',
  },
];
