// Project names of the sample county, as budget units name their projects: by what is done and where.
// Types of the starter library have their own patterns; any other library type gets a generic one.
import { TOWNSHIPS } from './county';
import type { Random } from './random';

/** {unit}: the unit's short name; {place}: a township (the unit's own when it is one); {year}: the year. */
const PATTERNS: Record<string, readonly string[]> = {
  义务教育学生资助: ['{year}年{unit}家庭经济困难学生生活费补助', '{unit}农村义务教育学生营养改善计划'],
  学前教育补助: ['{unit}学前教育幼儿资助及运转补助', '{year}年{unit}保教费减免补助'],
  校舍维修改造: ['{unit}校舍维修改造工程', '{unit}教学楼及附属设施维修项目'],
  基本公共卫生服务: ['{year}年{unit}基本公共卫生服务项目', '{unit}重点人群健康管理项目'],
  医疗设备购置: ['{unit}医疗设备购置项目', '{unit}诊疗设备更新项目'],
  农村公路建设: ['{place}农村公路建设项目', '{place}通村公路提升改造工程'],
  城市道路维修: ['县城主干道维修改造项目', '{unit}城区道路及人行道维修工程'],
  高标准农田建设: ['{place}高标准农田建设项目', '{place}盐碱地改良及高标准农田建设项目'],
  畜牧业发展补助: ['{year}年{place}畜牧业发展补助项目', '{place}良种繁育补助项目'],
  农村安全饮水: ['{place}农村安全饮水巩固提升工程', '{place}农村供水管网改造项目'],
  农田水利设施建设: ['{place}农田水利设施建设项目', '{place}渠道防渗改造工程'],
  '产业扶持（衔接资金）': ['{place}特色种养业扶持项目（衔接资金）', '{place}设施农业产业发展项目（衔接资金）'],
  易地扶贫搬迁后续扶持: ['{place}易地扶贫搬迁后续扶持项目', '{place}搬迁安置点配套产业项目'],
  城乡居民养老保险补助: ['{year}年{place}城乡居民基本养老保险补助', '{year}年{place}城乡居民养老保险缴费补贴'],
  困难群众救助: ['{year}年{place}困难群众救助资金', '{unit}临时救助及特困供养资金'],
  就业技能培训: ['{year}年{unit}职业技能培训项目', '{unit}农村富余劳动力转移就业培训'],
  机关运行保障: ['{unit}业务工作专项经费', '{unit}履职保障专项经费'],
  信息化建设: ['{unit}信息化建设项目', '{unit}业务系统运行维护项目'],
  环境卫生整治: ['{place}人居环境整治项目', '{unit}城乡环境卫生整治项目'],
};

const ORDINALS = ['二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * The unit's name as it reads inside a project name: a school or station without the county
 * (轮台县第一中学 → 第一中学), a township without 人民政府, a county bureau in full (轮台县教育局).
 */
function shortName(unitName: string, countyName: string): string {
  if (/(局|委员会|办公室)$/.test(unitName)) return unitName;
  return unitName.replace(countyName, '').replace(/人民政府$/, '');
}

/** A name for a project of this type at this unit not yet used in the sample: another pattern, else the next 期. */
export function projectName(random: Random, type: { name: string }, unitName: string, countyName: string, year: number, used: Set<string>): string {
  const unit = shortName(unitName, countyName);
  const place = TOWNSHIPS.find((p) => unit.startsWith(p)) ?? random.pick(TOWNSHIPS);
  const patterns = PATTERNS[type.name] ?? ['{unit}{type}项目'];
  const first = random.int(0, patterns.length - 1);
  const candidates = patterns.map((_, i) =>
    patterns[(first + i) % patterns.length]!.replace('{unit}', unit).replace('{place}', place).replace('{year}', String(year)).replace('{type}', type.name),
  );
  return uniqueName(candidates.find((name) => !used.has(name)) ?? candidates[0]!, used);
}

/** The name, or when the county already has a project of that name, its next 期. */
export function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let phase = 0; used.has(name); phase++) name = `${base}（${ORDINALS[phase] ?? phase + 2}期）`;
  used.add(name);
  return name;
}

/** A copy's number as units number their second sites: 二部, 三部 … 十二部. */
export function copyLabel(copy: number): string {
  const digits = ['', '一', ...ORDINALS];
  const tens = Math.floor(copy / 10);
  const number = `${tens > 1 ? digits[tens] : ''}${tens > 0 ? '十' : ''}${digits[copy % 10]}`;
  return `（${number}部）`;
}
