import dayjs from 'dayjs';

/** Store timestamps are ISO UTC; staff read them in local time. */
export const formatDateTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
