// The fiscal year a page works on. Pages keep it in their route, so a reload or a shared link opens the
// same year, and nothing about it is stored globally.
import { Select } from '@mantine/core';

/** A county works on the current budget year by default. */
export const currentFiscalYear = (today = new Date()): number => today.getFullYear();

/** Next year (budgets are prepared a year ahead) back to six years ago (history kept 5+ years). */
export function yearChoices(current = currentFiscalYear()): number[] {
  return Array.from({ length: 8 }, (_, i) => current + 1 - i);
}

/** A year from a route segment, or the current fiscal year when it is missing or not a year. */
export function yearFromRoute(segment: string | undefined): number {
  const year = Number(segment);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentFiscalYear();
}

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const years = yearChoices();
  const data = (years.includes(value) ? years : [value, ...years]).map((y) => ({ value: String(y), label: `${y} 年` }));
  return (
    <Select
      aria-label="年度"
      data={data}
      value={String(value)}
      onChange={(next) => next && onChange(Number(next))}
      allowDeselect={false}
      w={110}
      className="no-print"
    />
  );
}
