// The proposals, one line per project with the rules that produced it underneath, and the budget
// section's decision recorded in place: the form checks with the same domain rule the service enforces.
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { Fragment, useState } from 'react';
import { formatWanYuan, parseWanYuan } from '../../../../electron/domain/money';
import { BASE_LABELS, DECISION_LABELS, decisionProblem, GRADE_SOURCE_LABELS, partialRange, type Decision, type GradeSource } from '../../../../electron/domain/results';
import type { ResultLine, ResultsView } from '../../../../electron/results/contract';
import { errorMessage, invoke } from '../../api';
import { notifySuccess } from '../../components/notify';
import { useAllowed } from '../../components/useAllowed';
import { routeHref } from '../../router';

/** Where a grade's record opens: a self-evaluation's table, an evaluation's page. */
const SOURCE_ROUTES: Record<GradeSource, readonly string[]> = {
  'self-evaluation': ['selfEvaluation', 'edit'],
  'department-evaluation': ['evaluation', 'edit'],
  'finance-evaluation': ['evaluation', 'edit'],
};

const MEASURE_COLORS: Record<ResultLine['measure'], string> = { priority: 'teal', asNeeded: 'blue', cut: 'orange', cancel: 'red', rectifyFirst: 'grape' };
const DECISION_COLORS: Record<Decision, string> = { adopted: 'teal', partly: 'yellow', rejected: 'gray' };
const COLUMNS = 9;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

const wan = (fen: number | null) => (fen === null ? '—' : formatWanYuan(fen));

export function ProposalsTable({ view, onChanged }: { view: ResultsView; onChanged: () => Promise<void> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const mayDecide = useAllowed('enter');
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm" aria-label="预算调整建议清单">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>项目</Table.Th>
            <Table.Th w={170}>实施单位</Table.Th>
            <Table.Th style={NOWRAP}>等级及来源</Table.Th>
            <Table.Th style={NOWRAP}>应用措施</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>基数</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>建议安排</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>收回结转结余</Table.Th>
            <Table.Th w={150}>预算科意见</Table.Th>
            <Table.Th ta="right" style={NOWRAP}>下年项目库</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.lines.map((line) => (
            <Fragment key={line.id}>
              <Table.Tr aria-label={`建议 ${line.projectCode}`}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {line.projectName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {line.projectCode}
                  </Text>
                </Table.Td>
                <Table.Td>{line.unitName}</Table.Td>
                <Table.Td style={NOWRAP}>
                  <Text size="sm" fw={700} span>
                    {line.grade}
                  </Text>{' '}
                  <Anchor size="sm" href={routeHref(...SOURCE_ROUTES[line.gradeSource], line.gradeRecordId)}>
                    {GRADE_SOURCE_LABELS[line.gradeSource]}
                  </Anchor>
                </Table.Td>
                <Table.Td style={NOWRAP}>
                  <Badge variant="light" color={MEASURE_COLORS[line.measure]} styles={{ label: { overflow: 'visible' } }}>
                    {line.measureLabel}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right" style={NOWRAP}>
                  {wan(line.baseFen)}
                  <Text size="xs" c="dimmed">
                    {BASE_LABELS[line.baseKind]}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {wan(line.proposedFen)}
                </Table.Td>
                <Table.Td ta="right">{line.recoverFen > 0 ? wan(line.recoverFen) : '—'}</Table.Td>
                <Table.Td>
                  <DecisionCell line={line} canEdit={mayDecide.allowed && editing !== line.id} onEdit={() => setEditing(line.id)} />
                </Table.Td>
                <Table.Td ta="right">{line.arrangedFen === null ? <Text size="xs" c="dimmed">未登记</Text> : wan(line.arrangedFen)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td colSpan={COLUMNS} bg="gray.0">
                  <Text size="xs" c="dimmed">
                    依据：{line.trace.join('；')}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {editing === line.id && (
                <Table.Tr className="no-print">
                  <Table.Td colSpan={COLUMNS}>
                    <DecisionForm
                      line={line}
                      onDone={async (saved) => {
                        setEditing(null);
                        if (saved) await onChanged();
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DecisionCell({ line, canEdit, onEdit }: { line: ResultLine; canEdit: boolean; onEdit: () => void }) {
  return (
    <Stack gap={2}>
      {line.decision ? (
        <Group gap={4}>
          <Badge variant="light" color={DECISION_COLORS[line.decision]}>
            {DECISION_LABELS[line.decision]}
          </Badge>
          <Text size="sm">{wan(line.decidedFen)}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          未录入
        </Text>
      )}
      {line.decisionReason && <Text size="xs">{line.decisionReason}</Text>}
      {canEdit && (
        <Button size="compact-xs" variant="subtle" onClick={onEdit} className="no-print" aria-label={`录入 ${line.projectCode} 的预算科意见`}>
          {line.decision ? '修改意见' : '录入意见'}
        </Button>
      )}
    </Stack>
  );
}

const DECISION_OPTIONS = (Object.keys(DECISION_LABELS) as Decision[]).map((value) => ({ value, label: DECISION_LABELS[value] }));

function DecisionForm({ line, onDone }: { line: ResultLine; onDone: (saved: boolean) => Promise<void> }) {
  const [decision, setDecision] = useState<Decision>(line.decision ?? 'adopted');
  const [amount, setAmount] = useState(line.decision === 'partly' && line.decidedFen !== null ? formatWanYuan(line.decidedFen, { grouping: false }) : '');
  const [reason, setReason] = useState(line.decisionReason);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const range = partialRange(line);
  // A message answers the last save; once the entry changes it no longer describes it.
  const edit = (change: () => void) => {
    setProblem(null);
    change();
  };

  const save = async () => {
    const parsed = decision === 'partly' && amount.trim() !== '' ? parseWanYuan(amount) : null;
    if (parsed && !parsed.ok) return setProblem(parsed.message);
    const input = { decision, amountFen: parsed?.ok ? parsed.fen : null, reason };
    const local = decisionProblem(input, line);
    if (local) return setProblem(local);
    setBusy(true);
    try {
      await invoke('results.decide', { id: line.id, ...input });
      notifySuccess(`${line.projectCode} ${line.projectName}：${DECISION_LABELS[decision]}`, '已录入预算科意见');
      await onDone(true);
    } catch (error) {
      setProblem(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs" maw={760} role="group" aria-label={`${line.projectCode} 的预算科意见`}>
      <Group align="flex-end" gap="sm">
        <SegmentedControl data={DECISION_OPTIONS} value={decision} onChange={(value) => edit(() => setDecision(value as Decision))} aria-label="预算科意见" />
        {decision === 'partly' && (
          <TextInput
            label="下年安排金额（万元）"
            description={`在 ${formatWanYuan(range.low)} 与 ${formatWanYuan(range.high)} 之间`}
            value={amount}
            onChange={(event) => edit(() => setAmount(event.currentTarget.value))}
            w={200}
          />
        )}
        <TextInput label="理由" placeholder={decision === 'adopted' ? '采纳可不填' : '必填：预算科的考虑'} value={reason} onChange={(event) => edit(() => setReason(event.currentTarget.value))} style={{ flex: 1 }} />
      </Group>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
      <Group gap="xs">
        <Button size="xs" onClick={() => void save()} loading={busy}>
          保存意见
        </Button>
        <Button size="xs" variant="default" onClick={() => void onDone(false)} disabled={busy}>
          取消
        </Button>
      </Group>
    </Stack>
  );
}
