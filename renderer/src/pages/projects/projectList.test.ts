import { describe, expect, it } from 'vitest';
import type { ProjectListRow } from '../../../../electron/projects/contract';
import { filterProjects, projectMarks } from './projectList';

const row = (code: string, name: string, unitCode: string, unitName: string) =>
  ({ code, name, unitCode, unitName, keyProject: false, povertyFund: false, confidential: false }) as ProjectListRow;

describe('filterProjects', () => {
  const rows = [row('XM001', '农村公路硬化', '301002', '农村公路管理站'), row('XM002', '营养改善计划', '302001', '教育局')];
  it('finds a project by code, name, or its unit’s code or name', () => {
    expect(filterProjects(rows, 'xm002').map((p) => p.code)).toEqual(['XM002']);
    expect(filterProjects(rows, '公路').map((p) => p.code)).toEqual(['XM001']);
    expect(filterProjects(rows, '教育').map((p) => p.code)).toEqual(['XM002']);
    expect(filterProjects(rows, '302001').map((p) => p.code)).toEqual(['XM002']);
    expect(filterProjects(rows, '  ')).toBe(rows);
  });
});

describe('projectMarks', () => {
  it('names the flags a project carries', () => {
    expect(projectMarks({ keyProject: true, povertyFund: true, confidential: false })).toEqual(['重点', '衔接资金']);
    expect(projectMarks({ keyProject: false, povertyFund: false, confidential: true })).toEqual(['涉密']);
  });
});
