// CLI commands of 指标库: load the starter library and search it. Library updates from the prefecture
// arrive as signed packages (`package import`), never as bare files.
import { SYSTEM_ACTOR } from '../audit/audit';
import { UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { LIBRARY_STATUS_LABELS, referenceTarget } from '../domain/library';
import { searchIndicators } from './indicators';
import { seedStarterLibrary } from './starter';

export const libraryCommands: CommandTable = {
  'library seed': {
    usage: 'library seed',
    summary: '向空的指标库载入随软件提供的初始指标库（已有内容时不做任何改动）',
    database: true,
    permission: 'library.confirm',
    run(store, { io }) {
      const result = seedStarterLibrary(store.db, SYSTEM_ACTOR);
      io.out(result.seeded ? `已载入初始指标库：${result.projectTypes} 个项目类型，${result.indicators} 条指标（第 ${result.libraryVersion} 版）` : '指标库已有内容，未载入初始指标库');
    },
  },
  'library search': {
    usage: 'library search 名称片段 [--json]',
    summary: '按名称的任意部分查找指标',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const text = args.positional.slice(2).join(' ');
      if (!text) throw new UsageError('请给出要查找的指标名称片段');
      const result = searchIndicators(store.db, { text });
      if (args.options.has('--json')) return io.out(JSON.stringify(result, null, 2));
      for (const i of result.indicators) io.out(`${i.code}\t${i.name}\t${referenceTarget(i)}\t${LIBRARY_STATUS_LABELS[i.status]}`);
      io.out(`共 ${result.total} 条`);
    },
  },
};
