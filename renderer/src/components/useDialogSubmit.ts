// A dialog's action: its message is shown and the dialog closed on success, its refusal kept in the dialog.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api';
import { notifySuccess } from './notify';
import type { UnsavedWork } from './unsavedWork';

export function useDialogSubmit(action: () => Promise<string>, onDone: () => Promise<void>, onClose: () => void, work: UnsavedWork) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit(): Promise<boolean> {
    setSaving(true);
    setError(null);
    try {
      notifySuccess(await action());
      work.settled();
      await onDone();
      onClose();
      return true;
    } catch (failure) {
      setError(errorMessage(failure));
      setSaving(false);
      return false;
    }
  }
  return { submit, error, saving };
}

/** A form's submit event runs the dialog's action instead of reloading the page. */
export const onSubmitOf = (submit: () => Promise<boolean>) => (event: FormEvent) => {
  event.preventDefault();
  void submit();
};
