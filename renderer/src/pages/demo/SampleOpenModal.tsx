// Opening the sample county: a separate database file (示例数据库.db), made and filled the first time,
// so that the real database never receives a single fictitious record.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { notifyError, notifySuccess } from '../../components/notify';

const thisYear = new Date().getFullYear();
export const SAMPLE_YEARS = Array.from({ length: 8 }, (_, i) => String(thisYear - i));

export const SAMPLE_EXPLANATION =
  '示例县是一套虚构数据：约 108 个预算单位、140 个项目及其绩效目标（取自随软件提供的指标库）和部门整体支出绩效目标。它保存在单独的示例数据库文件中，页面顶部始终标注“示例数据库”，正式数据库不受任何影响，随时可以一键返回。';

/** Opens (making it the first time) the sample database for a year, then reloads the workspace onto it. */
export function useOpenSample(onSwitched: () => Promise<void>) {
  const [busy, setBusy] = useState(false);
  async function open(year: number): Promise<boolean> {
    setBusy(true);
    try {
      const { database, generated } = await invoke('database.openSample', { year });
      notifySuccess(generated ? `已生成 ${generated.year} 年度示例数据：${generated.units} 个预算单位、${generated.projects} 个项目` : database.fileName, '已打开示例数据库');
      await onSwitched();
      return true;
    } catch (error) {
      notifyError(error, '无法打开示例数据库');
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { open, busy };
}

export function SampleYearSelect({ value, onChange }: { value: string; onChange: (year: string) => void }) {
  return <Select label="示例年度" data={SAMPLE_YEARS} value={value} onChange={(next) => next && onChange(next)} allowDeselect={false} w={110} />;
}

export function SampleOpenModal({ onClose, onSwitched }: { onClose: () => void; onSwitched: () => Promise<void> }) {
  const [year, setYear] = useState(String(thisYear));
  const sample = useOpenSample(onSwitched);
  return (
    <Modal opened onClose={onClose} title="打开示例数据库" size="lg">
      <Stack gap="md">
        <Text size="sm" lh={1.7}>
          {SAMPLE_EXPLANATION}
        </Text>
        <Group justify="space-between" align="flex-end">
          <SampleYearSelect value={year} onChange={setYear} />
          <Group>
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button loading={sample.busy} onClick={() => void sample.open(Number(year)).then((done) => done && onClose())}>
              打开示例数据库
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
