// The shape of the synthetic sample county (示例数据, all fictitious): its supervising departments with
// their subordinate units, the sectors of the indicator library their projects come from, their
// functions, and how many projects each holds. Sized after the report: 108 units, 140 projects.
// Township names are common generic ones on purpose, so that no real township is mistaken for data.

export interface DemoDepartment {
  /** Without the county's name, which is put in front: 教育局 → 轮台县教育局. */
  name: string;
  /** Library sectors (project_types.sector) its projects are drawn from, first the main one. */
  sectors: readonly string[];
  /** 职能概述 of its department-wide targets. */
  functions: string;
  units: readonly string[];
  /** Projects beyond the one every unit has. */
  extraProjects: number;
}

export const TOWNSHIPS = ['城关镇', '东城镇', '新华镇', '红星乡', '团结乡', '胜利乡', '友谊乡', '和平乡'] as const;

const township = (name: string): DemoDepartment => ({
  name: `${name}人民政府`,
  sectors: ['乡村振兴', '农业农村', '交通运输'],
  functions: `负责${name}经济社会发展、乡村振兴、基层社会治理和公共服务，组织实施上级安排的各项惠民工程。`,
  units: [`${name}农业（畜牧业）发展服务中心`, `${name}社会保障服务中心`],
  extraProjects: 1,
});

export const DEMO_DEPARTMENTS: readonly DemoDepartment[] = [
  {
    name: '教育局',
    sectors: ['教育'],
    functions: '贯彻执行教育法律法规和方针政策，统筹管理全县学前教育、义务教育、高中阶段教育和职业教育，负责学生资助和教育经费管理。',
    units: ['第一中学', '第二中学', '第三中学', '第一小学', '第二小学', '第三小学', '第四小学', '实验小学', '第一幼儿园', '第二幼儿园', '第三幼儿园', '职业技术学校', '教师发展中心', '学生资助管理中心', '第五小学'],
    extraProjects: 3,
  },
  {
    name: '卫生健康委员会',
    sectors: ['卫生健康'],
    functions: '负责全县医疗卫生服务体系建设、基本公共卫生服务、疾病预防控制、妇幼健康和卫生健康监督工作。',
    units: ['人民医院', '中医医院', '妇幼保健院', '疾病预防控制中心', '卫生健康综合监督执法大队', '急救中心', ...TOWNSHIPS.map((t) => `${t}卫生院`)],
    extraProjects: 3,
  },
  {
    name: '交通运输局',
    sectors: ['交通运输'],
    functions: '负责全县公路、农村公路的规划、建设、养护和管理，道路运输市场监管和交通运输安全生产。',
    units: ['公路管理站', '农村公路养护中心', '道路运输管理站'],
    extraProjects: 2,
  },
  {
    name: '农业农村局',
    sectors: ['农业农村'],
    functions: '负责全县种植业、畜牧业、农业机械化和农村经营管理，组织高标准农田建设和农业技术推广。',
    units: ['农业技术推广中心', '畜牧兽医站', '动物疫病预防控制中心', '农机安全监理站', '农村经营管理站'],
    extraProjects: 3,
  },
  {
    name: '水利局',
    sectors: ['水利'],
    functions: '负责全县水资源管理、农田水利和农村饮水安全工程建设管理、防汛抗旱和水利工程运行管理。',
    units: ['水利管理站', '防汛抗旱服务中心', '农村饮水安全工程管理站'],
    extraProjects: 2,
  },
  {
    name: '乡村振兴局',
    sectors: ['乡村振兴'],
    functions: '负责巩固拓展脱贫攻坚成果同乡村振兴有效衔接，统筹衔接资金项目的安排、实施和监管。',
    units: ['乡村振兴服务中心'],
    extraProjects: 3,
  },
  {
    name: '人力资源和社会保障局',
    sectors: ['社会保障'],
    functions: '负责全县就业创业、职业技能培训、城乡居民社会保险和劳动保障监察工作。',
    units: ['就业服务中心', '社会保险事业管理中心', '劳动保障监察大队'],
    extraProjects: 2,
  },
  {
    name: '民政局',
    sectors: ['社会保障'],
    functions: '负责城乡低保、特困供养、临时救助等社会救助，养老服务、儿童福利和殡葬管理工作。',
    units: ['社会福利院', '救助管理站', '殡葬管理所', '老年养护院'],
    extraProjects: 2,
  },
  {
    name: '医疗保障局',
    sectors: ['社会保障'],
    functions: '负责全县城乡居民基本医疗保险、医疗救助和医保基金监管工作。',
    units: ['医疗保险服务中心'],
    extraProjects: 0,
  },
  {
    name: '住房和城乡建设局',
    sectors: ['交通运输', '生态环境'],
    functions: '负责全县城乡建设规划实施、市政设施和园林绿化管理、城乡环境卫生和建筑市场监管。',
    units: ['市政设施管理站', '园林绿化管理站', '环境卫生管理站'],
    extraProjects: 2,
  },
  {
    name: '林业和草原局',
    sectors: ['生态环境'],
    functions: '负责全县林业和草原资源保护、造林绿化、森林草原防火和生态保护修复工作。',
    units: ['林业工作站', '草原工作站'],
    extraProjects: 1,
  },
  {
    name: '自然资源局',
    sectors: ['行政运行'],
    functions: '负责全县自然资源调查监测、国土空间规划、不动产登记和耕地保护工作。',
    units: ['不动产登记中心'],
    extraProjects: 0,
  },
  {
    name: '文化体育广播电视和旅游局',
    sectors: ['行政运行'],
    functions: '负责全县公共文化服务、文物保护、群众体育、广播电视和旅游市场管理。',
    units: ['图书馆', '文化馆', '体育活动中心'],
    extraProjects: 0,
  },
  {
    name: '财政局',
    sectors: ['行政运行'],
    functions: '负责全县财政收支管理、预算编制和执行、国库集中支付、政府采购和预算绩效管理。',
    units: ['国库集中支付中心', '财政投资评审中心'],
    extraProjects: 0,
  },
  { name: '发展和改革委员会', sectors: ['行政运行'], functions: '负责全县国民经济和社会发展规划、固定资产投资项目管理和价格监测工作。', units: [], extraProjects: 0 },
  { name: '公安局', sectors: ['行政运行'], functions: '负责全县社会治安管理、刑事侦查、交通管理和维护社会稳定工作。', units: [], extraProjects: 1 },
  { name: '司法局', sectors: ['行政运行'], functions: '负责全县法治宣传、人民调解、社区矫正和公共法律服务工作。', units: [], extraProjects: 0 },
  { name: '市场监督管理局', sectors: ['行政运行'], functions: '负责全县市场主体登记、食品药品安全监管、产品质量和计量标准化工作。', units: [], extraProjects: 0 },
  { name: '应急管理局', sectors: ['行政运行'], functions: '负责全县应急管理体系建设、安全生产监管、防灾减灾和应急救援工作。', units: [], extraProjects: 0 },
  { name: '审计局', sectors: ['行政运行'], functions: '负责全县财政财务收支、固定资产投资项目和领导干部经济责任审计监督工作。', units: [], extraProjects: 0 },
  { name: '统计局', sectors: ['行政运行'], functions: '负责全县国民经济核算、统计调查和统计监督工作。', units: [], extraProjects: 0 },
  { name: '退役军人事务局', sectors: ['社会保障'], functions: '负责全县退役军人安置、优抚、褒扬纪念和服务保障工作。', units: [], extraProjects: 0 },
  {
    name: '人民政府办公室',
    sectors: ['行政运行'],
    functions: '负责县人民政府日常政务运转、政务公开、政务服务和电子政务建设。',
    units: ['政务服务中心'],
    extraProjects: 0,
  },
  ...TOWNSHIPS.map(township),
];

/** Persons in charge (项目负责人), fictitious. */
export const DEMO_PEOPLE = ['王建国', '李红梅', '张伟', '刘芳', '陈志强', '杨丽', '赵军', '黄海燕', '周鹏', '吴敏', '买买提·艾力', '古丽娜尔·吐尔逊', '阿不都热依木·卡德尔', '马文军', '孙静', '郭涛'];

/** What a project of a sector is meant to achieve, for its 总体目标. */
export const SECTOR_GOALS: Record<string, string> = {
  教育: '改善办学条件，保障学生受教育权利，促进全县教育均衡发展',
  卫生健康: '提升基层医疗卫生服务能力，保障群众基本医疗和公共卫生服务需求',
  交通运输: '改善城乡道路通行条件，方便群众出行，促进农村经济发展',
  农业农村: '提高农业综合生产能力，促进农业增效和农民增收',
  水利: '提高农田灌溉和供水保障能力，保障群众饮水安全和农业生产用水',
  乡村振兴: '巩固拓展脱贫攻坚成果，带动脱贫户和监测对象稳定增收',
  社会保障: '落实各项社会保障政策，保障困难群众基本生活，促进就业稳定',
  行政运行: '保障单位正常运转和履职需要，提高公共服务效率和质量',
  生态环境: '改善城乡人居环境和生态环境质量，推动生态文明建设',
};

/**
 * 立项依据 of a project by sector, as a unit would cite it: the policy it carries out, then the county's plan.
 * Generic wording on purpose (no document numbers), since the sample is fictitious.
 */
export const SECTOR_BASES: Record<string, string> = {
  教育: '国家和自治区关于义务教育经费保障、学生资助和改善办学条件的政策规定',
  卫生健康: '国家和自治区关于基本公共卫生服务和基层医疗卫生机构能力建设的政策规定',
  交通运输: '国家和自治区关于农村公路建设和养护管理的政策规定',
  农业农村: '国家和自治区关于高标准农田建设、畜牧业发展和农业社会化服务的政策规定',
  水利: '国家和自治区关于农村饮水安全、灌区改造和水利工程运行管护的政策规定',
  乡村振兴: '国家和自治区关于巩固拓展脱贫攻坚成果同乡村振兴有效衔接及衔接资金管理的政策规定',
  社会保障: '国家和自治区关于城乡居民社会保险、社会救助和就业创业扶持的政策规定',
  行政运行: '国家和自治区关于机关运行保障和政务信息化建设的规定',
  生态环境: '国家和自治区关于城乡人居环境整治和生态环境保护的政策规定',
};
