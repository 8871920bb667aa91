// Who this installation is in an exchange: its county or prefecture, or a budget unit within its county.
import type { Installation } from '../registry';
import { partyId, type Party } from './manifest';

export interface NamedParty extends Party {
  name: string;
}

export function selfParty(installation: Installation): NamedParty {
  return installation.unit
    ? { region: installation.region.code, unit: installation.unit.code, name: installation.unit.name }
    : { region: installation.region.code, name: installation.region.name };
}

export const selfId = (installation: Installation): string => partyId(selfParty(installation));
