import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api';

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: 'teal', title, message });
}

export function notifyError(error: unknown, title = '操作没有完成'): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 10_000 });
}
