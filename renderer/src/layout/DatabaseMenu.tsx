// 文件: which database the app works on. Create or open one by path, reopen a recent one, and go to
// the sample county (its own file) or back from it. Also shown before sign-in and in first-run setup,
// where the operators of the current file mean nothing for another.
import { Button, Menu, Text } from '@mantine/core';
import { useState } from 'react';
import type { RecentDatabase } from '../../../electron/settings/contract';
import { invoke } from '../api';
import { confirmLeaving } from '../router';
import { notifyError, notifySuccess } from '../components/notify';
import { useInvoke } from '../components/useInvoke';
import { SampleOpenModal } from '../pages/demo/SampleOpenModal';
import { DatabasePathModal, type DatabaseAction } from './DatabasePathModal';

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;
const folderOf = (file: string) => file.slice(0, file.length - fileName(file).length);

export function DatabaseMenu({ onSwitched, canOpenSample = false, label = '文件' }: { onSwitched: () => Promise<void>; canOpenSample?: boolean; label?: string }) {
  const current = useInvoke('database.current', {});
  const recent = useInvoke('database.recent', {});
  const [action, setAction] = useState<DatabaseAction | null>(null);
  const [sampleOpen, setSampleOpen] = useState(false);
  const others = (recent.data ?? []).filter((entry) => entry.path !== current.data?.path);

  async function run(work: () => Promise<unknown>, done: string, failed: string) {
    try {
      await work();
      notifySuccess(done);
      await onSwitched();
    } catch (error) {
      notifyError(error, failed);
    }
  }

  // Another database means leaving the open form: its unsaved changes are asked about first.
  const leavingFirst = (then: () => unknown) => async () => {
    if (await confirmLeaving()) await then();
  };
  const openRecent = (entry: RecentDatabase) => run(() => invoke('database.open', { path: entry.path }), `已打开 ${fileName(entry.path)}`, '无法打开该数据库');
  const leaveSample = () => run(() => invoke('database.leaveSample', {}), '已返回正式数据库', '无法返回正式数据库');

  return (
    <>
      <Menu position="bottom-start" width={360} onOpen={() => void recent.reload()}>
        <Menu.Target>
          <Button variant="default" size="xs">
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={leavingFirst(() => setAction('create'))}>新建数据库…</Menu.Item>
          <Menu.Item onClick={leavingFirst(() => setAction('open'))}>打开数据库…</Menu.Item>
          {current.data?.sample ? (
            <Menu.Item onClick={leavingFirst(leaveSample)}>返回正式数据库</Menu.Item>
          ) : (
            canOpenSample && <Menu.Item onClick={leavingFirst(() => setSampleOpen(true))}>打开示例数据库…</Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Label>最近打开</Menu.Label>
          {others.length === 0 && <Menu.Item disabled>（暂无其他数据库）</Menu.Item>}
          {others.map((entry) => (
            <Menu.Item key={entry.path} onClick={leavingFirst(() => openRecent(entry))} aria-label={`打开 ${entry.path}`}>
              <Text size="sm" fw={500}>
                {entry.sample ? '【示例】' : ''}
                {fileName(entry.path)}
              </Text>
              <Text size="xs" c="dimmed" truncate="start">
                {folderOf(entry.path)}
              </Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {action && current.data && <DatabasePathModal action={action} currentPath={current.data.path} onClose={() => setAction(null)} onSwitched={onSwitched} />}
      {sampleOpen && <SampleOpenModal onClose={() => setSampleOpen(false)} onSwitched={onSwitched} />}
    </>
  );
}
