// CLI commands of the registry and the database itself: init, stats, backup, restore.
import path from 'node:path';
import { closeDatabase } from '../../db/open';
import { SYSTEM_ACTOR } from '../audit/audit';
import { createBackup, restoreBackup } from '../backup/backup';
import { optionText, requireOption, UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { ROLES, type InstallationRole } from '../domain/registry';
import { initInstallation } from './setup';
import { stats } from './stats';

export const registryCommands: CommandTable = {
  init: {
    usage: 'init --region 区划代码 --role county|prefecture|unit [--unit 单位编码 --unit-name 单位名称 [--department]] [--operator 姓名]',
    summary: '初始设置：本机服务的区划和角色（预算单位还须给出本单位的编码和名称）',
    database: true,
    permission: 'public',
    run(store, { args, io }) {
      const role = requireOption(args, '--role', 'county、prefecture 或 unit');
      if (!ROLES.includes(role as InstallationRole)) throw new UsageError(`角色“${role}”不正确，应为 county、prefecture 或 unit`);
      const installation = initInstallation(store.db, {
        regionCode: requireOption(args, '--region', '6 位区划代码'),
        role: role as InstallationRole,
        operatorName: optionText(args, '--operator'),
        unit:
          role === 'unit'
            ? { code: requireOption(args, '--unit', '本单位编码'), name: requireOption(args, '--unit-name', '本单位名称'), isDepartment: args.options.has('--department') }
            : null,
      });
      const unit = installation.unit ? ` ${installation.unit.name}（${installation.unit.code}）` : '';
      io.out(`已完成初始设置：${installation.region.name}（${installation.region.code}）${unit}，角色 ${installation.role}`);
    },
  },
  stats: {
    usage: 'stats [--json]',
    summary: '各类数据的数量、本机区划和角色',
    database: true,
    permission: 'view',
    run(store, { args, io, workflows }) {
      const result = stats(store.db, workflows);
      if (args.options.has('--json')) return io.out(JSON.stringify(result, null, 2));
      io.out(`区划：${result.region ? `${result.region.name}（${result.region.code}）` : '未设置'}；角色：${result.role ?? '未设置'}`);
      for (const [name, n] of Object.entries(result.counts)) io.out(`${name}\t${n}`);
    },
  },
  backup: {
    usage: 'backup --out 文件',
    summary: '把数据库备份到一个文件（不影响正在使用的数据）',
    database: true,
    permission: 'backup.manage',
    run(store, { args, io }) {
      const file = createBackup(store, SYSTEM_ACTOR, path.resolve(requireOption(args, '--out', '备份文件路径')));
      io.out(`已备份到 ${file.path}（${file.size} 字节）`);
    },
  },
  restore: {
    usage: 'restore 备份文件',
    summary: '用备份文件替换当前数据库（当前数据会先自动备份）',
    database: true,
    permission: 'backup.manage',
    run(store, { args, io }) {
      const file = args.positional[1];
      if (!file) throw new UsageError('请指定要恢复的备份文件');
      const { store: reopened, safetyBackup } = restoreBackup(store, SYSTEM_ACTOR, path.resolve(file));
      closeDatabase(reopened);
      io.out(`已从 ${path.resolve(file)} 恢复。恢复前的数据已备份到 ${safetyBackup}`);
    },
  },
};
