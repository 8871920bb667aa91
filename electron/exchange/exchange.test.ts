import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { closeDatabase, openDatabase, type Store } from '../../db/open';
import { listAudit } from '../audit/audit';
import { initInstallation } from '../registry/setup';
import { seedStarterLibrary, starterLibrary } from '../library/starter';
import { applyLibraryPackage } from '../library/package';
import { listLibraryVersions } from '../library/versions';
import { seedCounty, type SeedIndicator, type SeedProject, type SeedProjectTarget } from '../testSupport/county';
import { daysFromToday, freshStore, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { asFormat1, dump, membersOf, packageRecords, setPackageRecords, signedBy, type PackageRecord } from '../testSupport/forgedPackages';
import { countyTargets, targetsDecidedAbove } from '../prefecture/reviewLists';
import { openRectification } from '../rectification';
import { recordDecision } from '../prefecture/decisions';
import { REDECISION_REASON_MAX } from '../domain/prefecture';
import { listPeers, packageHistory } from './history';
import { importPackage, type ImportSummary } from './incoming';
import { ensureIdentity } from './keys';
import { exportReport, exportReply, exportReceipt } from './outgoing';
import { PackageRefusal } from './packageFile';
import { ZipWriter } from './zip';
import { createRound } from '../monitoring/rounds';

const YEAR = 2020;

const INDICATORS: readonly Required<Omit<SeedIndicator, 'accrual' | 'weight'>>[] = [
  { level1: '产出指标', level2: '数量指标', name: '受益学生人数', operator: '≥', value: '1200', unit: '人' },
  { level1: '效益指标', level2: '社会效益指标', name: '学生营养状况', operator: '定性', value: '明显改善', unit: '' },
];

/** A project of 轮台县第一中学 with its funds. */
const schoolProject = (code: string, name: string): SeedProject => ({ code, name, unitCode: '101002', funds: [{ source: '本级财政拨款', initialFen: 12_000_000 }] });

/** An approved target with two indicators, as the targets workflow leaves it. */
const approvedTarget = (project: string): SeedProjectTarget => ({ project, status: 'approved', overallGoal: '保障学生营养', indicators: [...INDICATORS] });

function county(dir = tempDir()): Store {
  const store = freshStore(path.join(dir, 'county.db'));
  initInstallation(store.db, { regionCode: '652822', role: 'county', operatorName: '张三' });
  seedCounty(store.db, {
    year: YEAR,
    units: [
      { code: '101001', name: '轮台县教育局' },
      { code: '101002', name: '轮台县第一中学', departmentCode: '101001' },
    ],
    projects: [schoolProject('P001', '义务教育营养改善计划'), schoolProject('P002', '校舍维修改造')],
    targets: [approvedTarget('P001'), approvedTarget('P002')],
  });
  return store;
}

function prefecture(dir = tempDir(), code = '652800'): Store {
  const store = freshStore(path.join(dir, 'prefecture.db'));
  initInstallation(store.db, { regionCode: code, role: 'prefecture', operatorName: '李四' });
  return store;
}

/**
 * A project with funds and a target with two indicators, written by hand where seedCounty cannot: on a
 * unit's own installation, or for a unit its county has not registered.
 */
function addProjectWithTarget(
  store: Store,
  code: string,
  name: string,
  unitCode = '101002',
  status = 'approved',
  region = '652822',
): { projectId: string; targetId: string } {
  const projectId = randomUUID();
  const targetId = randomUUID();
  const s = store.sqlite;
  s.prepare(
    `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code) VALUES (?, ?, ?, ?, ?, '101001', ?)`,
  ).run(projectId, region, YEAR, code, name, unitCode);
  s.prepare(`INSERT INTO project_funds (project_id, source, initial_fen) VALUES (?, '本级财政拨款', 12000000)`).run(projectId);
  s.prepare(
    `INSERT INTO targets (id, region_code, year, kind, owner_code, project_id, status, overall_goal) VALUES (?, ?, ?, 'project', ?, ?, ?, '保障学生营养')`,
  ).run(targetId, region, YEAR, code, projectId, status);
  const indicator = s.prepare(
    `INSERT INTO target_indicators (id, target_id, seq, level1, level2, name, operator, value, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  INDICATORS.forEach((i, index) => indicator.run(randomUUID(), targetId, index + 1, i.level1, i.level2, i.name, i.operator, i.value, i.unit));
  return { projectId, targetId };
}

const report = (store: Store, dir: string, name = `report-${randomUUID()}.zip`, full = false) =>
  exportReport(store, TEST_ACTOR, { year: YEAR, stage: 'targets', full, out: path.join(dir, name) });

const importInto = (store: Store, file: string, options: Partial<Parameters<typeof importPackage>[3]> = {}): ImportSummary =>
  importPackage(store, TEST_ACTOR, file, { dryRun: false, trust: true, ...options });

/** A county whose first report the prefecture imported, and the members and projects of its second report, to forge. */
function secondReport() {
  const dir = tempDir();
  const c = county(dir);
  const pref = prefecture(dir);
  importInto(pref, report(c, dir).file);
  const members = membersOf(report(c, dir).file);
  return { dir, c, pref, members, projects: packageRecords(members, 'project') };
}

/** Rewrites a package's members through `change`, keeping everything else byte for byte. */
function rewrite(file: string, change: (members: Map<string, Buffer>) => void): string {
  const members = membersOf(file);
  change(members);
  const out = file.replace(/\.zip$/, `-${randomUUID().slice(0, 6)}.zip`);
  const zip = new ZipWriter(out);
  for (const [name, bytes] of members) zip.add(name, bytes);
  zip.close();
  return out;
}

/** A budget unit's own installation with one submitted target of its own. */
function unitInstallation(dir: string, code = '101002', name = '轮台县第一中学'): Store {
  const store = freshStore(path.join(dir, `unit-${code}.db`));
  initInstallation(store.db, { regionCode: '652822', role: 'unit', operatorName: '王老师', unit: { code, name } });
  addProjectWithTarget(store, `U${code}`, `${name}教学设备购置`, code, 'submitted');
  return store;
}

const unitReport = (unit: Store, dir: string) =>
  exportReport(unit, TEST_ACTOR, { year: YEAR, stage: 'targets', full: false, out: path.join(dir, `unit-${randomUUID()}.zip`) });

function refusal(fn: () => unknown): PackageRefusal {
  try {
    fn();
  } catch (error) {
    if (error instanceof PackageRefusal) return error;
    throw error;
  }
  throw new Error('expected the package to be refused');
}

describe('county report → prefecture', () => {
  it('imports every record on first contact with trust, and says so per record', () => {
    const dir = tempDir();
    const file = report(county(dir), dir).file;
    const pref = prefecture(dir);
    const dry = importInto(pref, file, { dryRun: true });
    expect(dry.counts).toEqual({ created: 6, updated: 0, unchanged: 0, deleted: 0, conflict: 0 });
    expect(dry.records).toContainEqual({ entity: 'project', label: '项目', naturalKey: '652822/2020/P001', action: 'created' });
    const done = importInto(pref, file);
    expect(done.counts).toEqual(dry.counts);
    expect(pref.sqlite.prepare("SELECT count(*) AS n FROM target_indicators").get()).toEqual({ n: 4 });
    expect(pref.sqlite.prepare("SELECT name FROM units WHERE region_code = '652822' ORDER BY code").all()).toEqual([
      { name: '轮台县教育局' },
      { name: '轮台县第一中学' },
    ]);
  });

  it('reports everything unchanged when the same package is imported again, and writes nothing', () => {
    const dir = tempDir();
    const file = report(county(dir), dir).file;
    const pref = prefecture(dir);
    importInto(pref, file);
    const before = dump(pref.sqlite);
    const again = importInto(pref, file);
    expect(again.repeat).toBe(true);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 6, deleted: 0, conflict: 0 });
    expect(dump(pref.sqlite)).toBe(before);
  });

  it('answers a repeat from the first import once it recognises the file, without reading the package again', () => {
    const dir = tempDir();
    const file = report(county(dir), dir).file;
    const pref = prefecture(dir);
    const first = importInto(pref, file);
    // Were the package verified again, the changed registration would refuse it (KEY_MISMATCH).
    pref.sqlite.prepare("UPDATE exchange_peers SET public_key = 'changed' WHERE region_code = '652822'").run();
    const again = importInto(pref, file, { trust: false });
    expect(again.repeat).toBe(true);
    expect(again.packageId).toBe(first.packageId);
    expect(again.records.map((r) => [r.naturalKey, r.action])).toEqual(first.records.map((r) => [r.naturalKey, 'unchanged']));
    expect(again.counts.unchanged).toBe(first.records.length);
  });

  it('applies the import atomically: a failure half-way leaves nothing behind', () => {
    const dir = tempDir();
    const file = report(county(dir), dir).file;
    const pref = prefecture(dir);
    pref.sqlite.exec("CREATE TRIGGER fail_late BEFORE INSERT ON target_indicators WHEN NEW.seq = 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = dump(pref.sqlite);
    expect(() => importInto(pref, file)).toThrow(/disk full/);
    expect(dump(pref.sqlite)).toBe(before);
  });
});

describe('a record’s parents travel in its stage without it naming theirs', () => {
  it('brings a rectification notice exported alone to a fresh prefecture with its project and unit', () => {
    const dir = tempDir();
    const c = county(dir);
    const { id: projectId } = c.sqlite.prepare("SELECT id FROM projects WHERE code = 'P002'").get() as { id: string };
    openRectification(c.db, TEST_ACTOR, { problems: '执行进度滞后', requirements: '9 月底前完成支付', deadline: daysFromToday(30) }, () => ({
      source: 'monitoring', sourceId: randomUUID(), label: '2020年8月监控 · P002', regionCode: '652822', year: YEAR, projectId, unitCode: '101002',
      subject: '校舍维修改造', occasion: '本轮', audit: {},
    }));
    const file = exportReport(c, TEST_ACTOR, { year: YEAR, stage: 'rectification', full: true, out: path.join(dir, 'rectification.zip') }).file;
    const pref = prefecture(dir);
    const done = importInto(pref, file);
    expect(done.records.filter((r) => r.action === 'created').map((r) => `${r.entity} ${r.naturalKey}`).toSorted()).toEqual([
      'project 652822/2020/P001',
      'project 652822/2020/P002',
      'rectification 652822/2020/1',
      'unit 652822/101001',
      'unit 652822/101002',
    ]);
    expect(pref.sqlite.prepare('SELECT p.code, u.name FROM rectifications r JOIN projects p ON p.id = r.project_id JOIN units u ON u.code = r.unit_code').all()).toEqual([
      { code: 'P002', name: '轮台县第一中学' },
    ]);
    expect(pref.sqlite.prepare('SELECT count(*) AS n FROM targets').get()).toEqual({ n: 0 });
  });

  it('refuses to export a stage no workflow declares, naming those there are', () => {
    const dir = tempDir();
    expect(() => exportReport(county(dir), TEST_ACTOR, { year: YEAR, stage: 'inspection', full: true, out: path.join(dir, 'x.zip') })).toThrow(
      '数据交换阶段“inspection”不存在，可选：library、targets、monitoring、self-evaluation、evaluation、results、rectification、funds、notices、all',
    );
    expect(fs.existsSync(path.join(dir, 'x.zip'))).toBe(false);
  });
});

describe('refusals (exchange.md §2–§5): each says which check failed and writes nothing', () => {
  function setup() {
    const dir = tempDir();
    const c = county(dir);
    const file = report(c, dir).file;
    const pref = prefecture(dir);
    return { dir, c, file, pref };
  }

  function expectRefused(pref: Store, file: string, code: PackageRefusal['code'], message: RegExp, options = {}) {
    const before = dump(pref.sqlite);
    const error = refusal(() => importInto(pref, file, options));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(dump(pref.sqlite)).toBe(before);
  }

  it('a flipped byte in a member', () => {
    const { file, pref } = setup();
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf(Buffer.from('data/project.json')) + 40;
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    expectRefused(pref, file, 'DAMAGED', /损坏/);
  });

  it('a truncated file', () => {
    const { file, pref } = setup();
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 700));
    expectRefused(pref, file, 'DAMAGED', /截断/);
  });

  it('an extra member', () => {
    const { file, pref } = setup();
    expectRefused(pref, rewrite(file, (m) => m.set('data/extra.json', Buffer.from('[]'))), 'EXTRA_MEMBER', /多出了清单中没有的文件“data\/extra.json”/);
  });

  it('a missing member', () => {
    const { file, pref } = setup();
    expectRefused(pref, rewrite(file, (m) => m.delete('summary.txt')), 'MISSING_MEMBER', /缺少清单中列出的文件“summary.txt”/);
  });

  it('a changed member whose hash no longer matches the manifest', () => {
    const { file, pref } = setup();
    expectRefused(pref, rewrite(file, (m) => m.set('summary.txt', Buffer.from('篡改'))), 'HASH_MISMATCH', /校验值不符/);
  });

  it('a wrong signature', () => {
    const { file, pref } = setup();
    const tampered = rewrite(file, (m) => {
      const manifest = JSON.parse(m.get('manifest.json')!.toString());
      manifest.year = 2021;
      m.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    expectRefused(pref, tampered, 'BAD_SIGNATURE', /签名无效/);
  });

  it('a package addressed to another prefecture', () => {
    const dir = tempDir();
    const file = report(county(dir), dir).file;
    expectRefused(prefecture(dir, '652900'), file, 'WRONG_RECEIVER', /是发给 巴音郭楞蒙古自治州（652800）的/);
  });

  it('an unknown sender without trust, naming the fingerprint to confirm by phone', () => {
    const { c, file, pref } = setup();
    const { fingerprint } = ensureIdentity(c);
    expectRefused(pref, file, 'UNKNOWN_SENDER', new RegExp(`尚未登记。其公钥指纹为 ${fingerprint}`), { trust: false });
  });

  it('a sender whose key differs from the registered one', () => {
    const { file, pref } = setup();
    importInto(pref, file);
    const impostor = county();
    expectRefused(pref, report(impostor, tempDir()).file, 'KEY_MISMATCH', /公钥与登记的不一致/);
  });

  it('a member name that climbs out of the package', () => {
    const { file, pref } = setup();
    expectRefused(pref, rewrite(file, (m) => m.set('../../evil.json', Buffer.from('x'))), 'UNSAFE_NAME', /不安全的文件名/);
  });

  it('an oversize member', () => {
    const { file, pref } = setup();
    expectRefused(pref, file, 'TOO_LARGE', /过大/, { limits: { maxMembers: 64, maxMemberBytes: 200, maxTotalBytes: 1e9 } });
  });

  it('a replayed sequence number under a new package id', () => {
    const { c, file, pref } = setup();
    const first = importInto(pref, file);
    const replay = signedBy(c, new Map([['summary.txt', Buffer.from('replay')]]), { sequence: first.sequence });
    expectRefused(pref, replay, 'REPLAYED', /序号 1 已被另一个数据包使用过/);
  });

  it('a stale package older than one already applied', () => {
    const { dir, c, file, pref } = setup();
    const newer = report(c, dir).file;
    importInto(pref, newer);
    expectRefused(pref, file, 'STALE', /比已导入的 轮台县 数据包（序号 2）更旧/);
  });

  it('an unsupported major format version', () => {
    const { file, pref } = setup();
    const future = rewrite(file, (m) => {
      const manifest = JSON.parse(m.get('manifest.json')!.toString());
      manifest.formatVersion = '3.0';
      m.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
    });
    expectRefused(pref, future, 'UNSUPPORTED_VERSION', /格式版本 3.0 不受本软件支持（支持 1.x、2.x）/);
  });

  it("a county's package carrying another county's records, even when properly signed", () => {
    const { c, file, pref } = setup();
    const members = membersOf(file);
    const projects = packageRecords(members, 'project');
    projects[0]!.row.region_code = '652823';
    setPackageRecords(members, 'project', projects);
    const forged = signedBy(c, members, {});
    expectRefused(pref, forged, 'BAD_DATA', /不属于 652822 的项目/);
  });
});

describe('the package layout: format 2 by columns, and format 1 still read', () => {
  /**
   * Every row of every table but each installation's own (its id, its operator), the package log and audit
   * trail, the moment a peer was trusted, and which package (and sequence) brought the rows.
   */
  const written = (store: Store) =>
    JSON.stringify(JSON.parse(dump(store.sqlite)).filter(([name]: [string]) => !['exchange_packages', 'audit_log', 'installation', 'operators'].includes(name)), (key, value) =>
      ['trusted_at', 'recorded_at', 'package_id', 'last_sequence'].includes(key) ? undefined : value,
    );

  type Member = { columns: string[]; children: { table: string; columns: string[] }[]; records: [string, number, boolean, string, unknown[], unknown[][][]][] };
  const member = (members: Map<string, Buffer>, name: string) => JSON.parse(members.get(`data/${name}.json`)!.toString()) as Member;
  const setMember = (members: Map<string, Buffer>, name: string, value: Member) => members.set(`data/${name}.json`, Buffer.from(JSON.stringify(value)));

  function setup() {
    const dir = tempDir();
    const c = county(dir);
    return { c, file: report(c, dir, undefined, true).file };
  }

  it('names each kind’s columns once and carries every record and child row as an array of values', () => {
    const { file } = setup();
    const members = membersOf(file);
    expect(JSON.parse(members.get('manifest.json')!.toString()).formatVersion).toBe('2.0');
    const targets = member(members, 'target');
    expect(targets.columns).toContain('overall_goal');
    const indicators = targets.children.find((c) => c.table === 'target_indicators')!;
    const [id, version, deleted, , values, children] = targets.records[0]!;
    expect([typeof id, version, deleted, values.length]).toEqual(['string', 1, false, targets.columns.length]);
    const rows = children[targets.children.indexOf(indicators)]!;
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row[indicators.columns.indexOf('name')])).toEqual(expect.arrayContaining(['受益学生人数', '学生营养状况']));
    expect(rows[0]![indicators.columns.indexOf('target_id')]).toBe(id);
  });

  it('imports a package an earlier version wrote (format 1.0, records as objects) exactly as the same package by columns', () => {
    const { c, file } = setup();
    const byColumns = prefecture(tempDir());
    const asObjects = prefecture(tempDir());
    const first = importInto(byColumns, file);
    const old = asFormat1(file, c);
    expect(JSON.parse(membersOf(old).get('manifest.json')!.toString()).formatVersion).toBe('1.0');
    expect(Array.isArray(JSON.parse(membersOf(old).get('data/target.json')!.toString()))).toBe(true);
    const second = importInto(asObjects, old);
    expect(second.counts).toEqual(first.counts);
    expect(second.records).toEqual(first.records);
    expect(written(asObjects)).toBe(written(byColumns));
    expect(asObjects.sqlite.prepare('SELECT count(*) AS n FROM target_indicators').get()).toEqual({ n: 4 });
  });

  it('takes columns in another order than its own, as a version that orders them differently writes them', () => {
    const { c, file } = setup();
    const members = membersOf(file);
    const targets = member(members, 'target');
    const reversed = (columns: string[]) => [...columns].reverse();
    setMember(members, 'target', {
      columns: reversed(targets.columns),
      children: targets.children.map((child) => ({ ...child, columns: reversed(child.columns) })),
      records: targets.records.map(([id, version, deleted, updatedAt, values, children]) => [id, version, deleted, updatedAt, [...values].reverse(), children.map((rows) => rows.map((row) => [...row].reverse()))]),
    });
    const inOrder = prefecture(tempDir());
    const reordered = prefecture(tempDir());
    importInto(inOrder, file);
    importInto(reordered, signedBy(c, members, {}));
    expect(written(reordered)).toBe(written(inOrder));
  });

  it('refuses a broken row by columns, naming its kind and record or row, in the dry run already, writing nothing', () => {
    const { c, file } = setup();
    const pref = prefecture(tempDir());
    const forged = (change: (targets: Member) => void) => {
      const members = membersOf(file);
      const targets = member(members, 'target');
      change(targets);
      setMember(members, 'target', targets);
      return signedBy(c, members, {});
    };
    const indicators = (targets: Member) => targets.children.findIndex((child) => child.table === 'target_indicators');
    const at = (targets: Member, column: string) => targets.children[indicators(targets)]!.columns.indexOf(column);
    const cases: [string, RegExp][] = [
      [forged((t) => void (t.records[0]![5][indicators(t)]![1]![at(t, 'operator')] = '≈')), /^数据包内绩效目标（652822\/2020\/project\/P00\d）的明细字段“operator”的值不合规（"≈"）/],
      [forged((t) => void t.records[1]![5][indicators(t)]![0]!.pop()), /^数据包内“data\/target.json”格式不正确（第 2 条记录的明细“target_indicators”第 1 行：应为 \d+ 个值）$/],
      [forged((t) => void t.records[0]![4].push('多余')), /格式不正确（第 1 条记录的 row：应为 \d+ 个值）/],
      [forged((t) => void (t.records[0]![1] = 0)), /格式不正确（第 1 条记录的 version：应为正整数）/],
      [forged((t) => void (t.columns[t.columns.indexOf('overall_goal')] = 'goal')), /^数据包内“绩效目标”的字段与本软件不一致，请双方使用相同版本的软件$/],
      [forged((t) => void t.children[indicators(t)]!.columns.push('extra')), /^数据包内“绩效目标”的明细字段与本软件不一致/],
    ];
    const before = dump(pref.sqlite);
    for (const [forgery, message] of cases) {
      for (const dryRun of [true, false]) {
        const error = refusal(() => importInto(pref, forgery, { dryRun }));
        expect(error.code).toBe('BAD_DATA');
        expect(error.message).toMatch(message);
      }
    }
    expect(dump(pref.sqlite)).toBe(before);
    expect(importInto(pref, file).counts.created).toBeGreaterThan(0);
  });

  it('refuses a broken row of a format-1 package as it did, naming its kind and record, writing nothing', () => {
    const { c, file } = setup();
    const pref = prefecture(tempDir());
    const members = membersOf(file);
    const targets = packageRecords(members, 'target');
    targets[0]!.children.target_indicators![0]!.operator = '≈';
    setPackageRecords(members, 'target', targets);
    const old = asFormat1(signedBy(c, members, {}), c);
    const before = dump(pref.sqlite);
    const error = refusal(() => importInto(pref, old));
    expect(error.message).toMatch(/^数据包内绩效目标（652822\/2020\/project\/P00\d）的明细字段“operator”的值不合规（"≈"）/);
    expect(dump(pref.sqlite)).toBe(before);
  });
});

describe('receipts and incremental exports (exchange.md §7)', () => {
  /** A county's first report imported at the prefecture, and the prefecture's receipt for it (not yet back). */
  function reportedWithReceipt() {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    const first = report(c, dir);
    const imported = importInto(pref, first.file);
    const receipt = exportReceipt(pref, TEST_ACTOR, imported.packageId, path.join(dir, 'receipt.zip'));
    return { dir, c, pref, first, receipt };
  }

  it('after a receipt, the next incremental export carries only what changed', () => {
    const { dir, c, pref, first, receipt } = reportedWithReceipt();
    const applied = importInto(c, receipt.file);
    expect(applied.acknowledged).toBe(first.total);

    expect(report(c, dir).total).toBe(0);
    c.sqlite.prepare("UPDATE projects SET name = '义务教育营养改善计划（调整）', version = version + 1 WHERE code = 'P001'").run();
    const next = report(c, dir);
    expect(next.counts).toMatchObject({ project: 1, unit: 0, target: 0 });
    expect(importInto(pref, next.file).counts).toEqual({ created: 0, updated: 1, unchanged: 0, deleted: 0, conflict: 0 });
  });

  it('accepts a receipt that arrives after a newer reply from the same prefecture', () => {
    const { dir, c, pref, first, receipt } = reportedWithReceipt();
    const reply = exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'targets', full: false, out: path.join(dir, 'reply.zip') });
    expect(reply.sequence).toBeGreaterThan(receipt.sequence);
    importInto(c, reply.file);
    expect(importInto(c, receipt.file).acknowledged).toBe(first.total);
    expect(report(c, dir).total).toBe(0);
  });

  it('without a receipt, resends everything not yet acknowledged', () => {
    const dir = tempDir();
    const c = county(dir);
    const first = report(c, dir);
    expect(report(c, dir).total).toBe(first.total);
  });

  it('a full export always carries everything', () => {
    const { dir, c, receipt } = reportedWithReceipt();
    importInto(c, receipt.file);
    expect(report(c, dir, 'full.zip', true).total).toBe(6);
  });
});

describe('conflicts (exchange.md §8)', () => {
  it('surfaces a record changed on both sides as a conflict and keeps the local version', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    pref.sqlite.prepare("UPDATE projects SET person_in_charge = '州里改的', version = version + 1 WHERE code = 'P001'").run();
    c.sqlite.prepare("UPDATE projects SET person_in_charge = '县里改的', version = version + 1 WHERE code = 'P001'").run();
    const summary = importInto(pref, report(c, dir).file);
    expect(summary.counts.conflict).toBe(1);
    expect(summary.records.find((r) => r.action === 'conflict')).toMatchObject({ naturalKey: '652822/2020/P001', reason: expect.stringMatching(/未覆盖/) });
    expect(pref.sqlite.prepare("SELECT person_in_charge AS p FROM projects WHERE code = 'P001'").get()).toEqual({ p: '州里改的' });
  });
});

describe('prefecture reply: review decisions travel back until a receipt acknowledges them', () => {
  const OPINION = '数量指标偏低，请调整';
  const RETURNED = { status: 'returned', opinion: `州级审核：${OPINION}` };

  /** The county's report imported at the prefecture, which returns target P002 with an opinion (not yet sent). */
  function reportedAndReturned() {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    const sent = report(c, dir);
    const imported = importInto(pref, sent.file);
    const target = pref.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'P002'").get() as { id: string };
    recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'return', opinion: OPINION });
    return { dir, c, pref, sent, imported };
  }

  const replyTo = (pref: Store, dir: string, full = false) =>
    exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'targets', full, out: path.join(dir, `reply-${randomUUID()}.zip`) });
  const receiptFor = (store: Store, dir: string, packageId: string) => exportReceipt(store, TEST_ACTOR, packageId, path.join(dir, `receipt-${randomUUID()}.zip`));
  const targetP002 = (c: Store) => c.sqlite.prepare("SELECT status, review_opinion AS opinion FROM targets WHERE owner_code = 'P002'").get();

  it('returns a target with an opinion and the county sees it 被退回 with that opinion', () => {
    const { dir, c, pref } = reportedAndReturned();
    const reply = replyTo(pref, dir);
    expect(reply.counts.decisions).toBe(1);
    expect(importInto(c, reply.file).decisions).toBe(1);
    expect(packageHistory(c, 'in')[0]!.counts).toMatchObject({ decisions: 1 });
    expect(targetP002(c)).toEqual(RETURNED);
  });

  it('applies a reply exported before a receipt when the county imports the receipt first', () => {
    const { dir, c, pref, sent, imported } = reportedAndReturned();
    const reply = replyTo(pref, dir);
    const receipt = receiptFor(pref, dir, imported.packageId);
    expect(reply.sequence).toBeLessThan(receipt.sequence);

    expect(importInto(c, receipt.file).acknowledged).toBe(sent.total);
    const applied = importInto(c, reply.file);
    expect(applied.decisions).toBe(1);
    expect(applied.records).toContainEqual({ entity: 'decision', label: '审核意见', naturalKey: '652822/2020/project/P002', action: 'updated' });
    expect(targetP002(c)).toEqual(RETURNED);
  });

  it('applies the reply and then the receipt in the other order, and a resent decision is unchanged, not applied again', () => {
    const { dir, c, pref, sent, imported } = reportedAndReturned();
    const reply = replyTo(pref, dir);
    const receipt = receiptFor(pref, dir, imported.packageId);
    expect(importInto(c, reply.file).decisions).toBe(1);
    expect(importInto(c, receipt.file).acknowledged).toBe(sent.total);
    expect(targetP002(c)).toEqual(RETURNED);

    // The county reworks and resubmits the target before its receipt for the reply reaches the prefecture.
    c.sqlite.prepare("UPDATE targets SET status = 'submitted', overall_goal = '调整后的目标', version = version + 1 WHERE owner_code = 'P002'").run();
    const resent = replyTo(pref, dir);
    expect(resent.counts.decisions).toBe(1);
    const again = importInto(c, resent.file);
    expect(again.decisions).toBe(0);
    expect(again.counts).toMatchObject({ unchanged: 1, conflict: 0 });
    expect(again.records).toContainEqual({ entity: 'decision', label: '审核意见', naturalKey: '652822/2020/project/P002', action: 'unchanged' });
    expect(c.sqlite.prepare("SELECT status, overall_goal AS goal FROM targets WHERE owner_code = 'P002'").get()).toEqual({ status: 'submitted', goal: '调整后的目标' });
  });

  it('carries an unacknowledged decision in a full reply after the first reply was lost', () => {
    const { dir, c, pref } = reportedAndReturned();
    fs.rmSync(replyTo(pref, dir).file);
    const full = replyTo(pref, dir, true);
    expect(full.counts.decisions).toBe(1);
    expect(importInto(c, full.file).decisions).toBe(1);
    expect(targetP002(c)).toEqual(RETURNED);
  });

  it("stops carrying a decision once the county's receipt for the reply that carried it comes back", () => {
    const { dir, c, pref } = reportedAndReturned();
    const reply = replyTo(pref, dir);
    const imported = importInto(c, reply.file);
    expect(replyTo(pref, dir).counts.decisions).toBe(1);

    expect(importInto(pref, receiptFor(c, dir, imported.packageId).file).acknowledged).toBe(1);
    expect(replyTo(pref, dir).counts.decisions).toBe(0);
    expect(replyTo(pref, dir, true).counts.decisions).toBe(0);
  });

  it('carries only the latest decision on a record, and applies it after an earlier one', () => {
    const { dir, c, pref } = reportedAndReturned();
    const target = pref.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'P002'").get() as { id: string };
    // Not yet sent: a second decision simply replaces the first.
    recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'return', opinion: OPINION });
    importInto(c, replyTo(pref, dir).file);
    recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '', reason: '县里补充了测算依据' });
    const next = replyTo(pref, dir);
    expect(next.counts.decisions).toBe(1);
    expect(JSON.parse(membersOf(next.file).get('decisions.json')!.toString())).toMatchObject([{ action: 'approve' }]);
    const applied = importInto(c, next.file);
    expect(applied.decisions).toBe(1);
    expect(applied.records).toEqual([{ entity: 'decision', label: '审核意见', naturalKey: '652822/2020/project/P002', action: 'updated' }]);
  });

  it('takes a new decision on a version already decided and sent down only as a 改判 with its reason, which the county reads and the log keeps', () => {
    const { dir, c, pref } = reportedAndReturned();
    const target = pref.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'P002'").get() as { id: string };
    expect(() => recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '', reason: '县里补充了测算依据' })).toThrow(
      '绩效目标（652822/2020/project/P002）还没有发给下级的审核结论，不是改判：请不要填写改判理由',
    );
    importInto(c, replyTo(pref, dir).file);
    const before = dump(pref.sqlite);
    for (const reason of [undefined, '  ']) {
      expect(() => recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '同意', ...(reason === undefined ? {} : { reason }) })).toThrow(
        '绩效目标（652822/2020/project/P002）：对这一版本的审核结论已随回复发给下级，再次审核即为改判：请填写改判理由，下级会看到它',
      );
    }
    expect(() => recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '同意', reason: '依'.repeat(REDECISION_REASON_MAX + 1) })).toThrow(
      `绩效目标（652822/2020/project/P002）：改判理由最多 ${REDECISION_REASON_MAX} 个字，现在有 ${REDECISION_REASON_MAX + 1} 个字，请精简后再改判`,
    );
    expect(dump(pref.sqlite)).toBe(before);

    recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '同意', reason: '县里补充了测算依据' });
    expect(listAudit(pref.db, { entity: 'target', limit: 1 })[0]).toMatchObject({ action: '改判：州级审核通过（待发送）', opinion: '【改判】理由：县里补充了测算依据；审核意见：同意' });
    importInto(c, replyTo(pref, dir).file);
    // The county's 州级审核结果 shows the prefecture's latest decision, the 改判 and its reason with it.
    expect(targetsDecidedAbove(c, YEAR).find((t) => t.ownerCode === 'P002')?.aboveDecision).toMatchObject({ action: 'approve', opinion: '【改判】理由：县里补充了测算依据；审核意见：同意' });
  });

  it('still refuses a reply older than one already imported, whatever order the receipts came in', () => {
    const { dir, c, pref, imported } = reportedAndReturned();
    const older = replyTo(pref, dir);
    const newer = replyTo(pref, dir);
    importInto(c, receiptFor(pref, dir, imported.packageId).file);
    expect(importInto(c, newer.file).decisions).toBe(1);
    expect(targetP002(c)).toEqual(RETURNED);

    const before = dump(c.sqlite);
    const error = refusal(() => importInto(c, older.file));
    expect(error.code).toBe('STALE');
    expect(error.message).toMatch(new RegExp(`序号 ${older.sequence}）比已导入的 巴音郭楞蒙古自治州 数据包（序号 ${newer.sequence}）更旧`));
    expect(dump(c.sqlite)).toBe(before);
  });

  it("refuses review decisions inside a county's report, even when properly signed", () => {
    const { dir, c, pref } = reportedAndReturned();
    const decisions = membersOf(replyTo(pref, dir).file).get('decisions.json')!;
    const forged = signedBy(c, new Map([['decisions.json', decisions]]), {});
    const before = dump(pref.sqlite);
    const error = refusal(() => importInto(pref, forged));
    expect(error.code).toBe('BAD_DATA');
    expect(error.message).toMatch(/上报包不能包含审核意见/);
    expect(dump(pref.sqlite)).toBe(before);
  });
});

describe('crash during import', () => {
  it('a process killed mid-import leaves the database as before, and a re-import succeeds', async () => {
    const dir = tempDir();
    const c = county(dir);
    const insert = c.sqlite.prepare(`INSERT INTO units (id, region_code, code, name) VALUES (?, '652822', ?, ?)`);
    c.sqlite.transaction(() => {
      for (let i = 0; i < 30_000; i++) insert.run(randomUUID(), `9${String(i).padStart(6, '0')}`, `测试单位${i}`);
    })();
    const file = report(c, dir).file;
    const prefPath = path.join(dir, 'crash-prefecture.db');
    const pref = openDatabase(prefPath);
    initInstallation(pref.db, { regionCode: '652800', role: 'prefecture' });
    const before = dump(pref.sqlite);
    closeDatabase(pref);

    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('electron/testSupport/importChild.ts'), prefPath, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (output.includes('progress')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`child finished before it could be killed:\n${output}`)));
    });
    await new Promise((resolve) => child.once('close', resolve));

    const reopened = openDatabase(prefPath);
    try {
      expect(dump(reopened.sqlite)).toBe(before);
      const summary = importInto(reopened, file);
      expect(summary.counts.created).toBe(30_006);
    } finally {
      closeDatabase(reopened);
    }
  }, 120_000);
});

describe('library updates (prefecture → county)', () => {
  it('applies the prefecture library onto the county copy of the starter library and opens a library version', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    seedStarterLibrary(c.db, TEST_ACTOR);
    seedStarterLibrary(pref.db, TEST_ACTOR);
    importInto(pref, report(c, dir).file);
    const libraryReply = (name: string) =>
      exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'library', full: false, out: path.join(dir, name) }).file;
    // First contact: both sides hold the same starter library, so nothing changes and nothing conflicts.
    const first = importInto(c, libraryReply('library-1.zip'));
    expect(first).toMatchObject({ kind: 'library-update', counts: { unchanged: 210, conflict: 0 } });

    // The prefecture's choice of accrual kind travels with the indicator, like its reference value.
    pref.sqlite.prepare("UPDATE library_indicators SET reference_value = '95', accrual = 'level', version = version + 1 WHERE code = 'JY01-001'").run();
    const applied = importInto(c, libraryReply('library-2.zip'));
    expect(applied.counts).toMatchObject({ updated: 1, conflict: 0 });
    expect(c.sqlite.prepare("SELECT reference_value AS v, accrual FROM library_indicators WHERE code = 'JY01-001'").get()).toEqual({ v: '95', accrual: 'level' });
    const [latest] = listLibraryVersions(c.db);
    expect(latest).toMatchObject({ source: '652800', note: expect.stringMatching(/巴音郭楞蒙古自治州下发的指标库更新/) });
    expect(c.sqlite.prepare("SELECT library_version AS v FROM library_indicators WHERE code = 'JY01-001'").get()).toEqual({ v: latest!.version });
  });
});

describe('a budget unit reporting to its county (role unit)', () => {
  it('sends only its own records, and the county reviews them and answers with a final decision', () => {
    const dir = tempDir();
    const c = county(dir);
    const unit = unitInstallation(dir);
    const sent = unitReport(unit, dir);
    expect(sent.counts).toMatchObject({ project: 1, target: 1 });
    expect(sent.counts).not.toHaveProperty('unit');

    const imported = importInto(c, sent.file);
    expect(imported).toMatchObject({ kind: 'unit-report', sender: { id: '652822/101002' } });
    expect(imported.counts).toMatchObject({ created: 2, conflict: 0 });
    const target = c.sqlite.prepare("SELECT id, status FROM targets WHERE owner_code = 'U101002'").get() as { id: string; status: string };
    expect(target.status).toBe('submitted');

    recordDecision(c, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '' });
    const reply = exportReply(c, TEST_ACTOR, { unit: '101002', year: YEAR, stage: 'targets', full: false, out: path.join(dir, 'county-reply.zip') });
    expect(reply.kind).toBe('county-reply');
    expect(importInto(unit, reply.file).decisions).toBe(1);
    expect(unit.sqlite.prepare("SELECT status FROM targets WHERE owner_code = 'U101002'").get()).toEqual({ status: 'approved' });
  });

  it("resends the county's return to a unit until the unit's receipt acknowledges it", () => {
    const dir = tempDir();
    const c = county(dir);
    const unit = unitInstallation(dir);
    importInto(c, unitReport(unit, dir).file);
    const target = c.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'U101002'").get() as { id: string };
    recordDecision(c, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'return', opinion: '请补充满意度指标' });
    const replyToUnit = (full = false) =>
      exportReply(c, TEST_ACTOR, { unit: '101002', year: YEAR, stage: 'targets', full, out: path.join(dir, `county-reply-${randomUUID()}.zip`) });

    fs.rmSync(replyToUnit().file);
    const resent = replyToUnit();
    expect(resent.counts.decisions).toBe(1);
    const imported = importInto(unit, resent.file);
    expect(imported.decisions).toBe(1);
    expect(unit.sqlite.prepare("SELECT status, review_opinion AS opinion FROM targets WHERE owner_code = 'U101002'").get()).toEqual({
      status: 'returned',
      opinion: '县级审核：请补充满意度指标',
    });
    expect(replyToUnit(true).counts.decisions).toBe(1);

    importInto(c, exportReceipt(unit, TEST_ACTOR, imported.packageId, path.join(dir, 'unit-receipt.zip')).file);
    expect(replyToUnit().counts.decisions).toBe(0);
  });

  it('keeps two units of one county apart as separate senders', () => {
    const dir = tempDir();
    const c = county(dir);
    seedCounty(c.db, { units: [{ code: '101003', name: '轮台县第二中学', departmentCode: '101001' }] });
    importInto(c, unitReport(unitInstallation(dir, '101002', '轮台县第一中学'), dir).file);
    importInto(c, unitReport(unitInstallation(dir, '101003', '轮台县第二中学'), dir).file);
    const peers = c.sqlite.prepare('SELECT region_code AS id FROM exchange_peers ORDER BY region_code').all();
    expect(peers).toEqual([{ id: '652822/101002' }, { id: '652822/101003' }]);
  });

  it('names each party of the history and each peer: a unit as the county registers it, a region by its name', () => {
    const dir = tempDir();
    const c = county(dir);
    importInto(c, unitReport(unitInstallation(dir), dir).file);
    // Renamed in the county's register after the package came: the names are the register's, not the package's.
    c.sqlite.prepare("UPDATE units SET name = '轮台县第一中学（更名）' WHERE code = '101002'").run();
    expect(packageHistory(c, 'in')[0]).toMatchObject({ sender: '652822/101002', senderName: '轮台县第一中学（更名）', receiver: '652822', receiverName: '轮台县' });
    expect(listPeers(c)).toEqual([expect.objectContaining({ regionCode: '652822/101002', name: '轮台县第一中学（更名）' })]);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    expect(packageHistory(pref, 'in')[0]).toMatchObject({ senderName: '轮台县', receiverName: '巴音郭楞蒙古自治州' });
    expect(listPeers(pref).map((p) => p.name)).toEqual(['轮台县']);
  });

  it("refuses a unit's package that carries another unit's project, in the dry run already, writing nothing", () => {
    const dir = tempDir();
    const c = county(dir);
    const unit = unitInstallation(dir);
    const members = membersOf(unitReport(unit, dir).file);
    const projects = packageRecords(members, 'project');
    projects[0]!.row.unit_code = '101001';
    setPackageRecords(members, 'project', projects);
    const forged = signedBy(unit, members, {
      kind: 'unit-report',
      sender: { region: '652822', unit: '101002', name: '轮台县第一中学', role: 'unit' },
      receiver: { region: '652822', name: '轮台县' },
      full: false,
      sequence: 7,
    });
    const before = dump(c.sqlite);
    for (const dryRun of [true, false]) {
      const error = refusal(() => importInto(c, forged, { dryRun }));
      expect(error.code).toBe('BAD_DATA');
      expect(error.message).toMatch(/1 条不属于本单位（101002）的项目/);
      expect(dump(c.sqlite)).toBe(before);
    }
  });

  it('refuses a report from a unit the county has not registered, asking to register it first, writing nothing', () => {
    const dir = tempDir();
    const c = county(dir);
    const file = unitReport(unitInstallation(dir, '109999', '轮台县未登记学校'), dir).file;
    const before = dump(c.sqlite);
    for (const dryRun of [true, false]) {
      const error = refusal(() => importInto(c, file, { dryRun }));
      expect(error.code).toBe('BAD_DATA');
      expect(error.message).toBe(
        '单位上报包的发送方 轮台县未登记学校（单位编码 109999）不是本县已登记的预算单位，已拒绝；请先在“单位与项目 → 预算单位”中登记该单位，再导入',
      );
    }
    expect(dump(c.sqlite)).toBe(before);

    seedCounty(c.db, { units: [{ code: '109999', name: '轮台县未登记学校', departmentCode: '101001' }] });
    expect(importInto(c, file).counts).toMatchObject({ created: 2, conflict: 0 });
  });

  it('does not take a county reply meant for another unit', () => {
    const dir = tempDir();
    const c = county(dir);
    seedCounty(c.db, { units: [{ code: '101003', name: '轮台县第二中学', departmentCode: '101001' }] });
    importInto(c, unitReport(unitInstallation(dir, '101002'), dir).file);
    importInto(c, unitReport(unitInstallation(dir, '101003', '轮台县第二中学'), dir).file);
    const reply = exportReply(c, TEST_ACTOR, { unit: '101003', year: YEAR, stage: 'targets', full: false, out: path.join(dir, 'reply-3.zip') });
    const other = freshStore(path.join(dir, 'unit-101002.db'));
    const error = refusal(() => importInto(other, reply.file));
    expect(error.code).toBe('WRONG_RECEIVER');
  });
});

describe('authority and scope (exchange.md §10–§12): packages forged from real exports, re-signed with the sender’s own key', () => {
  const UNIT_SENDER = { region: '652822', unit: '101002', name: '轮台县第一中学', role: 'unit' as const };
  const TO_COUNTY = { region: '652822', name: '轮台县' };

  /** A data member of a package, parsed. */

  /** The same database twice: one receives the genuine package, the other the forged one. */
  function twin(store: Store): Store {
    const file = path.join(tempDir(), 'twin.db');
    store.sqlite.exec(`VACUUM INTO '${file}'`);
    return freshStore(file);
  }

  /**
   * Every row of every table but the package log and audit trail, which name each package by its own id,
   * the package each received record names (package_id), and the moment a peer was trusted.
   */
  const recordsOnly = (sqlite: Database.Database) =>
    JSON.stringify(JSON.parse(dump(sqlite)).filter(([name]: [string]) => !['exchange_packages', 'audit_log'].includes(name)), (key, value) =>
      key === 'trusted_at' || key === 'package_id' || key === 'recorded_at' ? undefined : value,
    );

  function expectRefusedUnchanged(store: Store, file: string, message: RegExp) {
    const before = dump(store.sqlite);
    for (const dryRun of [true, false]) {
      const error = refusal(() => importInto(store, file, { dryRun }));
      expect(error.message).toMatch(message);
    }
    expect(dump(store.sqlite)).toBe(before);
  }

  it("refuses a county report whose decisions would return the prefecture's approved targets", () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    const approved = pref.sqlite.prepare("SELECT id, version FROM targets WHERE status = 'approved'").all() as { id: string; version: number }[];
    expect(approved).toHaveLength(2);
    const decisions = approved.map((t) => ({
      id: randomUUID(), peer: '652822', entity: 'target', recordId: t.id, naturalKey: 'x', recordVersion: t.version,
      action: 'return', opinion: '县里自己退回', decidedAt: '2020-06-01T00:00:00.000Z', decidedBy: '李四', packageId: null,
    }));
    const forged = signedBy(c, new Map([['decisions.json', Buffer.from(JSON.stringify(decisions))]]), { sequence: 2 });
    expectRefusedUnchanged(pref, forged, /上报包不能包含审核意见/);
    expect(pref.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE '州级退回%'").get()).toEqual({ n: 0 });
  });

  it("keeps a unit's self-approved target 已送审 for the county's review, without the unit's grade, opinion or a 主管部门's decision", () => {
    const dir = tempDir();
    const unit = unitInstallation(dir);
    const genuine = unitReport(unit, dir).file;
    const members = membersOf(genuine);
    const targets = packageRecords(members, 'target');
    Object.assign(targets[0]!.row, { status: 'approved', review_grade: '优', review_opinion: '单位自评通过', decided_at: '2020-03-01T00:00:00.000Z' });
    Object.assign(targets[0]!.row, { review_step: 'bureau', department_decision: 'approve', department_opinion: '主管部门同意', department_decided_at: '2020-02-01T00:00:00.000Z', department_decided_by: '冒名' });
    setPackageRecords(members, 'target', targets);
    const forged = signedBy(unit, members, { kind: 'unit-report', sender: UNIT_SENDER, receiver: TO_COUNTY, sequence: 1 });

    const c = county(dir);
    const control = twin(c);
    importInto(control, genuine);
    const summary = importInto(c, forged);
    expect(c.sqlite.prepare("SELECT status, review_grade AS grade, review_opinion AS opinion, decided_at AS decidedAt FROM targets WHERE owner_code = 'U101002'").get()).toEqual({
      status: 'submitted',
      grade: null,
      opinion: null,
      decidedAt: null,
    });
    expect(c.sqlite.prepare("SELECT review_step, department_decision, department_opinion, department_decided_at, department_decided_by FROM targets WHERE owner_code = 'U101002'").get()).toEqual({
      review_step: null,
      department_decision: null,
      department_opinion: null,
      department_decided_at: null,
      department_decided_by: null,
    });
    expect(summary.records).toContainEqual(
      expect.objectContaining({
        entity: 'target',
        action: 'created',
        senderState: {
          status: 'approved', review_grade: '优', review_opinion: '单位自评通过', decided_at: '2020-03-01T00:00:00.000Z',
          review_step: 'bureau', department_decision: 'approve', department_opinion: '主管部门同意', department_decided_at: '2020-02-01T00:00:00.000Z', department_decided_by: '冒名',
        },
      }),
    );
    expect(recordsOnly(c.sqlite)).toBe(recordsOnly(control.sqlite));
  });

  it("keeps a county's approval at the prefecture as the county's own, while the prefecture's review still waits", () => {
    const dir = tempDir();
    const pref = prefecture(dir);
    importInto(pref, report(county(dir), dir).file);
    const listed = countyTargets(pref, '652822', YEAR);
    expect(listed.map((t) => [t.status, t.decision])).toEqual([
      ['approved', null],
      ['approved', null],
    ]);
  });

  it("still shows the county's own approval when a unit reports back the target the county approved", () => {
    const dir = tempDir();
    const c = county(dir);
    const unit = unitInstallation(dir);
    importInto(c, unitReport(unit, dir).file);
    const target = c.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'U101002'").get() as { id: string };
    recordDecision(c, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'approve', opinion: '同意' });
    importInto(unit, exportReply(c, TEST_ACTOR, { unit: '101002', year: YEAR, stage: 'targets', full: false, out: path.join(dir, 'reply.zip') }).file);
    importInto(c, unitReport(unit, dir).file);
    expect(c.sqlite.prepare('SELECT status, review_opinion AS opinion FROM targets WHERE id = ?').get(target.id)).toEqual({ status: 'approved', opinion: '县级审核：同意' });
  });

  it('refuses a unit report whose sender names no unit, though it would create another unit’s approved target and a unit', () => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(unitReport(unitInstallation(dir), dir).file);
    const targets = packageRecords(members, 'target');
    Object.assign(targets[0]!.row, { status: 'approved', owner_code: 'P009' });
    setPackageRecords(members, 'target', targets);
    setPackageRecords(members, 'unit', [
      { id: randomUUID(), naturalKey: '652822/109999', version: 1, deleted: false, updatedAt: '2020-01-01T00:00:00.000Z', row: { region_code: '652822', code: '109999', name: '冒名单位', department_code: null, is_department: 0, active: 1 }, children: {} } as unknown as PackageRecord,
    ]);
    for (const sender of [{ region: '652822', name: '轮台县第一中学', role: 'unit' as const }, { region: '652822', name: '轮台县', role: 'county' as const }]) {
      const forged = signedBy(unitInstallation(tempDir()), new Map(members), { kind: 'unit-report', sender, receiver: TO_COUNTY, sequence: 1 });
      expectRefusedUnchanged(c, forged, /单位上报包的发送方 .*不能向本机（轮台县）发送这类数据包/);
    }
  });

  it("refuses a county report that claims the prefecture's code or comes from another prefecture's county", () => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(report(c, dir).file);
    const pref = prefecture(dir);
    for (const sender of [
      { region: '652800', name: '巴音郭楞蒙古自治州', role: 'county' as const },
      { region: '652800', name: '巴音郭楞蒙古自治州', role: 'prefecture' as const },
      { region: '652901', name: '阿克苏市', role: 'county' as const },
    ]) {
      expectRefusedUnchanged(pref, signedBy(c, new Map(members), { sender }), /县级上报包的发送方 .*不能向本机（巴音郭楞蒙古自治州）发送这类数据包/);
    }
  });

  it("refuses a county's package that would move another county's indicator row under its own target", () => {
    const dir = tempDir();
    const pref = prefecture(dir);
    importInto(pref, report(county(dir), dir).file);
    const victim = pref.sqlite.prepare("SELECT id FROM target_indicators WHERE seq = 1 LIMIT 1").get() as { id: string };

    const neighbour = freshStore(path.join(tempDir(), 'yuli.db'));
    initInstallation(neighbour.db, { regionCode: '652823', role: 'county' });
    addProjectWithTarget(neighbour, 'Y001', '尉犁县项目', '201001', 'approved', '652823');
    const members = membersOf(exportReport(neighbour, TEST_ACTOR, { year: YEAR, stage: 'targets', full: true, out: path.join(dir, 'yuli.zip') }).file);
    const targets = packageRecords(members, 'target');
    targets[0]!.children.target_indicators![0]!.id = victim.id;
    setPackageRecords(members, 'target', targets);
    const forged = signedBy(neighbour, members, { sender: { region: '652823', name: '尉犁县', role: 'county' }, sequence: 2 });
    expectRefusedUnchanged(pref, forged, /明细行（.*）在本机属于另一条绩效目标，不能移走/);
  });

  it('refuses one indicator row claimed by two targets of the same package', () => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(report(c, dir).file);
    const targets = packageRecords(members, 'target');
    targets[1]!.children.target_indicators![0]!.id = targets[0]!.children.target_indicators![0]!.id;
    setPackageRecords(members, 'target', targets);
    expectRefusedUnchanged(prefecture(dir), signedBy(c, members, {}), /的明细行（.*）在数据包内出现了不止一次/);
  });

  it('refuses a record version far ahead, so that later genuine versions of it still apply', () => {
    const { dir, c, pref, members, projects } = secondReport();
    projects[0]!.version = Number.MAX_SAFE_INTEGER;
    projects[0]!.row.name = '改名';
    setPackageRecords(members, 'project', projects);
    expectRefusedUnchanged(pref, signedBy(c, members, { sequence: 3 }), /的版本号 9007199254740991 比本机已知的 1 超前 1000 以上/);
    c.sqlite.prepare("UPDATE projects SET name = '真的改名', version = version + 1 WHERE id = ?").run(projects[0]!.id);
    expect(importInto(pref, report(c, dir).file).counts).toMatchObject({ updated: 1, conflict: 0 });
  });

  it.each([
    ['a status outside the workflow', 'target', { status: 'hacked' }, /“status”的值不合规（"hacked"）/],
    ['a review grade that does not exist', 'target', { review_grade: '超优' }, /“review_grade”的值不合规（"超优"）/],
    ['a year that is not a number', 'project', { year: 'twenty' }, /“year”的值不合规（"twenty"）/],
    ['annual goals that are not a JSON list', 'target', { annual_goals: '{not json' }, /“annual_goals”的值不合规/],
  ])('refuses a row with %s', (_, entity, change, message) => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(report(c, dir).file);
    const list = packageRecords(members, entity);
    Object.assign(list[0]!.row, change);
    setPackageRecords(members, entity, list);
    expectRefusedUnchanged(prefecture(dir), signedBy(c, members, {}), message);
  });

  it('refuses money that is not an integer amount in 分, in a child row', () => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(report(c, dir).file);
    const projects = packageRecords(members, 'project');
    projects[0]!.children.project_funds![0]!.initial_fen = 'abc';
    setPackageRecords(members, 'project', projects);
    expectRefusedUnchanged(prefecture(dir), signedBy(c, members, {}), /明细字段“initial_fen”的值不合规（"abc"）/);
  });

  it('shows natural keys computed from the rows in the dry run, not the ones the package names', () => {
    const dir = tempDir();
    const c = county(dir);
    const members = membersOf(report(c, dir).file);
    const projects = packageRecords(members, 'project');
    for (const p of projects) p.naturalKey = '652822/2020/另一个项目';
    setPackageRecords(members, 'project', projects);
    const dry = importInto(prefecture(dir), signedBy(c, members, {}), { dryRun: true });
    expect(dry.records.filter((r) => r.entity === 'project').map((r) => r.naturalKey).sort()).toEqual(['652822/2020/P001', '652822/2020/P002']);
  });

  it('gives an import a larger page cache while it writes, and the connection its own back afterwards', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    const own = pref.sqlite.pragma('cache_size', { simple: true });
    const whileWriting: unknown[] = [];
    importInto(pref, report(c, dir).file, { onProgress: () => whileWriting.push(pref.sqlite.pragma('cache_size', { simple: true })) });
    expect(new Set(whileWriting)).toEqual(new Set([-64 * 1024]));
    expect(pref.sqlite.pragma('cache_size', { simple: true })).toBe(own);
  });

  it('marks as a conflict a new record whose natural key another record holds here, writing neither', () => {
    const { c, pref, members, projects } = secondReport();
    const renamed = projects.find((p) => p.row.code === 'P001')!;
    const newId = randomUUID();
    const heldId = renamed.id;
    renamed.id = newId;
    for (const fund of renamed.children.project_funds ?? []) fund.project_id = newId;
    setPackageRecords(members, 'project', projects);
    const summary = importInto(pref, signedBy(c, members, { sequence: 3 }));
    expect(summary.records.filter((r) => r.action === 'conflict')).toEqual([
      { entity: 'project', label: '项目', naturalKey: '652822/2020/P001', action: 'conflict', reason: '本机已有编码相同的另一条项目（652822/2020/P001），需人工核对' },
    ]);
    expect(pref.sqlite.prepare("SELECT id FROM projects WHERE code = 'P001'").all()).toEqual([{ id: heldId }]);
  });

  it("refuses records that do not match the package's stage or year", () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    const members = membersOf(report(c, dir, 'full.zip', true).file);
    const targets = packageRecords(members, 'target');
    targets[0]!.row.overall_goal = '改写的目标';
    targets[0]!.version = 5;
    setPackageRecords(members, 'target', targets);
    expectRefusedUnchanged(pref, signedBy(c, new Map(members), { stage: 'library', year: 2099 }), /阶段是“指标库”，却带有预算单位/);
    expectRefusedUnchanged(pref, signedBy(c, new Map(members), { year: 2099, sequence: 10 }), /是 2020 年度的，而数据包声明的年度是 2099/);
  });

  it('refuses a reply whose decision is on a record the county never sent', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    const sent = importInto(pref, report(c, dir).file);
    importInto(c, exportReceipt(pref, TEST_ACTOR, sent.packageId, path.join(dir, 'receipt.zip')).file);
    const unsent = seedCounty(c.db, { year: YEAR, projects: [schoolProject('P003', '未上报的项目')], targets: [approvedTarget('P003')] }).projectIds.get('P003');
    const { id: unsentTarget } = c.sqlite.prepare('SELECT id FROM targets WHERE project_id = ?').get(unsent) as { id: string };
    const decisions = [{
      id: randomUUID(), peer: '652822', entity: 'target', recordId: unsentTarget, naturalKey: 'x', recordVersion: 1,
      action: 'return', opinion: '退回', decidedAt: '2020-06-01T00:00:00.000Z', decidedBy: '李四', packageId: null,
    }];
    const forged = signedBy(pref, new Map([['decisions.json', Buffer.from(JSON.stringify(decisions))]]), {
      kind: 'prefecture-reply',
      sender: { region: '652800', name: '巴音郭楞蒙古自治州', role: 'prefecture' },
      receiver: { region: '652822', name: '轮台县' },
    });
    expectRefusedUnchanged(c, forged, /审核意见针对的绩效目标（652822\/2020\/project\/P003）不是本机报送给对方的/);
  });

  it('refuses a sequence number far ahead, so that later genuine packages still import', () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    const members = membersOf(report(c, dir).file);
    expectRefusedUnchanged(pref, signedBy(c, members, { sequence: Number.MAX_SAFE_INTEGER }), /序号 9007199254740991 比已导入的 轮台县 数据包（序号 1）超前 1000 以上/);
    c.sqlite.prepare("UPDATE projects SET name = '改名', version = version + 1 WHERE code = 'P001'").run();
    expect(importInto(pref, report(c, dir).file).counts.updated).toBeGreaterThan(0);
  });

  /** 轮台县 with an August round over its two projects, and the prefecture already holding its targets and the neighbour's. */
  function reportedWithRound(dir: string) {
    const c = county(dir);
    const pref = prefecture(dir);
    importInto(pref, report(c, dir).file);
    const neighbour = freshStore(path.join(tempDir(), 'yuli.db'));
    initInstallation(neighbour.db, { regionCode: '652823', role: 'county' });
    const yuli = addProjectWithTarget(neighbour, 'Y001', '尉犁县项目', '201001', 'approved', '652823');
    importInto(pref, exportReport(neighbour, TEST_ACTOR, { year: YEAR, stage: 'targets', full: true, out: path.join(dir, 'yuli.zip') }).file);
    createRound(c.db, TEST_ACTOR, { year: YEAR, month: 8, deadline: '2020-08-31', scope: 'all' });
    const exportStage = (stage: string) =>
      exportReport(c, TEST_ACTOR, { year: YEAR, stage, full: true, out: path.join(dir, `${stage}-${randomUUID()}.zip`) }).file;
    return { c, pref, neighbourProject: yuli.projectId, exportStage };
  }

  const sheetsOf = (store: Store) => (store.sqlite.prepare('SELECT count(*) AS n FROM monitoring_sheets').get() as { n: number }).n;

  it("refuses a sheet whose copy of an approved indicator has another target value, since monitoring only reports progress", () => {
    const dir = tempDir();
    const { c, pref, exportStage } = reportedWithRound(dir);
    const members = membersOf(exportStage('monitoring'));
    const sheets = packageRecords(members, 'monitoring-sheet');
    const forgedRow = sheets[0]!.children.monitoring_indicators![0]!;
    forgedRow.target_value = `${String(forgedRow.target_value)}0`;
    setPackageRecords(members, 'monitoring-sheet', sheets);
    expectRefusedUnchanged(
      pref,
      signedBy(c, members, { stage: 'monitoring', sequence: 5 }),
      new RegExp(`^数据包内监控表（.*）的监控指标“${String(forgedRow.name)}”与批复的绩效目标不一致：监控只填报完成情况，指标名称、指标性质、指标值和计量单位不能更改，已拒绝整个数据包$`),
    );
    expect(sheetsOf(pref)).toBe(0);
  });

  it("refuses a sheet whose indicator row names another project's target indicator, naming the row; the genuine sheets import", () => {
    const dir = tempDir();
    const { c, pref, exportStage } = reportedWithRound(dir);
    const monitoring = exportStage('monitoring');
    const members = membersOf(monitoring);
    const sheets = packageRecords(members, 'monitoring-sheet');
    const forgedRow = sheets[0]!.children.monitoring_indicators![0]!;
    forgedRow.indicator_id = sheets[1]!.children.monitoring_indicators![0]!.indicator_id;
    setPackageRecords(members, 'monitoring-sheet', sheets);
    expectRefusedUnchanged(
      pref,
      signedBy(c, members, { stage: 'monitoring', sequence: 5 }),
      new RegExp(`^数据包内监控表（.*）的监控指标“${String(forgedRow.name)}”指向另一个项目绩效目标中的指标，不是本项目的指标，已拒绝整个数据包$`),
    );
    expect(importInto(pref, monitoring).counts.conflict).toBe(0);
    expect(sheetsOf(pref)).toBe(2);
  });

  it("refuses a county's sheet filed under another county's project at the prefecture", () => {
    const dir = tempDir();
    const { c, pref, neighbourProject, exportStage } = reportedWithRound(dir);
    const members = membersOf(exportStage('monitoring'));
    const sheets = packageRecords(members, 'monitoring-sheet');
    sheets[0]!.row.project_id = neighbourProject;
    setPackageRecords(members, 'monitoring-sheet', sheets);
    expectRefusedUnchanged(pref, signedBy(c, members, { stage: 'monitoring', sequence: 5 }), new RegExp(`所属的项目（${neighbourProject}）不是本数据包所属地区和年度的项目，已拒绝整个数据包$`));
  });

  it("refuses a rectification notice naming another county's project, or a sheet of another project, naming the notice", () => {
    const dir = tempDir();
    const { c, pref, neighbourProject, exportStage } = reportedWithRound(dir);
    importInto(pref, exportStage('monitoring'));
    const [p001, p002] = c.sqlite.prepare("SELECT s.id AS sheet, p.id AS project FROM monitoring_sheets s JOIN projects p ON p.id = s.project_id ORDER BY p.code").all() as { sheet: string; project: string }[];
    c.sqlite
      .prepare(
        `INSERT INTO rectifications (id, region_code, year, seq, source, source_id, project_id, unit_code, problems, deadline, status)
         VALUES (?, '652822', ?, 1, 'monitoring', ?, ?, '101002', '执行进度滞后', '2020-10-31', 'issued')`,
      )
      .run(randomUUID(), YEAR, p001!.sheet, p001!.project);
    const rectification = exportStage('rectification');
    const forge = (change: Record<string, unknown>) => {
      const members = membersOf(rectification);
      const notices = packageRecords(members, 'rectification');
      Object.assign(notices[0]!.row, change);
      setPackageRecords(members, 'rectification', notices);
      return signedBy(c, members, { stage: 'rectification', sequence: 9 });
    };
    expectRefusedUnchanged(pref, forge({ project_id: neighbourProject }), /^数据包内整改通知（652822\/2020\/1）针对的项目 Y001“尉犁县项目” 不是发送方本地区、本年度（单位上报时为本单位）的项目，已拒绝整个数据包$/);
    expectRefusedUnchanged(pref, forge({ source_id: p002!.sheet }), new RegExp(`^数据包内整改通知（652822/2020/1）的来源监控表（${p002!.sheet}）不是该项目在发送方本地区、本年度的监控表，已拒绝整个数据包$`));
    expect(importInto(pref, rectification).counts).toMatchObject({ created: 1, conflict: 0 });
  });

  it("reports a project whose type the prefecture's library lacks, in the dry run and the import, and imports it all the same", () => {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    seedStarterLibrary(pref.db, TEST_ACTOR);
    c.sqlite.prepare("UPDATE projects SET project_type_code = CASE code WHEN 'P001' THEN 'JY01' ELSE 'ZZ99' END").run();
    const file = report(c, dir);
    const notes = (summary: ImportSummary) => summary.records.filter((r) => r.entity === 'project').map((r) => [r.naturalKey, r.action, r.reason ?? null]);
    const expected = [
      ['652822/2020/P001', 'created', null],
      ['652822/2020/P002', 'created', '项目类型“ZZ99”不在本机指标库中，请核对或先更新指标库'],
    ];
    expect(notes(importInto(pref, file.file, { dryRun: true }))).toEqual(expected);
    expect(notes(importInto(pref, file.file))).toEqual(expected);
    expect(pref.sqlite.prepare("SELECT code, project_type_code AS type FROM projects ORDER BY code").all()).toEqual([
      { code: 'P001', type: 'JY01' },
      { code: 'P002', type: 'ZZ99' },
    ]);
  });
});

describe('library updates are signed packages of their own (exchange.md §12)', () => {
  function withLibraries() {
    const dir = tempDir();
    const c = county(dir);
    const pref = prefecture(dir);
    seedStarterLibrary(c.db, TEST_ACTOR);
    seedStarterLibrary(pref.db, TEST_ACTOR);
    const update = (name = `library-${randomUUID()}.zip`) =>
      exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'library', full: false, out: path.join(dir, name) });
    return { dir, c, pref, update };
  }

  it('refuses a hand-written version file claiming the prefecture, and the genuine update still applies after it', () => {
    const { c, pref, update } = withLibraries();
    const before = dump(c.sqlite);
    const forged = { ...starterLibrary(), source: '652800', sourceName: '巴音郭楞蒙古自治州', version: Number.MAX_SAFE_INTEGER };
    expect(() => applyLibraryPackage(c.db, TEST_ACTOR, forged, '指标库.json')).toThrow(/只接受州财政局签名的“指标库更新包”/);
    expect(dump(c.sqlite)).toBe(before);

    importInto(c, update().file);
    pref.sqlite.prepare("UPDATE library_indicators SET reference_value = '95', version = version + 1 WHERE code = 'JY01-001'").run();
    expect(importInto(c, update().file).counts).toMatchObject({ updated: 1, conflict: 0 });
    expect(listLibraryVersions(c.db)[0]).toMatchObject({ source: '652800' });
  });

  it("refuses an update whose library version jumps more than 1000 ahead of the prefecture's last, writing nothing", () => {
    const { c, pref, update } = withLibraries();
    importInto(c, update().file);
    pref.sqlite.prepare("UPDATE library_indicators SET library_version = 9007199254740991, reference_value = '95', version = version + 1 WHERE code = 'JY01-001'").run();
    const before = dump(c.sqlite);
    for (const dryRun of [true, false]) {
      const error = refusal(() => importInto(c, update().file, { dryRun }));
      expect(error.message).toMatch(/指标库版本号 9007199254740991 比本机已导入的版本号（0）超前 1000 以上/);
    }
    expect(dump(c.sqlite)).toBe(before);

    pref.sqlite.prepare("UPDATE library_indicators SET library_version = 2, reference_value = '96', version = version + 1 WHERE code = 'JY01-001'").run();
    expect(importInto(c, update().file).counts).toMatchObject({ updated: 1 });
    expect(listLibraryVersions(c.db)[0]).toMatchObject({ source: '652800', sourceVersion: 2 });
  });

  it('refuses library records inside a prefecture reply, and decisions inside a library update', () => {
    const { dir, c, pref, update } = withLibraries();
    importInto(pref, report(c, dir).file);
    const target = pref.sqlite.prepare("SELECT id FROM targets WHERE owner_code = 'P002'").get() as { id: string };
    recordDecision(pref, TEST_ACTOR, { entity: 'target', recordId: target.id, action: 'return', opinion: '请修改' });
    const reply = membersOf(exportReply(pref, TEST_ACTOR, { county: '652822', year: YEAR, stage: 'targets', full: false, out: path.join(dir, 'reply.zip') }).file);
    const library = membersOf(update().file);
    const fromPrefecture = { sender: { region: '652800', name: '巴音郭楞蒙古自治州', role: 'prefecture' as const }, receiver: { region: '652822', name: '轮台县' } };
    const before = dump(c.sqlite);
    const replyWithLibrary = signedBy(pref, new Map([...library, ...reply]), { ...fromPrefecture, kind: 'prefecture-reply', stage: 'all', sequence: 50 });
    expect(refusal(() => importInto(c, replyWithLibrary)).message).toMatch(/州级反馈包不能包含项目类型/);
    const updateWithDecisions = signedBy(pref, new Map([...library, ['decisions.json', reply.get('decisions.json')!]]), {
      ...fromPrefecture,
      kind: 'library-update',
      stage: 'library',
      sequence: 51,
    });
    expect(refusal(() => importInto(c, updateWithDecisions)).message).toMatch(/指标库更新包不能包含审核意见/);
    expect(dump(c.sqlite)).toBe(before);
  });
});
