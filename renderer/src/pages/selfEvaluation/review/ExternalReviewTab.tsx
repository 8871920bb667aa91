// 自评复核: self-evaluation tables that units filled in Excel, imported and recomputed by the rules. The
// year's list and the import (previewed, per-row problems); one table's review is ReviewView.
import { Alert, Anchor, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { ExternalReviewRow } from '../../../../../electron/selfEvaluation/contract';
import { EmptyNotice } from '../../../components/EmptyNotice';
import { invoke } from '../../../api';
import { DownloadButton, PickFileButton, XLSX_ACCEPT } from '../../../components/FileActions';
import { formatDateTime } from '../../../components/format';
import { UnitPicker } from '../../../components/UnitPicker';
import { NotAllowedNote, useAllowed } from '../../../components/useAllowed';
import { useInvoke } from '../../../components/useInvoke';
import { routeHref } from '../../../router';
import { statusBadge } from './StatusBadge';
import { useReviewImport } from './useReviewImport';

/** The year's imported tables; the page's year select chooses the year. */
export function ExternalReviewTab({ year }: { year: number }) {
  const list = useInvoke('selfEvaluationReview.list', { year });
  const entering = useAllowed('enter');
  const importFlow = useReviewImport(year, list.reload);
  return (
    <Stack>
      <Group justify="flex-end" className="no-print">
        <Group gap="xs">
          <TemplateDownload year={year} />
          <PickFileButton label="导入自评表（Excel）" accept={XLSX_ACCEPT} onFile={importFlow.choose} loading={importFlow.reading} disabled={!entering.allowed} />
        </Group>
      </Group>
      <NotAllowedNote allowance={entering} />
      {list.error && (
        <Alert color="red" title="无法读取自评表">
          {list.error}
        </Alert>
      )}
      {!list.data && !list.error && <Loader aria-label="正在读取" />}
      {list.data && list.data.length === 0 && (
        <EmptyNotice
          title={`${year} 年还没有导入的自评表`}
          description="可先选择预算单位下载自评模板（按批复的绩效目标预填）发给单位。单位在 Excel 中按财预〔2020〕10号附件填好项目支出绩效自评表后，点“导入自评表（Excel）”选择文件：本软件按评分规则逐行复算，列出与单位得分不同之处，由审核人通过或退回。"
        />
      )}
      {list.data && list.data.length > 0 && <ReviewTable rows={list.data} />}
      {importFlow.modal}
    </Stack>
  );
}

/** The unit's template: its approved project targets, one sheet each, to fill in Excel and import back. */
export function TemplateDownload({ year }: { year: number }) {
  const [unitCode, setUnitCode] = useState<string | null>(null);
  return (
    <>
      <UnitPicker aria-label="模板的预算单位" placeholder="选择预算单位" value={unitCode} onChange={(code) => setUnitCode(code)} activeOnly w={280} />
      <DownloadButton
        label="下载自评模板"
        variant="default"
        disabled={!unitCode}
        fetchFile={() => invoke('selfEvaluationReview.template', { year, unitCode: unitCode! })}
      />
    </>
  );
}

function ReviewTable({ rows }: { rows: ExternalReviewRow[] }) {
  return (
    <Table striped withTableBorder aria-label="导入的自评表">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>实施单位</Table.Th>
          <Table.Th>项目名称</Table.Th>
          <Table.Th>导入</Table.Th>
          <Table.Th ta="right">单位总分</Table.Th>
          <Table.Th ta="right">复算总分</Table.Th>
          <Table.Th>差异</Table.Th>
          <Table.Th>状态</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.id}>
            <Table.Td>{row.unitName}</Table.Td>
            <Table.Td>
              <Anchor href={routeHref('selfEvaluation', 'review', 'table', row.id)}>{row.projectName}</Anchor>
              {!row.projectId && (
                <Text size="xs" c="dimmed">
                  未对应到项目库中的项目
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{row.fileName}</Text>
              <Text size="xs" c="dimmed">
                {row.importedByName} · {formatDateTime(row.importedAt)}
              </Text>
            </Table.Td>
            <Table.Td ta="right">{row.enteredTotal ?? '未填'}</Table.Td>
            <Table.Td ta="right">{row.ruleTotal}</Table.Td>
            <Table.Td>{row.differences === 0 ? <Text size="sm" c="teal.8">无</Text> : <Text size="sm" c="red.8" fw={600}>{row.differences} 处</Text>}</Table.Td>
            <Table.Td>{statusBadge(row.status)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
