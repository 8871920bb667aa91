// The county and year the prefecture is looking at, kept while it moves between its counties' pages
// (one county's targets, then the same county's monitoring), and for this window only.
import { useState } from 'react';

export interface CountyFilter {
  /** null: 全部县市. */
  county: string | null;
  /** null: the latest year a county reported. */
  year: number | null;
}

let shared: CountyFilter = { county: null, year: null };

export function useCountyFilter(): [CountyFilter, (change: Partial<CountyFilter>) => void] {
  const [filter, setFilter] = useState(shared);
  return [
    filter,
    (change) => {
      shared = { ...shared, ...change };
      setFilter(shared);
    },
  ];
}
