// Files cross the IPC boundary as base64 with their name, the same way in Electron and the web bridge.
import { AppError } from '../errors';
import type { FilePayload } from './schema';

export function decodeFile(file: FilePayload): Uint8Array {
  const bytes = Buffer.from(file.dataBase64, 'base64');
  if (bytes.byteLength === 0) throw new AppError('BAD_FILE', `文件“${file.fileName}”是空的（0 字节）：请确认没有选错文件；若是刚保存的文件，请在原程序中重新保存后再选择`);
  return bytes;
}

export const encodeFile = (fileName: string, bytes: Uint8Array): FilePayload => ({
  fileName,
  dataBase64: Buffer.from(bytes).toString('base64'),
});
