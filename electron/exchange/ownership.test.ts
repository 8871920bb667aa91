// Authority of a unit's package (exchange.md §10): a budget unit sends only its own records. A changed copy
// of a record the county holds from another unit — a project, a target or its adjustment, a project's or a
// department's monitoring sheet, a self-evaluation, a notice's answer — is refused with the record and the
// unit it belongs to named and what to do, never taken for a mere conflict; nothing is written. The table
// runs over every kind a unit may send (those with a unitScope), so a new kind must say what it changes.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../db/open';
import { initInstallation } from '../registry/setup';
import { proposeAdjustment, readContent, requireTarget } from '../targets';
import { freshStore, sampleCounty2020, tempDir, TEST_ACTOR } from '../testSupport/fixtures';
import { dump, membersOf, packageRecords, refusalOf, setPackageRecords, signedBy, type PackageRecord } from '../testSupport/forgedPackages';
import { importPackage } from './incoming';
import { exportReport } from './outgoing';
import { EXCHANGE_ENTITIES } from './registry';

const YEAR = 2020;
const REGION = '652822';

/** What the forging unit changes in each kind's record: a field the unit could type, never its owner. */
const CHANGES: Record<string, (record: PackageRecord) => void> = {
  project: (r) => void (r.row.name = `${String(r.row.name)}（改）`),
  target: (r) => void (r.row.overall_goal = '改写的总体目标'),
  'target-adjustment': (r) => void (r.row.reason = '改写的调整理由'),
  'monitoring-sheet': (r) => void (r.row.analysis = '改写的情况分析'),
  'monitoring-department-sheet': (r) => void (r.row.remarks = '改写的备注'),
  'self-evaluation': (r) => void (r.row.problems = '改写的存在问题'),
  rectification: (r) => void (r.row.feedback = '改写的整改反馈'),
};

const UNIT_KINDS = EXCHANGE_ENTITIES.filter((e) => e.unitScope);

/** The first unit of the county (by code) holding a record of the kind, by the kind's own unitScope, and that record. */
function ownedRecord(county: Store, kind: (typeof UNIT_KINDS)[number]): { unit: string; id: string } | undefined {
  const units = county.sqlite.prepare('SELECT code FROM units WHERE region_code = ? ORDER BY code').all(REGION) as { code: string }[];
  const first = county.sqlite.prepare(`SELECT id FROM "${kind.table}" WHERE deleted = 0 AND (${kind.scope}) AND (${kind.unitScope!}) ORDER BY id LIMIT 1`);
  for (const { code } of units) {
    const row = first.get(Object.fromEntries(Object.entries({ region: REGION, year: YEAR, unit: code }).filter(([name]) => first.source.includes(`:${name}`)))) as { id: string } | undefined;
    if (row) return { unit: code, id: row.id };
  }
  return undefined;
}

/** The sample has no 目标调整: one unit proposes one on its approved target, as a unit would before sending it. */
function proposeAnAdjustment(county: Store): void {
  const target = county.sqlite.prepare("SELECT id FROM targets WHERE kind = 'project' AND status = 'approved' ORDER BY id LIMIT 1").get() as { id: string };
  const row = requireTarget(county.db, target.id);
  const content = readContent(county.db, row);
  proposeAdjustment(county.db, TEST_ACTOR, { targetId: row.id, targetVersion: row.version, reason: '实施内容调整', proposed: { ...content, overallGoal: `${content.overallGoal}（调整）` } });
}

describe('a unit’s package carrying a changed copy of another unit’s record', () => {
  it('declares a change for every kind a unit may send, and every such kind says whose a record is', () => {
    expect(UNIT_KINDS.map((k) => k.name).sort()).toEqual(Object.keys(CHANGES).sort());
    expect(UNIT_KINDS.filter((k) => !k.owner).map((k) => k.name)).toEqual([]);
  });

  it.each(UNIT_KINDS.map((k) => [k.name, k] as const))('is refused for a %s, naming it and its unit, with nothing written', (_name, kind) => {
    const county = sampleCounty2020();
    if (kind.name === 'target-adjustment') proposeAnAdjustment(county);
    const report = membersOf(exportReport(county, TEST_ACTOR, { year: YEAR, stage: 'all', full: true, out: path.join(tempDir(), `${randomUUID()}.zip`) }).file);
    const unitName = (code: string) => (county.sqlite.prepare('SELECT name FROM units WHERE region_code = ? AND code = ?').get(REGION, code) as { name: string }).name;
    const owned = ownedRecord(county, kind);
    if (!owned) throw new Error(`示例县没有任何单位的${kind.label}`);
    const sender = county.sqlite.prepare('SELECT code, name FROM units WHERE region_code = ? AND code <> ? ORDER BY code LIMIT 1').get(REGION, owned.unit) as { code: string; name: string };
    const record = packageRecords(report, kind.name).find((r) => r.id === owned.id)!;
    expect(record, `${kind.label}不在本县的上报包中`).toBeDefined();
    const changed = structuredClone(record);
    // A unit's package never carries the county's own decisions (a notice's 问责 measures).
    for (const child of kind.children ?? []) if (child.notFromUnits) delete changed.children[child.table];
    CHANGES[kind.name]!(changed);
    changed.version += 1;

    const unit = freshStore(path.join(tempDir(), `unit-${randomUUID()}.db`));
    initInstallation(unit.db, { regionCode: REGION, role: 'unit', operatorName: '经办人', unit: { code: sender.code, name: sender.name } });
    const members = new Map<string, Buffer>();
    setPackageRecords(members, kind.name, [changed]);
    const file = signedBy(unit, members, {
      kind: 'unit-report',
      sender: { region: REGION, unit: sender.code, name: sender.name, role: 'unit' },
      receiver: { region: REGION, name: '轮台县' },
      stage: 'all',
      sequence: 3,
    });
    const before = dump(county.sqlite);
    for (const dryRun of [true, false]) {
      const error = refusalOf(() => importPackage(county, TEST_ACTOR, file, { dryRun, trust: true }));
      expect(error.code).toBe('BAD_DATA');
      expect(error.message).toContain(`${kind.label}（`);
      expect(error.message).toContain(`是单位“${unitName(owned.unit)}”（${owned.unit}）的`);
      expect(error.message).toContain(`只有该单位能修改它`);
      expect(error.message).toContain(`发送方 ${sender.name}（${sender.code}）`);
      expect(error.message).toMatch(/不能报送，已拒绝整个数据包；请由该单位在本单位的软件中填报后报送/);
    }
    expect(dump(county.sqlite)).toBe(before);
    // The first test makes the sample county's template (electron/testSupport/sampleTemplate.ts).
  }, 240_000);
});
