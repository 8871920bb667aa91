import { Alert, Loader, Select, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { FieldErrors } from '../../../../electron/domain/validation';
import type { Region } from '../../../../electron/registry/contract';
import { useInvoke } from '../../components/useInvoke';

export interface RegionChoice {
  prefecture: string | null;
  county: string | null;
}

export const regionOption = (region: Region) => ({ value: region.code, label: `${region.name}（${region.code}）` });

export function RegionStep({
  value,
  onChange,
  withCounty,
  errors,
}: {
  value: RegionChoice;
  onChange: (next: RegionChoice) => void;
  withCounty: boolean;
  errors: FieldErrors<RegionChoice>;
}) {
  const regions = useInvoke('regions.list', {});
  const prefectures = useMemo(() => (regions.data ?? []).filter((r) => r.level === 'prefecture').map(regionOption), [regions.data]);
  const counties = useMemo(
    () => (regions.data ?? []).filter((r) => r.level === 'county' && r.parentCode === value.prefecture).map(regionOption),
    [regions.data, value.prefecture],
  );

  if (regions.error) return <Alert color="red" title="无法读取区划列表">{regions.error}</Alert>;
  if (!regions.data) return <Loader aria-label="正在读取区划" />;
  return (
    <Stack gap="md">
      <Select
        label="地州市"
        placeholder="输入名称或代码搜索"
        data={prefectures}
        value={value.prefecture}
        onChange={(prefecture) => onChange({ prefecture, county: null })}
        error={errors.prefecture}
        searchable
        nothingFoundMessage="没有匹配的地州市"
        withAsterisk
      />
      {withCounty && (
        <Select
          label="县市区"
          placeholder={value.prefecture ? '输入名称或代码搜索' : '请先选择地州市'}
          data={counties}
          value={value.county}
          onChange={(county) => onChange({ ...value, county })}
          error={errors.county}
          disabled={!value.prefecture}
          searchable
          nothingFoundMessage="没有匹配的县市区"
          withAsterisk
        />
      )}
    </Stack>
  );
}
