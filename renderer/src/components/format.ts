import dayjs from 'dayjs';

/** Store timestamps are ISO UTC; staff read them in local time. */
export const formatDateTime = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

export { formatFileSize } from '../../../electron/domain/attachments';
