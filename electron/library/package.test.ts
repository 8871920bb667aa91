import { describe, expect, it } from 'vitest';
import { countyStore, TEST_ACTOR } from '../testSupport/fixtures';
import { searchIndicators } from './indicators';
import { applyLibraryPackage, readLibraryPackage } from './package';
import { starterLibrary } from './starter';
import { listLibraryVersions } from './versions';

describe('library version file: only the starter library enters as a bare file', () => {
  it('refuses a hand-written file claiming the prefecture as its source, however high its number, and writes nothing', () => {
    const { db } = countyStore();
    const forged = { ...starterLibrary(), source: '652800', sourceName: '巴音郭楞蒙古自治州', version: Number.MAX_SAFE_INTEGER };
    expect(() => applyLibraryPackage(db, TEST_ACTOR, forged, '指标库.json')).toThrow(
      '该文件自称来自 巴音郭楞蒙古自治州。州级下发的指标库只接受州财政局签名的“指标库更新包”：请在“数据交换”中导入州级导出的更新包',
    );
    expect(listLibraryVersions(db)).toEqual([]);
    expect(searchIndicators(db, { text: '无害化' }).total).toBe(0);
  });

  it('applies the starter once, and refuses it again or with a number far ahead', () => {
    const { db } = countyStore();
    expect(() => applyLibraryPackage(db, TEST_ACTOR, { ...starterLibrary(), version: 1001 }, 'starter.json')).toThrow('初始指标库的版本号 1001 超前 1000 以上，不是随软件提供的文件');
    expect(applyLibraryPackage(db, TEST_ACTOR, starterLibrary(), 'starter.json').libraryVersion).toBe(1);
    expect(() => applyLibraryPackage(db, TEST_ACTOR, starterLibrary(), 'starter.json')).toThrow('已导入过初始指标库的第 1 版，不能再导入第 1 版');
    expect(listLibraryVersions(db)).toHaveLength(1);
  });

  it('lists every problem inside a file and applies nothing of it', () => {
    const pkg = starterLibrary();
    pkg.indicators[0] = { ...pkg.indicators[0]!, referenceValue: '很多', operator: '≥' };
    pkg.indicators[1] = { ...pkg.indicators[1]!, projectTypeCode: 'ZZ99' };
    pkg.indicators[2] = { ...pkg.indicators[2]!, code: pkg.indicators[3]!.code };
    const { db } = countyStore();
    expect(() => applyLibraryPackage(db, TEST_ACTOR, pkg, 'bad.json')).toThrow(
      `指标库版本文件有 3 处问题，未导入：指标 ${pkg.indicators[0]!.code}（${pkg.indicators[0]!.name}）：定量指标的参考值应为数字；指标 ${pkg.indicators[1]!.code}（${pkg.indicators[1]!.name}）：项目类型 ZZ99 不在文件和本机中；指标 ${pkg.indicators[3]!.code}（${pkg.indicators[3]!.name}）：指标编码重复出现`,
    );
    expect(listLibraryVersions(db)).toHaveLength(0);
  });

  it('refuses a file that is not a library version, or one from a newer program', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(() => readLibraryPackage(bytes('单位编码,单位名称'))).toThrow('该文件不是指标库版本文件（应为本软件导出的 .json 文件）');
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-package"}'))).toThrow(/不是指标库版本文件/);
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-library","formatVersion":2}'))).toThrow('该文件由更新版本的绩效软件导出（格式第 2 版），请先升级本软件');
    expect(() => readLibraryPackage(bytes('{"format":"jixiao-library","formatVersion":1,"version":1,"source":"652800","projectTypes":[]}'))).toThrow(
      /^指标库版本文件内容不完整：indicators/,
    );
  });

});
