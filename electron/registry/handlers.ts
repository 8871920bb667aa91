// Handlers of the registry channels.
import { localDate } from '../domain/clock';
import { decodeFile, encodeFile } from '../ipc/files';
import { actorIn as actor, dbOf as db } from '../ipc/callContext';
import { signInto } from '../ipc/context';
import { recordAudit } from '../audit/audit';
import type { HandlersFor } from '../ipc/router';
import type { registryContract } from './contract';
import { changeOwnPassword, createOperator, listOperators, listOperatorsNamed, resetPassword, setOperatorActive, setOperatorRole, signIn } from './operators';
import { addRegion, listRegions } from './regions';
import { initInstallation, setupStatus } from './setup';
import { stats } from './stats';
import { createUnit, listUnits, lookupUnits, setUnitActive, updateUnit } from './units';
import { commitUnitImport, exportUnits, previewUnitImport, unitTemplate } from './excel';

export const registryHandlers: HandlersFor<typeof registryContract> = {
  'setup.status': (_, ctx) => setupStatus(db(ctx)),
  'setup.init': (input, ctx) => {
    const installation = initInstallation(db(ctx), input);
    const [first] = listOperators(db(ctx));
    signInto(ctx.session, ctx.app, first ?? null);
    return installation;
  },

  'session.signIn': (input, ctx) => {
    const operator = signIn(db(ctx), input.operatorId, input.password, new Date(), input.newPassword ?? null);
    signInto(ctx.session, ctx.app, operator);
    return operator;
  },
  'session.current': (_, ctx) => ctx.session.operator,
  'session.signOut': (_, ctx) => {
    if (ctx.session.operator) recordAudit(db(ctx), actor(ctx), { entity: 'operator', naturalKey: ctx.session.operator.name, action: '退出登录' });
    signInto(ctx.session, ctx.app, null);
    return null;
  },

  'operators.list': (_, ctx) => listOperatorsNamed(db(ctx)),
  'operators.create': (input, ctx) => createOperator(db(ctx), actor(ctx), input),
  'operators.setActive': (input, ctx) => setOperatorActive(db(ctx), actor(ctx), input),
  'operators.setRole': (input, ctx) => setOperatorRole(db(ctx), actor(ctx), input),
  'operators.resetPassword': (input, ctx) => resetPassword(db(ctx), actor(ctx), input),
  'session.changePassword': (input, ctx) => changeOwnPassword(db(ctx), actor(ctx), input),

  'regions.list': (_, ctx) => listRegions(db(ctx)),
  'regions.add': (input, ctx) => addRegion(db(ctx), actor(ctx), input),

  'stats.get': (_, ctx) => stats(db(ctx)),

  'units.list': (_, ctx) => listUnits(db(ctx)),
  'units.lookup': (input, ctx) => lookupUnits(db(ctx), input),
  'units.create': (input, ctx) => createUnit(db(ctx), actor(ctx), input),
  'units.update': (input, ctx) => updateUnit(db(ctx), actor(ctx), input),
  'units.setActive': (input, ctx) => setUnitActive(db(ctx), actor(ctx), input),
  'units.importPreview': (input, ctx) => previewUnitImport(db(ctx), input.fileName, decodeFile(input)),
  'units.importCommit': (input, ctx) => commitUnitImport(db(ctx), actor(ctx), input.fileName, decodeFile(input)),
  'units.export': (_, ctx) => encodeFile(`预算单位-${localDate()}.xlsx`, exportUnits(db(ctx))),
  'units.template': () => encodeFile('预算单位导入模板.xlsx', unitTemplate()),
};
