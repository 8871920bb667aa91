// The question main asks when the page refuses to unload (a form with unsaved changes registered
// `beforeunload`): a native dialog whose buttons and answer mapping are plain data, tested here.

export interface ClosePromptSpec {
  type: 'question';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** Enter and Esc both keep the page: losing typed work needs a deliberate click. */
  defaultId: number;
  cancelId: number;
  noLink: true;
}

const DISCARD = 0;
const KEEP = 1;

export function closePromptOptions(): ClosePromptSpec {
  return {
    type: 'question',
    title: '有未保存的修改',
    message: '当前页面有尚未保存的修改，确定要关闭吗？',
    detail: '关闭后这些修改将丢失。如需保留，请点“取消”回到页面先保存。',
    buttons: ['放弃修改并关闭', '取消'],
    defaultId: KEEP,
    cancelId: KEEP,
    noLink: true,
  };
}

/** True when the person chose to discard the changes, i.e. main should let the page unload. */
export const closeConfirmed = (response: number): boolean => response === DISCARD;
