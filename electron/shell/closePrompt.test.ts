import { describe, expect, it } from 'vitest';
import { closeConfirmed, closePromptOptions } from './closePrompt';

describe('the unsaved-changes prompt on closing', () => {
  it('offers 放弃修改并关闭 and 取消, with 取消 for Enter and Esc', () => {
    const options = closePromptOptions();
    expect(options.buttons).toEqual(['放弃修改并关闭', '取消']);
    expect(options.buttons[options.defaultId]).toBe('取消');
    expect(options.buttons[options.cancelId]).toBe('取消');
    expect(options.message).toContain('尚未保存的修改');
  });

  it('lets the page unload only when 放弃修改并关闭 was chosen', () => {
    const { buttons } = closePromptOptions();
    expect(closeConfirmed(buttons.indexOf('放弃修改并关闭'))).toBe(true);
    expect(closeConfirmed(buttons.indexOf('取消'))).toBe(false);
    // A dialog closed by the window manager reports the cancel button.
    expect(closeConfirmed(closePromptOptions().cancelId)).toBe(false);
  });
});
