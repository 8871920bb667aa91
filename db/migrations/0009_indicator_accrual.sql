ALTER TABLE `library_indicators` ADD `accrual` text DEFAULT 'cumulative' NOT NULL;--> statement-breakpoint
ALTER TABLE `target_indicators` ADD `accrual` text DEFAULT 'cumulative' NOT NULL;--> statement-breakpoint
ALTER TABLE `monitoring_indicators` ADD `accrual` text DEFAULT 'cumulative' NOT NULL;--> statement-breakpoint
-- Existing indicators get the default of domain.md §5 (defaultAccrual in electron/domain/indicators.ts):
-- 状态型 for the level units and for 质量指标 / …满意度指标, 累计型 otherwise.
UPDATE `library_indicators` SET `accrual` = 'level' WHERE trim(`unit`) IN ('%', '％', '‰', '百分比', '分', '星', '级', '年') OR instr(`unit`, '/') > 0 OR instr(`unit`, '／') > 0 OR trim(`level2`) LIKE '%质量指标' OR trim(`level2`) LIKE '%满意度指标';--> statement-breakpoint
UPDATE `target_indicators` SET `accrual` = 'level' WHERE trim(`unit`) IN ('%', '％', '‰', '百分比', '分', '星', '级', '年') OR instr(`unit`, '/') > 0 OR instr(`unit`, '／') > 0 OR trim(`level2`) LIKE '%质量指标' OR trim(`level2`) LIKE '%满意度指标';--> statement-breakpoint
UPDATE `monitoring_indicators` SET `accrual` = 'level' WHERE trim(`unit`) IN ('%', '％', '‰', '百分比', '分', '星', '级', '年') OR instr(`unit`, '/') > 0 OR instr(`unit`, '／') > 0 OR trim(`level2`) LIKE '%质量指标' OR trim(`level2`) LIKE '%满意度指标';
