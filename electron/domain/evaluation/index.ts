// The pure rules of 部门评价 / 财政评价: templates, their validation, the leaf rules and the total.
export * from './template';
export * from './rules';
export * from './validation';
export * from './total';
export * from './defaults';
export * from './evaluation';
