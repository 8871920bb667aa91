// Channels of the registry: first-run setup, sign-in, operators, regions, budget units.
import { z } from 'zod';
import { OPERATOR_ROLES, REGION_LEVELS, ROLES } from '../domain/registry';
import { file, none, regionCode, returns, text, uuid, version, type ContractPart, type FilePayload } from '../ipc/schema';
import type { ListedOperator, Operator } from './operators';
import type { Region } from './regions';
import type { Installation } from './installation';
import type { SetupStatus } from './setup';
import type { Stats } from './stats';
import type { Unit, UnitLookup } from './units';
import type { UnitImportPreview, UnitImportResult } from './excel';

// The types the renderer shows, so that it sees this workflow only through its contract.
export type { Installation } from './installation';
export type { ListedOperator, Operator } from './operators';
export type { Region } from './regions';
export type { Unit, UnitChoice, UnitLookup } from './units';
export type { UnitImportPreview, UnitImportRow } from './excel';

const password = z.string().max(128).nullable();
const unitDraft = z
  .object({ code: text(20), name: text(60), departmentCode: text(20).nullable(), isDepartment: z.boolean() })
  .strict();

export const registryContract = {
  'setup.status': { permission: 'public', input: none, output: returns<SetupStatus>() },
  'setup.init': {
    permission: 'public',
    input: z
      .object({
        regionCode,
        role: z.enum(ROLES),
        operatorName: text(30).min(1, '请填写操作员姓名'),
        password,
        unit: z.object({ code: text(20), name: text(60), isDepartment: z.boolean().optional() }).strict().nullable().optional(),
      })
      .strict(),
    output: returns<Installation>(),
  },

  'session.signIn': {
    permission: 'public',
    // newPassword: a password-less administrator among several operators sets one while signing in.
    input: z.object({ operatorId: uuid, password, newPassword: password.optional() }).strict(),
    output: returns<Operator>(),
  },
  'session.current': { permission: 'public', input: none, output: returns<Operator | null>() },
  'session.signOut': { permission: 'view', input: none, output: returns<null>() },

  'operators.list': { permission: 'view', input: none, output: returns<ListedOperator[]>() },
  'operators.create': {
    permission: 'operators.manage',
    input: z.object({ name: text(30).min(1, '请填写操作员姓名'), role: z.enum(OPERATOR_ROLES), password, departmentCode: text(20).nullable().optional() }).strict(),
    output: returns<Operator>(),
  },

  'operators.setActive': { permission: 'operators.manage', input: z.object({ id: uuid, active: z.boolean() }).strict(), output: returns<Operator>() },
  'operators.setRole': {
    permission: 'operators.manage',
    input: z.object({ id: uuid, role: z.enum(OPERATOR_ROLES), departmentCode: text(20).nullable().optional() }).strict(),
    output: returns<Operator>(),
  },
  'operators.resetPassword': {
    permission: 'operators.manage',
    input: z.object({ id: uuid, password: z.string().min(1, '请填写新密码').max(128) }).strict(),
    output: returns<Operator>(),
  },
  'session.changePassword': { permission: 'view', input: z.object({ current: password, next: password }).strict(), output: returns<Operator>() },

  'regions.list': { permission: 'public', input: none, output: returns<Region[]>() },
  'regions.add': {
    permission: 'regions.manage',
    input: z
      .object({ code: regionCode, name: text(40).min(1, '请填写区划名称'), level: z.enum(REGION_LEVELS), parentCode: regionCode.nullable() })
      .strict(),
    output: returns<Region>(),
  },

  'stats.get': { permission: 'view', input: none, output: returns<Stats>() },

  'units.list': { permission: 'view', input: none, output: returns<Unit[]>() },
  'units.lookup': {
    permission: 'view',
    input: z.object({ query: z.string().max(60, '搜索内容最多 60 个字'), include: text(20).nullable().optional(), activeOnly: z.boolean().optional(), departmentsOnly: z.boolean().optional() }).strict(),
    output: returns<UnitLookup>(),
  },
  'units.create': { permission: 'enter', input: unitDraft, output: returns<Unit>() },
  'units.update': { permission: 'enter', input: unitDraft.extend({ id: uuid, version }).strict(), output: returns<Unit>() },
  'units.setActive': { permission: 'enter', input: z.object({ id: uuid, active: z.boolean() }).strict(), output: returns<Unit>() },
  'units.importPreview': { permission: 'enter', input: file, output: returns<UnitImportPreview>() },
  'units.importCommit': { permission: 'enter', input: file, output: returns<UnitImportResult>() },
  'units.export': { permission: 'view', input: none, output: returns<FilePayload>() },
  'units.template': { permission: 'view', input: none, output: returns<FilePayload>() },
} as const satisfies ContractPart;

/** Channels usable before anyone has signed in: what first-run setup and the sign-in screen need. */
export const registryPublicChannels = ['setup.status', 'setup.init', 'session.signIn', 'session.current', 'regions.list'] as const;
