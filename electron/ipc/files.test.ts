import { describe, expect, it } from 'vitest';
import { decodeFile, encodeFile } from './files';

describe('a file crossing the IPC boundary', () => {
  it('arrives with its bytes', () => {
    expect([...decodeFile(encodeFile('单位自评.xlsx', new Uint8Array([80, 75, 3, 4])))]).toEqual([80, 75, 3, 4]);
  });

  it('is refused when empty, naming the file and what to do', () => {
    expect(() => decodeFile(encodeFile('单位自评.xlsx', new Uint8Array()))).toThrow('文件“单位自评.xlsx”是空的（0 字节）：请确认没有选错文件；若是刚保存的文件，请在原程序中重新保存后再选择');
  });
});
