// Migration 0025 adds the 衔接资金 tables beside the project register: a project flagged before keeps its
// row and can now carry documents, allocations, payments and beneficiaries; the checks refuse a level, a
// payee type or an amount the domain does not know, and a voucher twice for one project.
import { describe, expect, it } from 'vitest';
import { closeDatabase } from './open';
import { upgradedFrom } from '../electron/testSupport/migrations';

const TAG = '0025_funds';

const SEED = `INSERT INTO projects (id, region_code, year, code, name, department_code, unit_code, poverty_fund) VALUES ('p1', '652822', 2020, 'LT-1', '庭院经济', '101001', '101002', 1);`;

describe(`migration ${TAG}`, () => {
  it('lets a project flagged before the upgrade carry a document, its allocation, a payment and beneficiaries', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => upgraded.sqlite.prepare(sql).run();
      run(`INSERT INTO fund_documents (id, region_code, year, doc_number, level, issued_on, amount_fen) VALUES ('d1', '652822', 2020, '新财农〔2020〕1号', '中央', '2020-03-01', 100000000)`);
      run(`INSERT INTO fund_allocations (document_id, project_id, amount_fen) VALUES ('d1', 'p1', 60000000)`);
      run(`INSERT INTO fund_payments (id, project_id, document_id, paid_on, amount_fen, payee_type, voucher) VALUES ('f1', 'p1', 'd1', '2020-05-01', 1000000, '农户', 'PZ001')`);
      run(`INSERT INTO fund_projects (id, project_id, category, households, people, poverty_households) VALUES ('fp1', 'p1', '产业', 30, 120, 12)`);
      const row = upgraded.sqlite
        .prepare(`SELECT p.poverty_fund, a.amount_fen AS allocated, f.amount_fen AS paid, fp.category FROM projects p JOIN fund_allocations a ON a.project_id = p.id JOIN fund_payments f ON f.project_id = p.id JOIN fund_projects fp ON fp.project_id = p.id`)
        .get();
      expect(row).toEqual({ poverty_fund: 1, allocated: 60000000, paid: 1000000, category: '产业' });
    } finally {
      closeDatabase(upgraded);
    }
  });

  it('refuses an unknown level, payee type or category, a negative amount and a voucher twice for one project', () => {
    const upgraded = upgradedFrom(TAG, SEED);
    try {
      const run = (sql: string) => () => upgraded.sqlite.prepare(sql).run();
      expect(run(`INSERT INTO fund_documents (id, region_code, year, doc_number, level, issued_on, amount_fen) VALUES ('d1', '652822', 2020, 'X', '乡', '2020-03-01', 1)`)).toThrow(/fund_documents_level/);
      expect(run(`INSERT INTO fund_documents (id, region_code, year, doc_number, level, issued_on, amount_fen) VALUES ('d1', '652822', 2020, 'X', '县', '2020-03-01', -1)`)).toThrow(/fund_documents_amount_fen/);
      expect(run(`INSERT INTO fund_projects (id, project_id, category) VALUES ('fp1', 'p1', '教育')`)).toThrow(/fund_projects_category/);
      const payment = (id: string, payee: string) => run(`INSERT INTO fund_payments (id, project_id, paid_on, amount_fen, payee_type, voucher) VALUES ('${id}', 'p1', '2020-05-01', 100, '${payee}', 'PZ001')`);
      expect(payment('f0', '个人')).toThrow(/fund_payments_payee_type/);
      payment('f1', '农户')();
      expect(payment('f2', '企业')).toThrow(/UNIQUE constraint failed: fund_payments.project_id, fund_payments.voucher/);
    } finally {
      closeDatabase(upgraded);
    }
  });
});
