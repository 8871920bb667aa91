import { describe, expect, it } from 'vitest';
import { freshStore } from '../testSupport/fixtures';
import { listOperators, signIn } from './operators';
import { listRegions } from './regions';
import { initInstallation, setupStatus } from './setup';

describe('first-run setup', () => {
  it('ships Bayingolin with its nine county-level divisions', () => {
    const { db } = freshStore();
    initInstallation(db, { regionCode: '652800', role: 'prefecture' });
    const counties = listRegions(db).filter((r) => r.parentCode === '652800');
    expect(counties.map((r) => r.code)).toEqual(['652801', '652822', '652823', '652824', '652825', '652826', '652827', '652828', '652829']);
  });

  it('creates the first operator as administrator with a hashed password', () => {
    const { db, sqlite } = freshStore();
    initInstallation(db, { regionCode: '652822', role: 'county', operatorName: '张三', password: 'mima123' });
    const [operator] = listOperators(db);
    expect(operator).toMatchObject({ name: '张三', role: 'admin', hasPassword: true });
    expect(sqlite.prepare('SELECT password_hash AS h FROM operators').get()).toMatchObject({ h: expect.stringMatching(/^scrypt\$/) });
    expect(() => signIn(db, operator!.id, 'wrong')).toThrow('密码不正确，请重新输入');
    expect(signIn(db, operator!.id, 'mima123').name).toBe('张三');
  });

  it('refuses an unknown region and writes nothing', () => {
    const { db } = freshStore();
    expect(() => initInstallation(db, { regionCode: '999999', role: 'county', operatorName: '张三' })).toThrow(/999999 不存在/);
    expect(setupStatus(db)).toEqual({ installation: null, operators: [] });
  });
});
