// The list of exchangeable kinds, in dependency order (a record's parents come first). A workflow joins
// packages by adding its declaration here; the engine itself does not change.
import { libraryExchange } from '../library/exchange';
import { monitoringExchange } from '../monitoring/exchange';
import { projectExchange } from '../projects/exchange';
import { unitExchange } from '../registry/exchange';
import { targetExchange } from '../targets/exchange';
import type { ExchangeEntity } from './entities';

export const EXCHANGE_ENTITIES: readonly ExchangeEntity[] = [
  ...unitExchange,
  ...libraryExchange,
  ...projectExchange,
  ...targetExchange,
  ...monitoringExchange,
];

export function exchangeEntity(name: string): ExchangeEntity | undefined {
  return EXCHANGE_ENTITIES.find((e) => e.name === name);
}
