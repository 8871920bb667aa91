// Library updates travel down: the prefecture issues its accepted indicators to its counties.
import type { ExchangeEntity } from '../exchange/entities';

export const libraryExchange: readonly ExchangeEntity[] = [
  {
    name: 'project-type',
    label: '项目类型',
    table: 'project_types',
    naturalKey: ['code'],
    stages: ['library'],
    directions: ['down'],
    scope: '1 = 1',
  },
  {
    name: 'library-indicator',
    label: '指标库指标',
    table: 'library_indicators',
    naturalKey: ['code'],
    stages: ['library'],
    directions: ['down'],
    scope: "status IN ('accepted', 'retired')",
    statusColumn: 'status',
  },
];
