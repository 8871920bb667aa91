// CLI commands of 绩效自评.
import type { CommandTable } from '../cli/command';
import { calcSelfEval, parseSelfEvalJson } from './calc';

export const selfEvaluationCommands: CommandTable = {
  'calc selfeval': {
    usage: 'calc selfeval < 输入.json',
    summary: '按自评规则计算预算执行得分、各指标得分、总分和等级；附上单位填报的得分即复核并列出差异：从标准输入读 JSON，向标准输出写 JSON（不需要数据库）',
    database: false,
    async run({ io }) {
      io.out(JSON.stringify(calcSelfEval(parseSelfEvalJson(await io.readStdin())), null, 2));
    },
  },
};
