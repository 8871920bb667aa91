// The bench's instruments: the median of several timed runs, and the application's router signed in as
// an installation's administrator, so that a figure is what a page's call costs (validation, permission,
// handler and service), not a service alone.
import type { Store } from '../../../db/open';
import { createAppContext, type CallContext } from '../../ipc/context';
import { handlers } from '../../ipc/handlers';
import { createRouter } from '../../ipc/router';
import { listOperators } from '../../registry';

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Milliseconds of one call of `work`, and what it returned. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = work();
  return { ms: performance.now() - started, value };
}

/** The median milliseconds of `runs` calls; `prepare` runs before each, outside the clock. */
export function medianMs<C>(runs: number, work: (context: C) => unknown, prepare: () => C = () => undefined as C): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const context = prepare();
    times.push(timed(() => work(context)).ms);
  }
  return median(times);
}

export async function medianMsAsync(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export type Call = (channel: string, input: object) => Promise<unknown>;

/** The real router as the installation's administrator; a refused call throws with the channel's message. */
export function administratorCall(store: Store): Call {
  const operator = listOperators(store.db)[0]!;
  const ctx: CallContext = { app: createAppContext(store, 'bench'), session: { operator, signedInTo: store }, transport: 'test' };
  const router = createRouter(handlers);
  return async (channel, input) => {
    const result = await router.invoke(channel, input, ctx, true);
    if (!result.ok) throw new Error(`${channel}：${result.error.message}`);
    return result.value;
  };
}

/** Rounded for the JSON line: whole milliseconds above 100, else two decimals. */
export const rounded = (value: number): number => (Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100);
