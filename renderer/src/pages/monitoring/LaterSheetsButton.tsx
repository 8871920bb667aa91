import { Button } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../../api';
import { notifyError, notifySuccess } from '../../components/notify';
import { useAllowed } from '../../components/useAllowed';

/**
 * 补开监控表 on a round the prefecture issued: its sheets were opened over the projects approved when the county
 * imported it, and this opens those of the projects approved since (never a second one for a project).
 */
export function LaterSheetsButton({ roundId, onOpened }: { roundId: string; onOpened: () => void }) {
  const allowance = useAllowed('rounds.open');
  const [busy, setBusy] = useState(false);

  async function openLater() {
    setBusy(true);
    try {
      const opened = await invoke('monitoring.openLaterSheets', { roundId });
      const projects = opened.projects.map((p) => `${p.code} ${p.name}`).join('、');
      const parts = [opened.projects.length > 0 ? `${opened.projects.length} 个项目：${projects}` : '', opened.departmentSheets > 0 ? `${opened.departmentSheets} 张部门整体监控表` : ''];
      notifySuccess(`已为导入本轮次后新批复的 ${parts.filter(Boolean).join('，以及 ')}补开监控表`, '已补开监控表');
      onOpened();
    } catch (error) {
      notifyError(error, '没有补开监控表');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="default" size="xs" onClick={openLater} loading={busy} disabled={!allowance.allowed} title={allowance.reason ?? '为导入本轮次后新批复的项目补开监控表'}>
      补开监控表
    </Button>
  );
}
