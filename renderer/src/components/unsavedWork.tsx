// Unsaved work is never thrown away silently: a form with changes asks 保存 / 放弃 / 取消 before it is left
// (route change, reload, a dialog's Esc or close button), and keeps a draft in localStorage while it has
// changes, offered back when the form opens again after a crash or a reload.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { addLeaveGuard } from '../router';
import { formatDateTime } from './format';

type LeaveChoice = 'save' | 'discard' | 'stay';

let openPrompt: Promise<LeaveChoice> | null = null;

/** The one question before unsaved changes are left; closing the prompt (Esc, ×) means 取消. */
function askToLeave(canSave: boolean): Promise<LeaveChoice> {
  openPrompt ??= new Promise<LeaveChoice>((resolve) => {
    let answered = false;
    const answer = (choice: LeaveChoice) => {
      if (answered) return;
      answered = true;
      openPrompt = null;
      resolve(choice);
    };
    const id = modals.open({
      title: '有未保存的修改',
      closeOnClickOutside: false,
      onClose: () => answer('stay'),
      children: (
        <Stack gap="md">
          <Text size="sm">
            {canSave ? '离开前要保存这些修改吗？' : '这些修改还没有保存。'}选择“放弃”将丢失这些修改；选择“取消”回到原处继续填写。
          </Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                answer('stay');
                modals.close(id);
              }}
            >
              取消
            </Button>
            <Button
              color="red"
              variant="light"
              onClick={() => {
                answer('discard');
                modals.close(id);
              }}
            >
              放弃
            </Button>
            {canSave && (
              <Button
                data-autofocus
                onClick={() => {
                  answer('save');
                  modals.close(id);
                }}
              >
                保存
              </Button>
            )}
          </Group>
        </Stack>
      ),
    });
  });
  return openPrompt;
}

interface StoredDraft<T> {
  /** The record version the draft was typed on: a draft of an older version is not offered. */
  version: number | null;
  savedAt: string;
  value: T;
}

const storageKey = (key: string) => `jixiao.unsaved.${key}`;

function readDraft<T>(key: string, version: number | null): StoredDraft<T> | null {
  try {
    const raw = window.localStorage.getItem(storageKey(key));
    if (!raw) return null;
    const stored = JSON.parse(raw) as StoredDraft<T>;
    if (stored.version === version) return stored;
    window.localStorage.removeItem(storageKey(key));
  } catch {
    // An unreadable draft is no draft.
  }
  return null;
}

const removeDraft = (key: string) => window.localStorage.removeItem(storageKey(key));

export interface UnsavedWorkOptions<T> {
  dirty: boolean;
  /** Saves the form; resolves true when it saved. Without it the prompt offers only 放弃 and 取消. */
  save?: () => Promise<boolean>;
  /** Keeps the form's value as a draft under `key` (a record id) while it has unsaved changes. */
  draft?: { key: string; version: number | null; value: T; restore: (value: T) => void };
}

export interface UnsavedWork {
  /** Resolves true when the form may close: nothing unsaved, saved, or discarded by the user. */
  confirmLeave: () => Promise<boolean>;
  /** After a save or submit that ends the form (a dialog's submit): the draft is no longer needed. */
  settled: () => void;
  /** The offer of an earlier visit's draft, to show at the top of the form (null when there is none). */
  draftOffer: ReactNode;
}

export function useUnsavedWork<T>(options: UnsavedWorkOptions<T>): UnsavedWork {
  const latest = useRef(options);
  latest.current = options;
  const key = options.draft?.key ?? null;
  const [offered, setOffered] = useState(() => (options.draft ? readDraft<T>(options.draft.key, options.draft.version) : null));
  const offeredRef = useRef(offered);
  offeredRef.current = offered;

  const serialized = options.draft && options.dirty ? JSON.stringify(options.draft.value) : null;
  useEffect(() => {
    if (key === null) return;
    if (serialized !== null) {
      const stored: StoredDraft<T> = { version: latest.current.draft!.version, savedAt: new Date().toISOString(), value: JSON.parse(serialized) as T };
      window.localStorage.setItem(storageKey(key), JSON.stringify(stored));
    } else if (!offeredRef.current) removeDraft(key);
  }, [key, serialized]);

  const settled = () => {
    if (key !== null) removeDraft(key);
    setOffered(null);
  };

  const confirmLeave = async () => {
    const { dirty, save } = latest.current;
    if (!dirty) return true;
    const choice = await askToLeave(save !== undefined);
    if (choice === 'stay') return false;
    if (choice === 'save' && !(await save!())) return false;
    settled();
    return true;
  };
  const confirmRef = useRef(confirmLeave);
  confirmRef.current = confirmLeave;
  useEffect(() => addLeaveGuard({ dirty: () => latest.current.dirty, confirm: () => confirmRef.current() }), []);

  const draftOffer = offered && (
    <Alert color="yellow" title="有上次未保存的内容" aria-label="有上次未保存的内容">
      <Stack gap="xs">
        <Text size="sm">{formatDateTime(offered.savedAt)} 填写的内容还没有保存（页面出错、重新加载或关闭时留下的草稿）。可以恢复后继续填写，再保存。</Text>
        <Group gap="xs">
          <Button
            size="xs"
            onClick={() => {
              latest.current.draft?.restore(offered.value);
              setOffered(null);
            }}
          >
            恢复未保存的内容
          </Button>
          <Button size="xs" variant="default" onClick={settled}>
            放弃这些内容
          </Button>
        </Group>
      </Stack>
    </Alert>
  );

  return { confirmLeave, settled, draftOffer };
}
