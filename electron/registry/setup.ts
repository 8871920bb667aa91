// First-run setup: which county (or prefecture) this installation serves, in which role, and its first
// operator. Until this is done, the app shows only the setup screen.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/open';
import * as schema from '../../db/schema';
import { checkUnit, regionLevelForRole, REGION_LEVEL_LABELS, ROLE_LABELS, type InstallationRole, type UnitDraft } from '../domain/registry';
import { hasErrors } from '../domain/validation';
import { AppError } from '../errors';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../audit/audit';
import { currentInstallation, requireInstallation, type Installation } from './installation';
import { findRegion, seedRegions } from './regions';
import { createOperator, listOperators, type Operator } from './operators';
import { createUnit } from './units';

export interface SetupStatus {
  installation: Installation | null;
  operators: Operator[];
}

export function setupStatus(db: Db): SetupStatus {
  return { installation: currentInstallation(db), operators: listOperators(db) };
}

export interface InitInput {
  regionCode: string;
  role: InstallationRole;
  operatorName?: string;
  password?: string | null;
  /** Role unit only: the unit's code and name as the county registers it, and whether it is a 主管部门. */
  unit?: { code: string; name: string; isDepartment?: boolean } | null;
}

/** A unit installation must say which unit it is (the code the county registers it under). */
function unitOfInstallation(input: InitInput): UnitDraft | null {
  if (input.role !== 'unit') return null;
  const draft = { code: input.unit?.code.trim() ?? '', name: input.unit?.name.trim() ?? '', departmentCode: null, isDepartment: input.unit?.isDepartment ?? false };
  const problems = checkUnit(draft);
  if (hasErrors(problems)) throw new AppError('INVALID_INPUT', `预算单位安装须填写本单位的编码和名称：${Object.values(problems).join('；')}`);
  return draft;
}

/** Sets up an empty database for its county, prefecture or budget unit; refuses to set up twice. */
export function initInstallation(db: Db, input: InitInput, actor: Actor = SYSTEM_ACTOR): Installation {
  seedRegions(db);
  if (currentInstallation(db)) throw new AppError('ALREADY_INITIALIZED', '本机已完成初始设置，区划和角色不能重复设置');
  const region = findRegion(db, input.regionCode);
  if (!region) throw new AppError('INVALID_INPUT', `区划代码 ${input.regionCode} 不存在，请从区划列表中选择`);
  const level = regionLevelForRole(input.role);
  if (region.level !== level) {
    throw new AppError(
      'INVALID_INPUT',
      `${ROLE_LABELS[input.role]}应选择${REGION_LEVEL_LABELS[level]}级区划，${region.name}（${region.code}）是${REGION_LEVEL_LABELS[region.level]}`,
    );
  }
  const unit = unitOfInstallation(input);
  db.transaction((tx) => {
    tx.insert(schema.installation).values({ id: 1, installationId: randomUUID(), regionCode: region.code, role: input.role, unitCode: unit?.code ?? null }).run();
    recordAudit(tx, actor, { entity: 'installation', naturalKey: region.code, action: '初始设置', after: { region: region.code, role: input.role, unit: unit?.code ?? null } });
    if (unit) createUnit(tx, actor, unit);
    if (input.operatorName) createOperator(tx, actor, { name: input.operatorName, role: 'admin', password: input.password });
  });
  return requireInstallation(db);
}
