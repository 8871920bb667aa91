// What the two target editors (项目支出 and 部门整体支出) share: the saved id and version of the form, the
// workflow actions, the editable form or the printed 申报表, adjustments and the history of the target.
import { Button, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { TargetContent } from '../../../../electron/domain/targets';
import { editable } from '../../../../electron/domain/workflow';
import type { TargetState } from '../../../../electron/targets/contract';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { useUnsavedWork } from '../../components/unsavedWork';
import { AdjustmentList, AdjustmentModal } from './Adjustments';
import { AnnexExportButton } from './AnnexExportButton';
import { HistoryPanel } from './HistoryPanel';
import classes from './targets.module.css';
import { TargetReview, type SavedTarget } from './TargetReview';

export interface TargetDraft {
  /** The target as last loaded, with the id and version of the last save. */
  current: TargetState;
  dirty: boolean;
  markDirty: () => void;
  attempted: boolean;
  attempt: () => void;
  /** Sends the form with the version it was built on; reports a refusal itself. */
  save: (request: (version: number | null) => Promise<TargetState>) => Promise<SavedTarget | null>;
}

export function useTargetDraft(target: TargetState): TargetDraft {
  const [saved, setSaved] = useState({ id: target.id, version: target.version });
  const [dirty, setDirty] = useState(false);
  const [attempted, setAttempted] = useState(false);
  return {
    current: { ...target, ...saved },
    dirty,
    markDirty: () => setDirty(true),
    attempted,
    attempt: () => setAttempted(true),
    async save(request) {
      try {
        const result = await request(saved.version);
        setSaved({ id: result.id, version: result.version });
        setDirty(false);
        return { id: result.id!, version: result.version! };
      } catch (error) {
        notifyError(error, '没有保存');
        return null;
      }
    },
  };
}

export function TargetEditorFrame<T>({
  draft,
  kept,
  title,
  description,
  back,
  problemCount,
  onSave,
  reload,
  content,
  keyProject,
  projectTypeCode,
  reviewNotes,
  form,
  sheet,
}: {
  draft: TargetDraft;
  /** The form's own state, kept as a draft under the target's key while unsaved, and how to put it back. */
  kept: { key: string; value: T; restore: (value: T) => void };
  title: string;
  description: ReactNode;
  back: { href: string; label: string };
  problemCount: number;
  onSave: () => Promise<SavedTarget | null>;
  reload: () => Promise<void>;
  /** The goals and indicators in force, where an adjustment starts. */
  content: TargetContent;
  keyProject: boolean;
  projectTypeCode: string | null;
  /** What the reviewer reads beside the grade (the 目标质量提示). */
  reviewNotes?: ReactNode;
  form: ReactNode;
  sheet: ReactNode;
}) {
  const [adjusting, setAdjusting] = useState(false);
  const { current } = draft;
  const canEdit = editable(current.status);
  const work = useUnsavedWork({
    dirty: canEdit && draft.dirty,
    save: async () => (await onSave()) !== null,
    draft: {
      key: kept.key,
      version: current.version,
      value: kept.value,
      restore: (value) => {
        kept.restore(value);
        draft.markDirty();
      },
    },
  });
  return (
    <Stack gap="md">
      <div className="no-print">
        <PageHeader
          title={title}
          description={description}
          actions={
            <Button variant="default" component="a" href={back.href}>
              {back.label}
            </Button>
          }
        />
      </div>
      <TargetReview
        target={current}
        dirty={draft.dirty}
        problemCount={problemCount}
        onSave={onSave}
        onAttempt={draft.attempt}
        onChanged={reload}
        onAdjust={current.id ? () => setAdjusting(true) : undefined}
        reviewNotes={reviewNotes}
      />
      {current.id && <AnnexExportButton targetId={current.id} />}
      {canEdit && work.draftOffer}
      {canEdit && <div className="no-print">{form}</div>}
      <div className={canEdit ? classes.printOnly : undefined}>{sheet}</div>
      {current.id && (
        <div className="no-print">
          <Stack gap="md">
            <AdjustmentList targetId={current.id} onDecided={reload} />
            <HistoryPanel key={current.version} targetId={current.id} />
          </Stack>
        </div>
      )}
      {adjusting && current.id && current.version !== null && (
        <AdjustmentModal
          targetId={current.id}
          targetVersion={current.version}
          current={content}
          frameworkId={current.frameworkId}
          budgetWeight={current.budgetWeight}
          keyProject={keyProject}
          projectTypeCode={projectTypeCode}
          onClose={() => setAdjusting(false)}
          onProposed={reload}
        />
      )}
    </Stack>
  );
}
