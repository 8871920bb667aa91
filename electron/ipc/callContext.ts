// Shorthands every area's handlers use to reach the database and the acting operator.
import { actorOf, type CallContext } from './context';

export const dbOf = (ctx: CallContext) => ctx.app.store().db;
export const actorIn = (ctx: CallContext) => actorOf(ctx.session);
