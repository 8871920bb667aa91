// 新建数据库 / 打开数据库 by path, for every transport (the desktop app also has native dialogs in its
// 文件 menu). The main process checks the path; its Chinese message shows under the field.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, invoke } from '../api';
import { notifySuccess } from '../components/notify';

export type DatabaseAction = 'create' | 'open';

const TEXT: Record<DatabaseAction, { title: string; button: string; help: string }> = {
  create: { title: '新建数据库', button: '新建并打开', help: '新建一个空的数据库文件，打开后先完成首次设置。已有的文件不会被覆盖。' },
  open: { title: '打开数据库', button: '打开', help: '打开另一个绩效数据库文件。当前数据库会保存并关闭，随时可以从“最近打开”回来。' },
};

/** The folder of the current file with a suggested name, so a person edits rather than types it all. */
export function suggestedPath(currentPath: string, action: DatabaseAction): string {
  return action === 'create' ? currentPath.replace(/[^\\/]+$/, '新数据库.db') : currentPath.replace(/[^\\/]+$/, '');
}

export function DatabasePathModal({ action, currentPath, onClose, onSwitched }: { action: DatabaseAction; currentPath: string; onClose: () => void; onSwitched: () => Promise<void> }) {
  const [file, setFile] = useState(() => suggestedPath(currentPath, action));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const text = TEXT[action];

  async function submit() {
    setBusy(true);
    setProblem(null);
    try {
      const opened = await invoke(action === 'create' ? 'database.create' : 'database.open', { path: file });
      notifySuccess(opened.path, action === 'create' ? '已新建数据库' : '已打开数据库');
      onClose();
      await onSwitched();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={text.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{text.help}</Text>
          <TextInput
            label="数据库文件路径"
            description="完整路径，以 .db 结尾，例如 D:\绩效\轮台县2027.db"
            value={file}
            onChange={(event) => setFile(event.currentTarget.value)}
            error={problem}
            data-autofocus
            spellCheck={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              取消
            </Button>
            <Button type="submit" loading={busy}>
              {text.button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
