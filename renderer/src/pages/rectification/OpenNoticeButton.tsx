// 下达整改通知 beside the record a problem was found on (a self-evaluation, a spot check): the bureau's
// reviewers open the notice dialog; anyone else sees the button disabled with the reason.
import { Button, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useAllowed } from '../../components/useAllowed';
import { NoticeModal, type NoticeModalProps } from './NoticeModal';

export function OpenNoticeButton({ size = 'sm', onDone, ...notice }: Omit<NoticeModalProps, 'onClose' | 'onDone'> & { size?: 'sm' | 'compact-xs'; onDone?: () => Promise<void> }) {
  const [opened, setOpened] = useState(false);
  const review = useAllowed('review');
  return (
    <>
      <Tooltip label={review.reason} disabled={review.allowed}>
        <Button size={size} variant="light" color="red" disabled={!review.allowed} onClick={() => setOpened(true)} aria-label={`下达整改通知：${notice.subject}`}>
          下达整改通知
        </Button>
      </Tooltip>
      {opened && <NoticeModal {...notice} onClose={() => setOpened(false)} onDone={onDone ?? (async () => undefined)} />}
    </>
  );
}
