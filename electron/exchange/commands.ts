// `jixiao package …`: batch exchange work for prefecture IT staff. Import and dry run print the JSON
// summary on stdout; a refused package prints the reason on stderr and exits non-zero, writing nothing.
import path from 'node:path';
import type { Store } from '../../db/open';
import { SYSTEM_ACTOR } from '../audit/audit';
import { optionText, requireOption, UsageError, type ParsedArgs } from '../cli/args';
import type { CommandTable } from '../cli/command';
import { projectYears } from '../projects';
import { requireInstallation } from '../registry';
import { ALL_STAGES, type Stage } from './entities';
import { STAGES } from './registry';
import { importPackage, verifyContext } from './incoming';
import { partyId } from './manifest';
import { selfId } from './parties';
import { exportReport, exportReply, exportReceipt } from './outgoing';
import { readPackageFile } from './packageFile';


/** The stage `--stage` names, one the workflows declare; without it, every stage. */
export function stageNamed(text: string | undefined, stages: readonly Stage[] = STAGES): Stage {
  const stage = text ?? ALL_STAGES;
  if (!stages.includes(stage)) throw new UsageError(`阶段“${stage}”不正确，可选：${stages.join('、')}`);
  return stage;
}

/** The fiscal year to export: --year, else the latest year with projects, else this calendar year. */
function yearOf(store: Store, args: ParsedArgs): number {
  const text = optionText(args, '--year');
  if (text) {
    const year = Number(text);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`年度“${text}”不正确`);
    return year;
  }
  return projectYears(store.db)[0] ?? new Date().getFullYear();
}

function fileArgument(args: ParsedArgs, what: string): string {
  const file = args.positional[2];
  if (!file) throw new UsageError(`请指定${what}`);
  return path.resolve(file);
}

export const exchangeCommands: CommandTable = {
  'package export': {
    usage: `package export --out 文件 [--stage ${STAGES.join('|')}] [--full] [--year 年度] [--county 区划代码 | --unit 单位编码]`,
    summary: '导出数据包：县级、预算单位导出上报包；州级用 --county、县级用 --unit 导出给下级的反馈包（增量，--full 为全量）',
    database: true,
    permission: 'enter',
    run(store, { args, io }) {
      const options = { year: yearOf(store, args), stage: stageNamed(optionText(args, '--stage')), full: args.options.has('--full'), out: path.resolve(requireOption(args, '--out', '数据包文件路径')) };
      const { role } = requireInstallation(store.db);
      const unit = optionText(args, '--unit');
      const written =
        role === 'prefecture'
          ? exportReply(store, SYSTEM_ACTOR, { ...options, county: requireOption(args, '--county', '接收反馈的县市区划代码') })
          : role === 'county' && unit
            ? exportReply(store, SYSTEM_ACTOR, { ...options, unit })
            : exportReport(store, SYSTEM_ACTOR, options);
      io.out(JSON.stringify(written, null, 2));
    },
  },
  'package verify': {
    usage: 'package verify 文件',
    summary: '检查数据包的签名、校验值、接收方和序号，不写入任何数据',
    database: true,
    permission: 'view',
    run(store, { args, io }) {
      const installation = requireInstallation(store.db);
      const verified = readPackageFile(fileArgument(args, '要检查的数据包'), verifyContext(store, selfId(installation), { trust: true }));
      const { manifest } = verified;
      io.out(
        JSON.stringify(
          {
            valid: true,
            packageId: manifest.packageId,
            kind: manifest.kind,
            sender: partyId(manifest.sender),
            senderName: manifest.sender.name,
            fingerprint: manifest.sender.fingerprint,
            senderKnown: verified.newPeer === null,
            receiver: partyId(manifest.receiver),
            year: manifest.year,
            stage: manifest.stage,
            sequence: manifest.sequence,
            alreadyImported: verified.repeat,
            counts: manifest.counts,
          },
          null,
          2,
        ),
      );
    },
  },
  'package import': {
    usage: 'package import 文件 [--dry-run] [--trust]',
    summary: '导入数据包（--dry-run 只预览；--trust 首次接收时信任对方公钥，请先电话核对指纹）',
    database: true,
    permission: 'enter',
    run(store, { args, io }) {
      const trust = args.options.has('--trust');
      const summary = importPackage(store, SYSTEM_ACTOR, fileArgument(args, '要导入的数据包'), {
        dryRun: args.options.has('--dry-run'),
        trust,
        onProgress: (done, total) => io.err(`已处理 ${done}/${total} 条`),
      });
      if (summary.newPeer) io.err(`已信任新的发送方 ${summary.sender.name}（${summary.sender.id}），公钥指纹：${summary.sender.fingerprint}`);
      io.out(JSON.stringify(summary, null, 2));
    },
  },
  'package receipt': {
    usage: 'package receipt 已导入的数据包 --out 回执文件',
    summary: '为本机已导入的数据包出具签名回执，交回发送方',
    database: true,
    permission: 'enter',
    run(store, { args, io }) {
      const installation = requireInstallation(store.db);
      const { manifest } = readPackageFile(fileArgument(args, '已导入的数据包'), verifyContext(store, selfId(installation), { trust: true }));
      const written = exportReceipt(store, SYSTEM_ACTOR, manifest.packageId, path.resolve(requireOption(args, '--out', '回执文件路径')));
      io.out(JSON.stringify(written, null, 2));
    },
  },
};
