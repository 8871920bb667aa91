// What every part of the 数据交换 page shares: the engine's labels, the chosen year, and the package
// history (its rows name both parties) (its outstanding count badges the tabs; every export or import reloads it).
import { createContext, useContext, useEffect, useRef } from 'react';
import type { PackageHistoryRow, ExchangeOptions } from '../../../../electron/exchange/contract';

export interface ExchangeView {
  options: ExchangeOptions;
  year: number;
  /** Record kinds, import actions and 审核意见, for any counts a package carries. */
  countLabels: Record<string, string>;
  history: PackageHistoryRow[] | undefined;
  /** Call after anything that writes or reads a package, so the history and its badges catch up. */
  packagesChanged: () => Promise<void>;
  /** Counts calls of packagesChanged, for parts that must reload after any package moved. */
  packagesRevision: number;
}

export const ExchangeContext = createContext<ExchangeView | null>(null);

export function useExchange(): ExchangeView {
  const view = useContext(ExchangeContext);
  if (!view) throw new Error('useExchange must be used inside the 数据交换 page');
  return view;
}

/** Calls `reload` whenever `signal` changes after the first render (the first load is the caller's own). */
export function useReloadWhen(reload: () => Promise<void>, signal: number): void {
  const seen = useRef(signal);
  useEffect(() => {
    if (seen.current === signal) return;
    seen.current = signal;
    void reload();
  }, [signal, reload]);
}
