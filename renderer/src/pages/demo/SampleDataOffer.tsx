// The first-run choice on 首页: an empty county database can be filled with the sample county, so that a
// new user sees targets, coverage and disclosure tables before entering real data.
import { Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { useSession } from '../../appState';
import { notifyError, notifySuccess } from '../../components/notify';

const thisYear = new Date().getFullYear();
const YEARS = Array.from({ length: 8 }, (_, i) => String(thisYear - i));

export function SampleDataOffer() {
  const { installation, reloadAll } = useSession();
  const [year, setYear] = useState(String(thisYear));
  const [busy, setBusy] = useState(false);
  if (installation.role !== 'county') return null;

  async function generate() {
    setBusy(true);
    try {
      const summary = await invoke('demo.generate', { year: Number(year) });
      notifySuccess(`${summary.units} 个预算单位、${summary.projects} 个项目及其绩效目标`, `已生成 ${summary.year} 年度示例数据`);
      await reloadAll();
    } catch (error) {
      notifyError(error, '生成示例数据失败');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="lg">
      <Title order={2} size="h4" mb="xs">
        先看看软件用起来的样子？
      </Title>
      <Text size="sm" lh={1.7} mb="md">
        可以生成一套虚构的示例县数据：约 108 个预算单位、140 个项目及其绩效目标（取自随软件提供的指标库）和部门整体支出绩效目标，所有页面顶部都会标注“示例数据”。示例数据只能生成在还没有预算单位的数据库中；正式使用时请另建一个数据库。
      </Text>
      <Group gap="sm" align="flex-end">
        <Select label="示例年度" data={YEARS} value={year} onChange={(value) => value && setYear(value)} allowDeselect={false} w={110} />
        <Button variant="light" onClick={generate} loading={busy}>
          生成示例数据
        </Button>
      </Group>
    </Card>
  );
}
