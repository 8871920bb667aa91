// Deleting a 衔接资金 record asks first, saying what goes and what it means; the refusal (a document that
// payments still draw on) is shown as the service words it.
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifyError, notifySuccess } from '../../components/notify';

export function confirmDelete({ title, explanation, done, remove, reload }: { title: string; explanation: string; done: string; remove: () => Promise<unknown>; reload: () => Promise<void> }): void {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{explanation}</Text>,
    labels: { confirm: '删除', cancel: '取消' },
    confirmProps: { color: 'red' },
    onConfirm: async () => {
      try {
        await remove();
        notifySuccess(done);
        await reload();
      } catch (failure) {
        notifyError(failure, '没有删除');
      }
    },
  });
}
