// Every channel's handler, gathered from the workflows' plugs (electron/plugs.ts) in the order of the one
// list. A workflow whose declaration has channels but whose plug lacks a handler is a type error there,
// so the contract and the implementation cannot drift apart.
import { handlersOf, PLUGS } from '../plugs';
import { WORKFLOWS } from '../workflows';
import type { Handlers } from './router';

export const handlers: Handlers = handlersOf(WORKFLOWS, PLUGS);
