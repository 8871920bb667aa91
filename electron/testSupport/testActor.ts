import type { Actor } from '../audit/audit';

/** Who the unit tests act as when no operator is signed in. */
export const TEST_ACTOR: Actor = { id: null, name: '测试员' };
