// The IPC contract: one table of channel → input schema → output type. Electron main, the web bridge and
// the renderer's client all derive from it; the renderer imports its types only.
import { z } from 'zod';
import type { AuditRow } from '../audit/audit';
import type { BackupFile } from '../backup/backup';
import type { Operator } from '../registry/operators';
import type { Region } from '../registry/regions';
import type { Installation, SetupStatus, Stats } from '../registry/setup';
import type { Unit } from '../registry/units';
import type { UnitImportPreview, UnitImportResult } from '../registry/unitsXlsx';
import type { SettingView } from '../settings/settings';
import { OPERATOR_ROLES, REGION_LEVELS, ROLES } from '../domain/registry';

z.config(z.locales.zhCN());

/** Declares a channel's output type; the value is never read at run time. */
const returns = <T>() => undefined as unknown as T;

const none = z.object({}).strict();
const text = (max: number) => z.string().trim().max(max);
const uuid = z.string().uuid();
/** A file handed across the boundary (xlsx, backup): base64 bytes plus its name. */
const file = z.object({ fileName: text(255), dataBase64: z.string().max(40 * 1024 * 1024) }).strict();
export type FilePayload = z.infer<typeof file>;

const unitDraft = z
  .object({
    code: text(20),
    name: text(60),
    departmentCode: text(20).nullable(),
    isDepartment: z.boolean(),
  })
  .strict();

export const contract = {
  'app.info': { input: none, output: returns<{ version: string; dbPath: string; transport: string }>() },

  'setup.status': { input: none, output: returns<SetupStatus>() },
  'setup.init': {
    input: z
      .object({
        regionCode: z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字'),
        role: z.enum(ROLES),
        operatorName: text(30).min(1, '请填写操作员姓名'),
        password: z.string().max(128).nullable(),
      })
      .strict(),
    output: returns<Installation>(),
  },

  'session.signIn': { input: z.object({ operatorId: uuid, password: z.string().max(128).nullable() }).strict(), output: returns<Operator>() },
  'session.current': { input: none, output: returns<Operator | null>() },
  'session.signOut': { input: none, output: returns<null>() },

  'operators.list': { input: none, output: returns<Operator[]>() },
  'operators.create': {
    input: z.object({ name: text(30).min(1, '请填写操作员姓名'), role: z.enum(OPERATOR_ROLES), password: z.string().max(128).nullable() }).strict(),
    output: returns<Operator>(),
  },

  'regions.list': { input: none, output: returns<Region[]>() },
  'regions.add': {
    input: z
      .object({
        code: z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字'),
        name: text(40).min(1, '请填写区划名称'),
        level: z.enum(REGION_LEVELS),
        parentCode: z.string().regex(/^\d{6}$/).nullable(),
      })
      .strict(),
    output: returns<Region>(),
  },

  'stats.get': { input: none, output: returns<Stats>() },

  'units.list': { input: none, output: returns<Unit[]>() },
  'units.create': { input: unitDraft, output: returns<Unit>() },
  'units.update': { input: unitDraft.extend({ id: uuid, version: z.number().int().positive() }).strict(), output: returns<Unit>() },
  'units.setActive': { input: z.object({ id: uuid, active: z.boolean() }).strict(), output: returns<Unit>() },
  'units.importPreview': { input: file, output: returns<UnitImportPreview>() },
  'units.importCommit': { input: file, output: returns<UnitImportResult>() },
  'units.export': { input: none, output: returns<FilePayload>() },
  'units.template': { input: none, output: returns<FilePayload>() },

  'settings.list': { input: none, output: returns<SettingView[]>() },
  'settings.update': {
    input: z.object({ key: text(80), value: z.union([z.string().max(200), z.number(), z.array(z.number()).max(12)]) }).strict(),
    output: returns<SettingView>(),
  },
  'settings.reset': { input: z.object({ key: text(80) }).strict(), output: returns<SettingView>() },

  'backup.list': { input: none, output: returns<BackupFile[]>() },
  'backup.create': { input: none, output: returns<BackupFile>() },
  'backup.download': { input: z.object({ name: text(255) }).strict(), output: returns<FilePayload>() },
  'backup.restore': { input: z.object({ name: text(255) }).strict(), output: returns<{ safetyBackup: string }>() },
  'backup.upload': { input: file, output: returns<BackupFile>() },

  'audit.list': {
    input: z.object({ entity: text(40).optional(), naturalKey: text(120).optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: returns<AuditRow[]>(),
  },
} as const satisfies Record<string, { input: z.ZodType; output: unknown }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
