// One list of the prefecture's counties' records: a county (or 全部县市), a year and a search above a page
// of rows. Each screen is one call, paged in SQL: the answer brings the rows, their total, the counties and
// the years to choose from. Nothing here writes: the counties' records are theirs.
import { Alert, Group, Loader, Pagination, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import type { CountyListInput, CountyPage } from '../../../../electron/prefecture/contract';
import { errorMessage } from '../../api';
import { EmptyNotice } from '../../components/EmptyNotice';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { useCountyFilter } from './countyFilter';

export const PAGE_SIZE = 50;
const ROW_HEIGHT = 40;

/** The answer to the latest call; an answer to an older one (the user typed on) is dropped. */
export function useLatest<Input, Output>(load: (input: Input) => Promise<Output>, input: Input) {
  const key = JSON.stringify(input);
  const [state, setState] = useState<{ data?: Output; error: string | null; loading: boolean }>({ error: null, loading: true });
  const latest = useRef(0);
  useEffect(() => {
    const call = ++latest.current;
    setState((s) => ({ ...s, loading: true }));
    load(JSON.parse(key) as Input).then(
      (data) => call === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) => call === latest.current && setState((s) => ({ ...s, error: errorMessage(error), loading: false })),
    );
  }, [load, key]);
  return state;
}

/** A page's table: virtualised rows, at most the visible height. */
export function PageTable<Row extends { id: string }>({ label, rows, columns }: { label: string; rows: readonly Row[]; columns: readonly Column<Row>[] }) {
  return <VirtualTable label={label} rows={rows} columns={columns} rowKey={(row) => row.id} height={Math.min(600, ROW_HEIGHT * (rows.length + 1))} />;
}

/** 第 1–50 条，共 N 条 and the page buttons. */
export function Pager({ total, offset, onOffset }: { total: number; offset: number; onOffset: (offset: number) => void }) {
  if (total === 0) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        第 {offset + 1}–{Math.min(total, offset + PAGE_SIZE)} 条，共 {total} 条
      </Text>
      {total > PAGE_SIZE && <Pagination total={Math.ceil(total / PAGE_SIZE)} value={offset / PAGE_SIZE + 1} onChange={(page) => onOffset((page - 1) * PAGE_SIZE)} size="sm" />}
    </Group>
  );
}

export interface CountyListProps<Row> {
  /** The table's name for assistive technology, e.g. 各县绩效目标. */
  label: string;
  /** What the rows are, for the empty list: 绩效目标. */
  noun: string;
  load: (input: CountyListInput) => Promise<CountyPage<Row>>;
  columns: readonly Column<Row>[];
  searchPlaceholder: string;
  /** Records not kept per year (units): no year to choose. */
  yearless?: boolean;
}

export function CountyList<Row extends { id: string }>({ label, noun, load, columns, searchPlaceholder, yearless = false }: CountyListProps<Row>) {
  const [filter, setFilter] = useCountyFilter();
  const [typed, setTyped] = useState('');
  const [search] = useDebouncedValue(typed.trim(), 300);
  const [offset, setOffset] = useState(0);
  // A new filter or search starts again at its first page.
  useEffect(() => setOffset(0), [filter.county, filter.year, search]);
  const page = useLatest(load, { county: filter.county, year: filter.year, search, offset, limit: PAGE_SIZE });
  const data = page.data;

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" className="no-print">
        <Select
          label="县市"
          data={[{ value: '', label: '全部县市' }, ...(data?.counties ?? []).map((c) => ({ value: c.code, label: c.name }))]}
          value={filter.county ?? ''}
          onChange={(code) => setFilter({ county: code || null })}
          allowDeselect={false}
          searchable
          w={180}
        />
        {!yearless && (
          <Select
            label="年度"
            data={[...new Set([...(data?.years ?? []), ...(data ? [data.year] : [])])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }))}
            value={data ? String(data.year) : null}
            onChange={(year) => year && setFilter({ year: Number(year) })}
            allowDeselect={false}
            w={120}
          />
        )}
        <TextInput label="搜索" placeholder={searchPlaceholder} value={typed} onChange={(event) => setTyped(event.currentTarget.value)} w={260} />
        {page.loading && <Loader size="sm" mb={8} aria-label="正在读取" />}
      </Group>
      {page.error && <Alert color="red">{page.error}</Alert>}
      {data && data.total === 0 ? (
        <EmptyNotice
          title={search ? `没有与“${search}”相符的${noun}` : `没有${noun}`}
          description={
            search
              ? '请换一个编码或名称再搜索，或清空搜索框。'
              : `${filter.county ? '该县市' : '各县市'}${yearless ? '' : ` ${data.year} 年`}的上报包中还没有${noun}。县市报送后，在“数据交换 → 导入上报包”中导入，这里即可查看。`
          }
        />
      ) : (
        data && (
          <>
            <PageTable label={label} rows={data.rows} columns={columns} />
            <Pager total={data.total} offset={offset} onOffset={setOffset} />
          </>
        )
      )}
    </Stack>
  );
}
