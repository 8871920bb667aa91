// Files cross the boundary as base64 with their name, the same in Electron and in the browser.
import { ATTACHMENT_KINDS } from '../../../electron/domain/attachments';
import type { FilePayload } from '../../../electron/ipc/contract';

export function readFilePayload(file: File): Promise<FilePayload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ fileName: file.name, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsDataURL(file);
  });
}

const MIME_TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  db: 'application/vnd.sqlite3',
  zip: 'application/zip',
  ...Object.fromEntries(ATTACHMENT_KINDS.map((kind) => [kind.extension, kind.mime])),
};

/** Saves a file the service produced through the browser's own download. */
export function downloadFile({ fileName, dataBase64 }: FilePayload): void {
  const binary = atob(dataBase64);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  const blob = new Blob([bytes], { type: MIME_TYPES[extension] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
