// 绩效自评 (domain.md §6): scoring rules and settings, the 项目资金 rows, parsing of written tables and
// the review (自评复核) of tables filled outside the program. Pure: services, the renderer and the CLI share it.
export * from './funds';
export * from './parse';
export * from './review';
export * from './scoring';
export * from './settings';
export * from './form';
export * from './spotCheck';
