// CLI commands of 指标库: load the starter library, search it, and move library version files.
import fs from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../audit/audit';
import { requireOption, UsageError } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { LIBRARY_STATUS_LABELS, referenceTarget } from '../domain/library';
import { searchIndicators } from './indicators';
import { applyLibraryPackage, encodeLibraryPackage, libraryPackage, previewLibraryPackage, readLibraryPackage } from './package';
import { seedStarterLibrary } from './starter';

const tally = (t: { create: number; update: number; unchanged: number }) => `新增 ${t.create}，更新 ${t.update}，无变化 ${t.unchanged}`;

export const libraryCommands: CommandTable = {
  'library seed': {
    usage: 'library seed',
    summary: '向空的指标库载入随软件提供的初始指标库（已有内容时不做任何改动）',
    database: true,
    run(store, { io }) {
      const result = seedStarterLibrary(store.db, SYSTEM_ACTOR);
      io.out(result.seeded ? `已载入初始指标库：${result.projectTypes} 个项目类型，${result.indicators} 条指标（第 ${result.libraryVersion} 版）` : '指标库已有内容，未载入初始指标库');
    },
  },
  'library search': {
    usage: 'library search 名称片段 [--json]',
    summary: '按名称的任意部分查找指标',
    database: true,
    run(store, { args, io }) {
      const text = args.positional.slice(2).join(' ');
      if (!text) throw new UsageError('请给出要查找的指标名称片段');
      const result = searchIndicators(store.db, { text });
      if (args.options.has('--json')) return io.out(JSON.stringify(result, null, 2));
      for (const i of result.indicators) io.out(`${i.code}\t${i.name}\t${referenceTarget(i)}\t${LIBRARY_STATUS_LABELS[i.status]}`);
      io.out(`共 ${result.total} 条`);
    },
  },
  'library version export': {
    usage: 'library version export --out 文件.json',
    summary: '把指标库当前版本导出为文件，供下级县市导入',
    database: true,
    run(store, { args, io }) {
      const pkg = libraryPackage(store.db);
      const file = path.resolve(requireOption(args, '--out', '导出文件路径'));
      fs.writeFileSync(file, encodeLibraryPackage(pkg));
      io.out(`已导出指标库第 ${pkg.version} 版（${pkg.indicators.length} 条指标）到 ${file}`);
    },
  },
  'library version import': {
    usage: 'library version import 文件.json [--dry-run]',
    summary: '导入上级下发的指标库版本文件；--dry-run 只显示将新增、更新的内容',
    database: true,
    run(store, { args, io }) {
      const file = args.positional[3];
      if (!file) throw new UsageError('请指定指标库版本文件');
      const pkg = readLibraryPackage(fs.readFileSync(path.resolve(file)));
      const preview = previewLibraryPackage(store.db, pkg);
      io.out(`${preview.sourceName || preview.source} 第 ${preview.version} 版：项目类型 ${tally(preview.projectTypes)}；指标 ${tally(preview.indicators)}`);
      for (const problem of preview.problems) io.err(problem);
      if (args.options.has('--dry-run')) return;
      const result = applyLibraryPackage(store.db, SYSTEM_ACTOR, pkg, path.basename(file));
      io.out(`已导入，本机指标库第 ${result.libraryVersion} 版`);
    },
  },
};
