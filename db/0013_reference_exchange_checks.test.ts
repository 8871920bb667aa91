// Migration 0013 rebuilds the tables 0011 left out — regions, the installation, fiscal years, settings,
// operators, the indicator library, disclosures and the exchange bookkeeping — with CHECK constraints on
// their enums, booleans, counters, years, JSON and code shapes. It must copy every row, keep the
// library's full-text search answering (the rebuild drops the FTS triggers with the table, and the
// index is keyed by rowid, which a plain copy would renumber), and after it a bad write is refused.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';
import { searchIndicators } from '../electron/library/indicators';

const TAG = '0013_reference_exchange_checks';

const SEED = `
  INSERT INTO regions (code, name, level, parent_code, builtin) VALUES ('652800', '巴音郭楞蒙古自治州', 'prefecture', '650000', 1), ('652822', '轮台县', 'county', '652800', 1);
  INSERT INTO installation (id, installation_id, region_code, role) VALUES (1, 'inst-1', '652822', 'county');
  INSERT INTO fiscal_years (year, framework) VALUES (2020, 'classic');
  INSERT INTO settings (key, value) VALUES ('monitoring.months', '[5,8,11]');
  INSERT INTO operators (id, name, role, active) VALUES ('op-1', '张会计', 'admin', 1), ('op-2', '李审核', 'reviewer', 0);
  INSERT INTO project_types (id, code, name, sector) VALUES ('pt1', 'JY01', '教育补助', '教育');
  INSERT INTO library_indicators (id, code, project_type_code, level1, level2, name, operator, reference_value, unit, status, library_version) VALUES
    ('li1', 'JY01-001', 'JY01', '产出指标', '数量指标', '资助学生人数', '≥', '500', '人', 'accepted', 1),
    ('li2', 'JY01-002', 'JY01', '产出指标', '质量指标', '资助资金发放准确率', '=', '100', '%', 'accepted', 1),
    ('li3', 'JY01-003', 'JY01', '满意度指标', '服务对象满意度指标', '受助学生满意度', '≥', '90', '%', 'accepted', 1);
  -- A deleted row leaves a gap in the rowids the FTS index is keyed by: a copy that renumbers would shift it.
  DELETE FROM library_indicators WHERE id = 'li1';
  INSERT INTO library_versions (version, published_by, note, source, source_version) VALUES (1, '张会计', '首次入库', 'local', NULL), (2, '州财政局', '州级指标库', '652800', 7);
  INSERT INTO disclosures (id, year, kind, scope, record_count, file_name, published_by) VALUES ('dc1', 2020, 'projectTargets', '*', 145, '2020年项目绩效目标.xlsx', '张会计');
  INSERT INTO exchange_identity (id, public_key, fingerprint, next_sequence) VALUES (1, 'pk-county', 'AB12', 4);
  INSERT INTO exchange_peers (region_code, public_key, fingerprint, trusted_by, last_sequence) VALUES ('652800', 'pk-pref', 'CD34', '张会计', 2), ('652822/101001', 'pk-unit', 'EF56', '张会计', 1);
  INSERT INTO exchange_packages (id, direction, kind, sender, receiver, year, stage, sequence, created_at, file_name, file_sha256, state, summary, operator)
    VALUES ('pkg1', 'out', 'county-report', '652822', '652800', 2020, 'targets', 3, '2020-03-01T08:00:00Z', 'report.jxp', 'aa', 'written', '{"counts":{"targets":1}}', '张会计');
  INSERT INTO exchange_package_records (package_id, entity, record_id, version) VALUES ('pkg1', 'target', 't1', 2);
  INSERT INTO exchange_delivered (peer, entity, record_id, version) VALUES ('652800', 'target', 't1', 1);
  INSERT INTO exchange_sync (peer, entity, record_id, remote_version, local_version) VALUES ('652822/101001', 'target', 't9', 3, 4);
  INSERT INTO exchange_decisions (id, peer, entity, record_id, natural_key, record_version, action, opinion, decided_by) VALUES ('dd1', '652822', 'target', 't1', '652822/2020/LT-1', 2, 'return', '指标不完整', '王州审');
`;

const TABLES = ['regions', 'installation', 'fiscal_years', 'settings', 'operators', 'project_types', 'library_indicators', 'library_versions', 'disclosures', 'exchange_identity', 'exchange_peers', 'exchange_packages', 'exchange_package_records', 'exchange_delivered', 'exchange_sync', 'exchange_decisions'];

describe(`migration ${TAG}`, () => {
  it('copies every row of the rebuilt tables, the package records of a rebuilt package too', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const s = upgraded.sqlite;
      const counts = Object.fromEntries(TABLES.map((t) => [t, (s.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
      expect(counts).toEqual({ regions: 2, installation: 1, fiscal_years: 1, settings: 1, operators: 2, project_types: 1, library_indicators: 2, library_versions: 2, disclosures: 1, exchange_identity: 1, exchange_peers: 2, exchange_packages: 1, exchange_package_records: 1, exchange_delivered: 1, exchange_sync: 1, exchange_decisions: 1 });
      expect(s.prepare("SELECT role, active FROM operators WHERE id = 'op-2'").get()).toEqual({ role: 'reviewer', active: 0 });
      expect(s.prepare('SELECT next_sequence AS n FROM exchange_identity').get()).toEqual({ n: 4 });
      expect(s.prepare("SELECT last_sequence AS n FROM exchange_peers WHERE region_code = '652800'").get()).toEqual({ n: 2 });
      expect(s.prepare("SELECT source_version AS v FROM library_versions WHERE version = 2").get()).toEqual({ v: 7 });
      expect(s.pragma('foreign_key_check')).toEqual([]);
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('keeps the library search finding migrated indicators, and indicators added or renamed after it', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const found = (text: string) => searchIndicators(upgraded.db, { text }).indicators.map((i) => i.code);
      expect(found('准确率')).toEqual(['JY01-002']);
      expect(found('满意度')).toEqual(['JY01-003']);
      expect(found('资助学生')).toEqual([]);

      upgraded.sqlite.exec(`
        INSERT INTO library_indicators (id, code, project_type_code, level1, level2, name, operator, reference_value, unit, status)
          VALUES ('li4', 'JY01-004', 'JY01', '效益指标', '社会效益指标', '义务教育巩固率', '≥', '95', '%', 'accepted');
        UPDATE library_indicators SET name = '受助家庭满意度' WHERE id = 'li3';
      `);
      expect(found('巩固率')).toEqual(['JY01-004']);
      expect(found('受助家庭')).toEqual(['JY01-003']);
      expect(found('受助学生')).toEqual([]);
      upgraded.sqlite.prepare("DELETE FROM library_indicators WHERE id = 'li2'").run();
      expect(found('准确率')).toEqual([]);
      // FTS5's own check compares the index with the content table and throws on a mismatch.
      expect(() => upgraded.sqlite.prepare("INSERT INTO library_indicators_fts (library_indicators_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses bad values written after it, whoever writes them', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const refused: [string, string][] = [
        ["UPDATE regions SET code = '65282' WHERE code = '652822'", 'regions_code'],
        ["UPDATE regions SET code = '65282X' WHERE code = '652822'", 'regions_code'],
        ["UPDATE regions SET parent_code = 'abc' WHERE code = '652822'", 'regions_parent_code'],
        ["UPDATE regions SET level = 'city'", 'regions_level'],
        ["UPDATE regions SET builtin = 2", 'regions_builtin'],
        ["UPDATE installation SET role = 'root'", 'installation_role'],
        ["UPDATE fiscal_years SET year = 20200", 'fiscal_years_year'],
        ["UPDATE fiscal_years SET framework = '2019'", 'fiscal_years_framework'],
        ["UPDATE settings SET value = '[5,8'", 'settings_value'],
        ["UPDATE operators SET role = 'superuser'", 'operators_role'],
        ["UPDATE operators SET active = 'yes'", 'operators_active'],
        ["UPDATE project_types SET code = 'jy-01'", 'project_types_code'],
        ["UPDATE project_types SET sector = '娱乐'", 'project_types_sector'],
        ["UPDATE library_indicators SET operator = '≈'", 'library_indicators_operator'],
        ["UPDATE library_indicators SET status = 'hacked'", 'library_indicators_status'],
        ["UPDATE library_indicators SET basis = '拍脑袋'", 'library_indicators_basis'],
        ["UPDATE library_indicators SET library_version = -1", 'library_indicators_library_version'],
        ["UPDATE library_versions SET source_version = 'nine' WHERE version = 2", 'library_versions_source_version'],
        ["UPDATE disclosures SET kind = 'everything'", 'disclosures_kind'],
        ["UPDATE disclosures SET record_count = -5", 'disclosures_record_count'],
        ["UPDATE disclosures SET year = 'twenty'", 'disclosures_year'],
        ["UPDATE exchange_identity SET next_sequence = 0", 'exchange_identity_next_sequence'],
        ["UPDATE exchange_peers SET region_code = '652800/' WHERE region_code = '652800'", 'exchange_peers_region_code'],
        ["UPDATE exchange_peers SET last_sequence = 1.5", 'exchange_peers_last_sequence'],
        ["UPDATE exchange_packages SET kind = 'takeover'", 'exchange_packages_kind'],
        ["UPDATE exchange_packages SET direction = 'sideways'", 'exchange_packages_direction'],
        ["UPDATE exchange_packages SET state = 'lost'", 'exchange_packages_state'],
        ["UPDATE exchange_packages SET sender = '../etc'", 'exchange_packages_sender'],
        ["UPDATE exchange_packages SET sequence = 'abc'", 'exchange_packages_sequence'],
        ["UPDATE exchange_packages SET summary = '{'", 'exchange_packages_summary'],
        ["UPDATE exchange_package_records SET version = -1", 'exchange_package_records_version'],
        ["UPDATE exchange_delivered SET version = 'v2'", 'exchange_delivered_version'],
        ["UPDATE exchange_sync SET local_version = -3", 'exchange_sync_local_version'],
        ["UPDATE exchange_decisions SET action = 'overrule'", 'exchange_decisions_action'],
      ];
      for (const [statement, constraint] of refused) {
        expect(() => upgraded.sqlite.prepare(statement).run(), statement).toThrow(`CHECK constraint failed: ${constraint}`);
      }
      // What the domain allows still goes in: a unit's party id, a retired indicator, a new county.
      upgraded.sqlite.prepare("UPDATE exchange_packages SET sender = '652822/101001', kind = 'unit-report'").run();
      upgraded.sqlite.prepare("UPDATE library_indicators SET status = 'retired' WHERE id = 'li2'").run();
      upgraded.sqlite.prepare("INSERT INTO regions (code, name, level, parent_code) VALUES ('652830', '新设县', 'county', '652800')").run();
    } finally {
      closeDatabase(upgraded);
    }
  });
});
