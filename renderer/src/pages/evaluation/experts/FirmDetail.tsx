import { Alert, Button, Group, Modal, NumberInput, Rating, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { formatWanYuan, parseWanYuan } from '../../../../../electron/domain/money';
import { ratingProblem } from '../../../../../electron/domain/experts';
import type { Engagement, Firm } from '../../../../../electron/experts/contract';
import { errorMessage, invoke } from '../../../api';
import { currentFiscalYear } from '../../../components/YearSelect';
import { useInvoke } from '../../../components/useInvoke';
import { WorkflowStatusBadge } from '../../../components/WorkflowStatusBadge';
import { EVALUATION_KIND_LABELS } from '../../../../../electron/domain/evaluation';
import { routeHref } from '../../../router';

/** A firm's jobs over the years with their contracts, fees and the rating each got; new jobs and ratings. */
export function FirmDetail({ firm, canEnter, onClose, onChanged }: { firm: Firm; canEnter: boolean; onClose: () => void; onChanged: () => Promise<void> }) {
  const jobs = useInvoke('firms.engagements', { firmId: firm.id });
  const [rating, setRating] = useState<Engagement | null>(null);
  const reload = async () => {
    await jobs.reload();
    await onChanged();
  };
  return (
    <Modal opened onClose={onClose} title={firm.name} size={1100}>
      <Stack gap="md">
        <Text size="sm">
          统一社会信用代码 {firm.creditCode}
          {firm.contact && ` · 联系方式 ${firm.contact}`}
        </Text>
        {firm.qualifications && <Text size="sm">资质：{firm.qualifications}</Text>}
        <Title order={3} size="h5">
          委托业务与质量评价
        </Title>
        {jobs.error && <Alert color="red">{jobs.error}</Alert>}
        {jobs.data && jobs.data.length === 0 && (
          <Text size="sm" c="dimmed">
            还没有委托业务。每次委托（合同金额、已付费用、起止日期）在下方登记，完成后给出 1–5 分的质量评价。
          </Text>
        )}
        {jobs.data && jobs.data.length > 0 && (
          <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="委托业务">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>年度</Table.Th>
                <Table.Th miw={200}>委托内容</Table.Th>
                <Table.Th w={110} ta="right">合同金额（万元）</Table.Th>
                <Table.Th w={110} ta="right">已付费用（万元）</Table.Th>
                <Table.Th w={200}>起止日期</Table.Th>
                <Table.Th w={200}>质量评价</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>{job.year}</Table.Td>
                  <Table.Td>{job.subject}</Table.Td>
                  <Table.Td ta="right">{formatWanYuan(job.contractFen)}</Table.Td>
                  <Table.Td ta="right">{formatWanYuan(job.feeFen)}</Table.Td>
                  <Table.Td>
                    {job.startDate} 至 {job.endDate}
                  </Table.Td>
                  <Table.Td>
                    {job.rating !== null ? (
                      <Stack gap={0}>
                        <Rating value={job.rating} readOnly size="sm" aria-label={`${job.rating} 分`} />
                        <Text size="xs">{job.ratingComment}</Text>
                      </Stack>
                    ) : canEnter ? (
                      <Button size="compact-sm" variant="subtle" onClick={() => setRating(job)}>
                        评价质量
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">未评价</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canEnter && <EngagementForm firmId={firm.id} onAdded={reload} />}
        <FirmEvaluations firmId={firm.id} />
        {rating && <RatingForm job={rating} onClose={() => setRating(null)} onRated={reload} />}
      </Stack>
    </Modal>
  );
}

function EngagementForm({ firmId, onAdded }: { firmId: string; onAdded: () => Promise<void> }) {
  const [year, setYear] = useState<number | string>(currentFiscalYear());
  const [subject, setSubject] = useState('');
  const [contract, setContract] = useState('');
  const [fee, setFee] = useState('0');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function add() {
    const contractFen = parseWanYuan(contract);
    const feeFen = parseWanYuan(fee);
    if (!contractFen.ok) return setError(`合同金额：${contractFen.message}`);
    if (!feeFen.ok) return setError(`已付费用：${feeFen.message}`);
    setError(null);
    try {
      await invoke('firms.addEngagement', { firmId, year: Number(year), subject, contractFen: contractFen.fen, feeFen: feeFen.fen, startDate, endDate });
      setSubject('');
      setContract('');
      await onAdded();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <NumberInput label="年度" value={year} onChange={setYear} min={2000} max={2100} w={90} />
        <TextInput label="委托内容" placeholder="如 2020 年重点项目财政评价" value={subject} onChange={(e) => setSubject(e.currentTarget.value)} style={{ flex: 1 }} />
        <TextInput label="合同金额（万元）" value={contract} onChange={(e) => setContract(e.currentTarget.value)} w={130} />
        <TextInput label="已付费用（万元）" value={fee} onChange={(e) => setFee(e.currentTarget.value)} w={130} />
        <TextInput label="开始日期" placeholder="2021-03-01" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} w={120} />
        <TextInput label="结束日期" placeholder="2021-05-31" value={endDate} onChange={(e) => setEndDate(e.currentTarget.value)} w={120} />
        <Button onClick={add} disabled={!subject.trim() || !contract.trim() || !startDate || !endDate}>
          登记委托
        </Button>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

/** 1–5 and a comment for a firm's job; `rate` sends it (from the firm's list, or from the evaluation done under the job). */
export function RatingForm({ job, rate: send = (rating, comment) => invoke('firms.rate', { id: job.id, rating, comment }), onClose, onRated }: { job: Engagement; rate?: (rating: number, comment: string) => Promise<unknown>; onClose: () => void; onRated: () => Promise<void> }) {
  const [value, setValue] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const problem = ratingProblem(value, comment);
  async function rate() {
    try {
      await send(value, comment);
      await onRated();
      onClose();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }
  return (
    <Modal opened onClose={onClose} title={`质量评价：${job.subject}`}>
      <Stack gap="sm">
        <Rating value={value} onChange={setValue} size="lg" aria-label="质量评分" />
        <TextInput label="评价意见" value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            取消
          </Button>
          <Button onClick={rate} disabled={problem !== null} title={problem ?? undefined}>
            保存评价
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The evaluations the firm did under its jobs, with their totals and grades. */
function FirmEvaluations({ firmId }: { firmId: string }) {
  const done = useInvoke('evaluation.ofFirm', { firmId });
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        承担的评价
      </Title>
      {done.error && <Alert color="red">{done.error}</Alert>}
      {done.data && done.data.length === 0 && (
        <Text size="sm" c="dimmed">
          还没有在本机构委托业务下完成的评价。评价页上选择受托机构的委托业务后，评价会列在这里。
        </Text>
      )}
      {done.data && done.data.length > 0 && (
        <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="承担的评价">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>年度</Table.Th>
              <Table.Th w={90}>评价类型</Table.Th>
              <Table.Th w={130}>项目（单位）编码</Table.Th>
              <Table.Th>委托业务</Table.Th>
              <Table.Th w={80} ta="right">总分</Table.Th>
              <Table.Th w={60} ta="center">等级</Table.Th>
              <Table.Th w={90} ta="center">状态</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {done.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.year}</Table.Td>
                <Table.Td>{EVALUATION_KIND_LABELS[e.kind]}</Table.Td>
                <Table.Td>
                  <a href={routeHref('evaluation', 'edit', e.id)}>{e.subjectCode}</a>
                </Table.Td>
                <Table.Td>{e.engagementSubject}</Table.Td>
                <Table.Td ta="right">{e.totalScore ?? '—'}</Table.Td>
                <Table.Td ta="center">{e.grade ?? '—'}</Table.Td>
                <Table.Td ta="center">
                  <WorkflowStatusBadge status={e.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
