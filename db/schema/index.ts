export * from './common';
export * from './registry';
export * from './library';
export * from './projects';
export * from './monitoring';
export * from './selfEvaluation';
export * from './rectification';
export * from './exchange';
