import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../audit/audit';
import { updateSettings } from '../settings/settings';
import { payload, smallPdf, smallPng } from '../testSupport/attachments';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { addAttachment, attachmentFile, listAttachments, moveAttachments, removeAttachment } from './attachments';

const owner = { kind: 'rectification.draft', id: 'notice-1' };
const record = { entity: 'rectification', naturalKey: '652822/2020/1' };
const count = (store: ReturnType<typeof countyStore>) => store.sqlite.prepare('SELECT count(*) AS n FROM attachments').get() as { n: number };

describe('attachments', () => {
  it('keeps a real PDF with its owner, its sha256 and size, and gives the same bytes back', () => {
    const { db } = countyStore();
    const pdf = smallPdf();
    const added = addAttachment(db, TEST_ACTOR, owner, payload('整改报告.pdf', pdf), record);
    expect(added).toMatchObject({ name: '整改报告.pdf', mime: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), addedBy: '测试员' });
    expect(listAttachments(db, owner).map((a) => a.name)).toEqual(['整改报告.pdf']);
    expect(listAttachments(db, { ...owner, id: 'notice-2' })).toEqual([]);
    const back = attachmentFile(db, added.id).file;
    expect(back.fileName).toBe('整改报告.pdf');
    expect(Buffer.from(back.dataBase64, 'base64').equals(pdf)).toBe(true);
    expect(listAudit(db, { entity: 'rectification', limit: 1 })[0]).toMatchObject({ action: '上传附件“整改报告.pdf”', naturalKey: '652822/2020/1' });
  });

  it('refuses a file whose content does not match its extension, an unknown type and an empty file, writing nothing', () => {
    const store = countyStore();
    const { db } = store;
    expect(() => addAttachment(db, TEST_ACTOR, owner, payload('照片.pdf', smallPng()), record)).toThrow('“照片.pdf”的内容不是 PDF 文件（扩展名为 .pdf，但文件内容不符），请确认文件未损坏或改名');
    expect(() => addAttachment(db, TEST_ACTOR, owner, payload('setup.exe', Buffer.from('MZ')), record)).toThrow(/不是可上传的附件类型，请上传 PDF、Word（.doc\/.docx）、Excel（.xlsx）、JPG 或 PNG 文件/);
    expect(() => addAttachment(db, TEST_ACTOR, owner, payload('空.png', Buffer.alloc(0)), record)).toThrow('“空.png”是空文件，请重新选择');
    expect(count(store).n).toBe(0);
    expect(addAttachment(db, TEST_ACTOR, owner, payload('现场照片.PNG', smallPng()), record).mime).toBe('image/png');
  });

  it('takes a file of exactly the size setting and refuses one byte more, naming its size and the limit', () => {
    const { db } = countyStore();
    updateSettings(db, TEST_ACTOR, [{ key: 'attachments.maxMegabytes', value: 1 }]);
    const pdf = smallPdf();
    const atLimit = Buffer.concat([pdf, Buffer.alloc(1024 * 1024 - pdf.length, 0x20)]);
    const overLimit = Buffer.concat([atLimit, Buffer.from(' ')]);
    expect(() => addAttachment(db, TEST_ACTOR, owner, payload('大文件.pdf', overLimit), record)).toThrow('“大文件.pdf”大小为 1.0 MB（1048577 字节），超过附件上限 1.0 MB（1048576 字节）：请压缩或拆分后上传');
    expect(addAttachment(db, TEST_ACTOR, owner, payload('刚好.pdf', atLimit), record).size).toBe(1024 * 1024);
  });

  it('moves a draft’s files to another owner and removes one file', () => {
    const { db } = countyStore();
    const first = addAttachment(db, TEST_ACTOR, owner, payload('a.pdf', smallPdf()), record);
    addAttachment(db, TEST_ACTOR, owner, payload('b.png', smallPng()), record);
    const round = { kind: 'rectification.feedback', id: 'round-1' };
    expect(moveAttachments(db, owner, round)).toBe(2);
    expect(listAttachments(db, owner)).toEqual([]);
    expect(removeAttachment(db, TEST_ACTOR, first.id, record)).toEqual(round);
    expect(listAttachments(db, round).map((a) => a.name)).toEqual(['b.png']);
    expect(() => attachmentFile(db, first.id)).toThrow('该附件不存在或已删除，请刷新后重试');
  });
});
