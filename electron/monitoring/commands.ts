// CLI commands of 绩效运行监控.
import type { CommandTable } from '../cli/command';
import { calcMonitor, parseCalcJson } from './calc';

export const monitoringCommands: CommandTable = {
  'calc monitor': {
    usage: 'calc monitor < 输入.json',
    summary: '按监控规则计算序时进度、执行率和红黄绿蓝灯：从标准输入读 JSON，向标准输出写 JSON（不需要数据库）',
    database: false,
    async run({ io }) {
      io.out(JSON.stringify(calcMonitor(parseCalcJson(await io.readStdin())), null, 2));
    },
  },
};
