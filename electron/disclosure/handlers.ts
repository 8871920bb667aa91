// Handlers of the 绩效公开 and coverage channels.
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { encodeFile } from '../ipc/files';
import type { HandlersFor } from '../ipc/router';
import type { disclosureContract } from './contract';
import { projectYears, targetCoverage } from './coverage';
import { listDisclosures, publishDisclosure } from './publish';
import { disclosureFile } from './targetSheet';
import { disclosureTable } from './targetTable';

export const disclosureHandlers: HandlersFor<typeof disclosureContract> = {
  'disclosure.table': (input, ctx) => disclosureTable(db(ctx), input),
  'disclosure.export': (input, ctx) => {
    const file = disclosureFile(db(ctx), input);
    return encodeFile(file.fileName, file.bytes);
  },
  'disclosure.publish': (input, ctx) => publishDisclosure(db(ctx), actor(ctx), input),
  'disclosure.list': (input, ctx) => listDisclosures(db(ctx), input.year),
  'disclosure.years': (_, ctx) => projectYears(db(ctx)),
  'coverage.targets': (input, ctx) => targetCoverage(db(ctx), input.year),
};
