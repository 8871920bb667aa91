// The shipped templates: the 财预〔2020〕10号 annex framework for projects (决策 / 过程 / 产出 / 效益) and
// a department-wide one (部门决策 / 综合管理 / 部门绩效, 25 / 30 / 45). A bureau copies and adjusts them;
// both pass validateTemplate as shipped (a test checks).
import type { Rule, TemplateKind, TemplateNode } from './template';

const manual = (max: string): Rule => ({ type: 'manual', min: '0', max });
const proportional: Rule = { type: 'proportional' };
const perUnit = (perUnit: string): Rule => ({ type: 'deduct-per-unit', perUnit, floor: '0' });
const leaf = (name: string, points: string, rule: Rule): TemplateNode => ({ name, points, rule });
const group = (name: string, points: string, children: TemplateNode[]): TemplateNode => ({ name, points, children });

/** 满意度 in tiers: below 60% nothing, then rising to the full points from 90%. */
const satisfaction = ([fair, good, full]: readonly [string, string, string]): Rule => ({
  type: 'step-table',
  steps: [
    { from: '0', to: '60', points: '0' },
    { from: '60', to: '80', points: fair },
    { from: '80', to: '90', points: good },
    { from: '90', to: '', points: full },
  ],
});

export const DEFAULT_PROJECT_TEMPLATE: TemplateNode[] = [
  group('决策', '20', [
    group('项目立项', '6', [leaf('立项依据充分性', '3', manual('3')), leaf('立项程序规范性', '3', manual('3'))]),
    group('绩效目标', '6', [leaf('绩效目标合理性', '3', manual('3')), leaf('绩效指标明确性', '3', manual('3'))]),
    group('资金投入', '8', [leaf('预算编制科学性', '4', manual('4')), leaf('资金分配合理性', '4', manual('4'))]),
  ]),
  group('过程', '20', [
    group('资金管理', '12', [leaf('资金到位率', '4', proportional), leaf('预算执行率', '4', proportional), leaf('资金使用合规性', '4', perUnit('1'))]),
    group('组织实施', '8', [leaf('管理制度健全性', '4', manual('4')), leaf('制度执行有效性', '4', perUnit('1'))]),
  ]),
  group('产出', '40', [
    group('数量', '10', [leaf('实际完成率', '10', proportional)]),
    group('质量', '10', [
      leaf('质量达标率', '10', {
        type: 'step-table',
        steps: [
          { from: '0', to: '60', points: '0' },
          { from: '60', to: '80', points: '5' },
          { from: '80', to: '95', points: '8' },
          { from: '95', to: '', points: '10' },
        ],
      }),
    ]),
    group('时效', '10', [leaf('完成及时性', '10', manual('10'))]),
    group('成本', '10', [
      leaf('成本节约率', '10', {
        type: 'step-table',
        steps: [
          { from: '-100', to: '0', points: '0' },
          { from: '0', to: '5', points: '6' },
          { from: '5', to: '10', points: '8' },
          { from: '10', to: '', points: '10' },
        ],
      }),
    ]),
  ]),
  group('效益', '20', [group('项目效益', '20', [leaf('实施效益', '12', manual('12')), leaf('满意度', '8', satisfaction(['4', '6', '8']))])]),
];

export const DEFAULT_DEPARTMENT_TEMPLATE: TemplateNode[] = [
  group('部门决策', '25', [
    group('目标设定', '10', [leaf('绩效目标合理性', '5', manual('5')), leaf('绩效指标明确性', '5', manual('5'))]),
    group('预算编制', '15', [leaf('预算编制科学性', '8', manual('8')), leaf('基本支出足额保障率', '7', proportional)]),
  ]),
  group('综合管理', '30', [
    group('预算执行', '15', [leaf('预算执行率', '8', proportional), leaf('结转结余控制', '7', manual('7'))]),
    group('财务管理', '15', [leaf('管理制度健全性', '5', manual('5')), leaf('资金使用合规性', '5', perUnit('1')), leaf('资产管理规范性', '5', manual('5'))]),
  ]),
  group('部门绩效', '45', [
    group('履职效果', '30', [leaf('重点工作完成率', '15', proportional), leaf('部门履职目标实现程度', '15', manual('15'))]),
    group('社会效益', '15', [leaf('社会公众或服务对象满意度', '15', satisfaction(['8', '12', '15']))]),
  ]),
];

export const DEFAULT_TEMPLATES: readonly { kind: TemplateKind; name: string; tree: TemplateNode[] }[] = [
  { kind: 'project', name: '项目支出绩效评价指标体系（财预〔2020〕10号）', tree: DEFAULT_PROJECT_TEMPLATE },
  { kind: 'department', name: '部门整体支出绩效评价指标体系', tree: DEFAULT_DEPARTMENT_TEMPLATE },
];
