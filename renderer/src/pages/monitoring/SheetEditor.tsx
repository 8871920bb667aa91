import { Alert, Group, Loader, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { editable } from '../../../../electron/domain/workflow';
import type { SheetDetail } from '../../../../electron/monitoring/contract';
import { invoke } from '../../api';
import { notifyError } from '../../components/notify';
import { DownloadButton } from '../../components/FileActions';
import { ReviewHistory } from '../../components/ReviewPanel';
import { useInvoke } from '../../components/useInvoke';
import { useUnsavedWork } from '../../components/unsavedWork';
import targetClasses from '../targets/targets.module.css';
import { AnnexSheet } from './AnnexSheet';
import { BudgetSection } from './BudgetSection';
import { GoalSection } from './GoalSection';
import { IndicatorSection } from './IndicatorSection';
import { SheetHeader } from './SheetHeader';
import { SheetReview } from './SheetReview';
import { annexOf, assessForm, formOf, problemCount, restoredForm, saveInputOf, type FundField, type IndicatorForm, type SheetForm } from './sheetForm';
import { TextSection } from './TextSection';

/** One project's monitoring sheet: loads it, and remounts the form on every new version. */
export function SheetEditor({ sheetId }: { sheetId: string }) {
  const sheet = useInvoke('monitoring.sheet', { sheetId });
  if (sheet.error) return <Alert color="red" title="无法读取监控表">{sheet.error}</Alert>;
  if (!sheet.data) return <Loader aria-label="正在读取监控表" />;
  return <SheetFormView key={sheet.data.version} detail={sheet.data} reload={sheet.reload} />;
}

/** The sheet's form state, kept as a draft while unsaved, and its sections in the order of the paper form. */
function SheetFormView({ detail, reload }: { detail: SheetDetail; reload: () => Promise<void> }) {
  const [form, setForm] = useState<SheetForm>(() => formOf(detail));
  const [attempted, setAttempted] = useState(false);
  const assessment = useMemo(() => assessForm(form, detail), [form, detail]);
  const canEdit = editable(detail.status);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(detail));
  const work = useUnsavedWork({
    dirty: canEdit && dirty,
    save: async () => (await save()) !== null,
    draft: { key: `monitoring-sheet:${detail.id}`, version: detail.version, value: form, restore: (draft) => setForm(restoredForm(draft, detail)) },
  });

  const annex = useMemo(() => annexOf(form, detail), [form, detail]);
  const setText = (field: 'analysis' | 'goalProgress' | 'remarks') => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const setFund = (i: number, field: FundField, value: string) =>
    setForm((f) => ({ ...f, funds: f.funds.map((fund, n) => (n === i ? { ...fund, [field]: value } : fund)) }));
  const setIndicator = (i: number, patch: Partial<IndicatorForm>) =>
    setForm((f) => ({ ...f, indicators: f.indicators.map((row, n) => (n === i ? { ...row, ...patch } : row)) }));

  /** Saves the form; resolves to the new version, or null when it did not save (already reported). */
  async function save(): Promise<{ version: number } | null> {
    const input = saveInputOf(form, detail);
    if (!input) {
      setAttempted(true);
      notifyError(new Error('有金额无法识别，请按红色提示改正'), '没有保存');
      return null;
    }
    try {
      return { version: (await invoke('monitoring.saveSheet', input)).version };
    } catch (error) {
      notifyError(error, '没有保存');
      return null;
    }
  }

  return (
    <Stack gap="md">
      {/* On paper the annex grid says all of it: the screen's header, lights and history stay off the page. */}
      <Stack gap="md" className="no-print">
        <SheetHeader detail={detail} assessment={assessment} />
        {/* 打印 (below, beside 保存) prints the annex grid. */}
        <Group justify="flex-end" gap="xs">
          <DownloadButton label="导出 Excel（136号格式）" variant="default" fetchFile={() => invoke('monitoring.annexExport', { roundId: detail.roundId, sheetId: detail.id })} />
        </Group>
      </Stack>
      {canEdit && work.draftOffer}
      <SheetReview detail={detail} dirty={dirty} problemCount={problemCount(form, assessment, detail.round.month)} onSave={save} onAttempt={() => setAttempted(true)} reload={reload}>
        <Stack gap="md" className="no-print">
          <BudgetSection
            detail={detail}
            form={form}
            assessment={assessment}
            canEdit={canEdit}
            onFund={setFund}
            onBudget={(budget) => setForm((f) => ({ ...f, budget }))}
          />
          <GoalSection goal={detail.goal} month={detail.round.month} value={form.goalProgress} canEdit={canEdit} onChange={setText('goalProgress')} />
          <IndicatorSection detail={detail} form={form} assessment={assessment} canEdit={canEdit} attempted={attempted} onIndicator={setIndicator} />
          <TextSection label="三、情况分析" value={form.analysis} canEdit={canEdit} onChange={setText('analysis')} />
          <TextSection label="四、备注" value={form.remarks} canEdit={canEdit} onChange={setText('remarks')} />
        </Stack>
        <div className={targetClasses.printOnly}>
          <AnnexSheet sheet={annex} />
        </div>
      </SheetReview>
      <div className="no-print">
        <ReviewHistory rows={detail.history} />
      </div>
    </Stack>
  );
}
