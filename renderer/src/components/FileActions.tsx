// Buttons for files across the boundary: pick a file to send, or fetch one and save it.
import { Button, FileButton, type ButtonProps } from '@mantine/core';
import { useRef, useState } from 'react';
import type { FilePayload } from '../../../electron/ipc/contract';
import { downloadFile } from './files';
import { notifyError } from './notify';

export const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function PickFileButton({
  label,
  accept,
  onFile,
  loading,
  ...buttonProps
}: { label: string; accept: string; onFile: (file: File) => void; loading?: boolean } & ButtonProps) {
  const resetRef = useRef<() => void>(null);
  return (
    <FileButton
      accept={accept}
      resetRef={resetRef}
      onChange={(file) => {
        // Reset so that choosing the same file again (after fixing it in Excel) still triggers a change.
        resetRef.current?.();
        if (file) onFile(file);
      }}
    >
      {(props) => (
        <Button {...buttonProps} {...props} loading={loading}>
          {label}
        </Button>
      )}
    </FileButton>
  );
}

export function DownloadButton({
  label,
  fetchFile,
  ...buttonProps
}: { label: string; fetchFile: () => Promise<FilePayload> } & ButtonProps) {
  const [busy, setBusy] = useState(false);
  async function download() {
    setBusy(true);
    try {
      downloadFile(await fetchFile());
    } catch (error) {
      notifyError(error, `${label}失败`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button {...buttonProps} loading={busy} onClick={download}>
      {label}
    </Button>
  );
}
