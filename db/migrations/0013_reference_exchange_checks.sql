PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_fiscal_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`framework` text DEFAULT 'classic' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "fiscal_years_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "fiscal_years_framework" CHECK("framework" IN ('classic', '2021'))
);
--> statement-breakpoint
INSERT INTO `__new_fiscal_years`("year", "framework", "created_at") SELECT "year", "framework", "created_at" FROM `fiscal_years`;--> statement-breakpoint
DROP TABLE `fiscal_years`;--> statement-breakpoint
ALTER TABLE `__new_fiscal_years` RENAME TO `fiscal_years`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `__new_installation` (
	`id` integer PRIMARY KEY NOT NULL,
	`installation_id` text NOT NULL,
	`region_code` text NOT NULL,
	`role` text NOT NULL,
	`unit_code` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "installation_role" CHECK("role" IN ('county', 'prefecture', 'unit')),
	CONSTRAINT "installation_unit_code" CHECK("unit_code" IS NULL OR (length("unit_code") BETWEEN 3 AND 20 AND "unit_code" NOT GLOB '*[^0-9A-Za-z]*'))
);
--> statement-breakpoint
INSERT INTO `__new_installation`("id", "installation_id", "region_code", "role", "unit_code", "created_at") SELECT "id", "installation_id", "region_code", "role", "unit_code", "created_at" FROM `installation`;--> statement-breakpoint
DROP TABLE `installation`;--> statement-breakpoint
ALTER TABLE `__new_installation` RENAME TO `installation`;--> statement-breakpoint
CREATE TABLE `__new_operators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "operators_role" CHECK("role" IN ('admin', 'office', 'reviewer', 'clerk', 'department')),
	CONSTRAINT "operators_active" CHECK("active" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_operators`("id", "name", "role", "password_hash", "active", "created_at") SELECT "id", "name", "role", "password_hash", "active", "created_at" FROM `operators`;--> statement-breakpoint
DROP TABLE `operators`;--> statement-breakpoint
ALTER TABLE `__new_operators` RENAME TO `operators`;--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_unique` ON `operators` (`name`);--> statement-breakpoint
CREATE TABLE `__new_regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text,
	`builtin` integer DEFAULT false NOT NULL,
	CONSTRAINT "regions_code" CHECK((length("code") BETWEEN 6 AND 6 AND "code" NOT GLOB '*[^0-9]*')),
	CONSTRAINT "regions_parent_code" CHECK("parent_code" IS NULL OR (length("parent_code") BETWEEN 6 AND 6 AND "parent_code" NOT GLOB '*[^0-9]*')),
	CONSTRAINT "regions_level" CHECK("level" IN ('region', 'prefecture', 'county')),
	CONSTRAINT "regions_builtin" CHECK("builtin" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_regions`("code", "name", "level", "parent_code", "builtin") SELECT "code", "name", "level", "parent_code", "builtin" FROM `regions`;--> statement-breakpoint
DROP TABLE `regions`;--> statement-breakpoint
ALTER TABLE `__new_regions` RENAME TO `regions`;--> statement-breakpoint
CREATE TABLE `__new_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "settings_value" CHECK(json_valid("value"))
);
--> statement-breakpoint
INSERT INTO `__new_settings`("key", "value", "updated_at") SELECT "key", "value", "updated_at" FROM `settings`;--> statement-breakpoint
DROP TABLE `settings`;--> statement-breakpoint
ALTER TABLE `__new_settings` RENAME TO `settings`;--> statement-breakpoint
CREATE TABLE `__new_library_indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`project_type_code` text NOT NULL,
	`level1` text NOT NULL,
	`level2` text NOT NULL,
	`name` text NOT NULL,
	`operator` text NOT NULL,
	`reference_value` text DEFAULT '' NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`accrual` text DEFAULT 'cumulative' NOT NULL,
	`definition` text DEFAULT '' NOT NULL,
	`basis` text DEFAULT '计划标准' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`library_version` integer DEFAULT 0 NOT NULL,
	`proposing_unit_code` text,
	`proposed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "library_indicators_operator" CHECK("operator" IN ('≥', '>', '=', '<', '≤', '定性')),
	CONSTRAINT "library_indicators_accrual" CHECK("accrual" IN ('cumulative', 'level')),
	CONSTRAINT "library_indicators_basis" CHECK("basis" IN ('计划标准', '行业标准', '历史标准', '其他标准')),
	CONSTRAINT "library_indicators_status" CHECK("status" IN ('draft', 'proposed', 'accepted', 'retired')),
	CONSTRAINT "library_indicators_library_version" CHECK((typeof("library_version") = 'integer' AND "library_version" >= 0)),
	CONSTRAINT "library_indicators_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_library_indicators`("rowid", "id", "version", "updated_at", "deleted", "code", "project_type_code", "level1", "level2", "name", "operator", "reference_value", "unit", "accrual", "definition", "basis", "status", "library_version", "proposing_unit_code", "proposed_by", "created_at") SELECT "rowid", "id", "version", "updated_at", "deleted", "code", "project_type_code", "level1", "level2", "name", "operator", "reference_value", "unit", "accrual", "definition", "basis", "status", "library_version", "proposing_unit_code", "proposed_by", "created_at" FROM `library_indicators`;--> statement-breakpoint
DROP TABLE `library_indicators`;--> statement-breakpoint
ALTER TABLE `__new_library_indicators` RENAME TO `library_indicators`;--> statement-breakpoint
CREATE UNIQUE INDEX `library_indicators_code` ON `library_indicators` (`code`);--> statement-breakpoint
CREATE INDEX `library_indicators_type` ON `library_indicators` (`project_type_code`,`status`);--> statement-breakpoint
-- Added by hand to the generated rebuild: the copy above keeps each row's rowid, which the full-text
-- index (0002) is keyed by, and DROP TABLE took the index's triggers along, so they are made again.
CREATE TRIGGER `library_indicators_fts_insert` AFTER INSERT ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (rowid, name, definition, unit) VALUES (new.rowid, new.name, new.definition, new.unit);
END;
--> statement-breakpoint
CREATE TRIGGER `library_indicators_fts_delete` AFTER DELETE ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (library_indicators_fts, rowid, name, definition, unit) VALUES ('delete', old.rowid, old.name, old.definition, old.unit);
END;
--> statement-breakpoint
CREATE TRIGGER `library_indicators_fts_update` AFTER UPDATE OF name, definition, unit ON `library_indicators` BEGIN
	INSERT INTO `library_indicators_fts` (library_indicators_fts, rowid, name, definition, unit) VALUES ('delete', old.rowid, old.name, old.definition, old.unit);
	INSERT INTO `library_indicators_fts` (rowid, name, definition, unit) VALUES (new.rowid, new.name, new.definition, new.unit);
END;
--> statement-breakpoint
INSERT INTO `library_indicators_fts` (library_indicators_fts) VALUES ('rebuild');--> statement-breakpoint
CREATE TABLE `__new_library_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`published_by` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`source` text DEFAULT 'local' NOT NULL,
	`source_version` integer,
	CONSTRAINT "library_versions_version" CHECK((typeof("version") = 'integer' AND "version" >= 1)),
	CONSTRAINT "library_versions_source_version" CHECK("source_version" IS NULL OR (typeof("source_version") = 'integer' AND "source_version" >= 1))
);
--> statement-breakpoint
INSERT INTO `__new_library_versions`("version", "published_at", "published_by", "note", "source", "source_version") SELECT "version", "published_at", "published_by", "note", "source", "source_version" FROM `library_versions`;--> statement-breakpoint
DROP TABLE `library_versions`;--> statement-breakpoint
ALTER TABLE `__new_library_versions` RENAME TO `library_versions`;--> statement-breakpoint
CREATE TABLE `__new_project_types` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sector` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	CONSTRAINT "project_types_code" CHECK((length("code") BETWEEN 2 AND 12 AND "code" NOT GLOB '*[^0-9A-Z]*')),
	CONSTRAINT "project_types_sector" CHECK("sector" IN ('教育', '卫生健康', '交通运输', '农业农村', '水利', '乡村振兴', '社会保障', '行政运行', '生态环境', '城乡建设', '其他')),
	CONSTRAINT "project_types_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
INSERT INTO `__new_project_types`("id", "version", "updated_at", "deleted", "code", "name", "sector", "description") SELECT "id", "version", "updated_at", "deleted", "code", "name", "sector", "description" FROM `project_types`;--> statement-breakpoint
DROP TABLE `project_types`;--> statement-breakpoint
ALTER TABLE `__new_project_types` RENAME TO `project_types`;--> statement-breakpoint
CREATE UNIQUE INDEX `project_types_code` ON `project_types` (`code`);--> statement-breakpoint
CREATE TABLE `__new_disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`record_count` integer NOT NULL,
	`file_name` text NOT NULL,
	`published_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`published_by` text NOT NULL,
	CONSTRAINT "disclosures_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "disclosures_kind" CHECK("kind" IN ('projectTargets', 'departmentTargets')),
	CONSTRAINT "disclosures_record_count" CHECK((typeof("record_count") = 'integer' AND "record_count" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_disclosures`("id", "year", "kind", "scope", "record_count", "file_name", "published_at", "published_by") SELECT "id", "year", "kind", "scope", "record_count", "file_name", "published_at", "published_by" FROM `disclosures`;--> statement-breakpoint
DROP TABLE `disclosures`;--> statement-breakpoint
ALTER TABLE `__new_disclosures` RENAME TO `disclosures`;--> statement-breakpoint
CREATE TABLE `__new_exchange_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`natural_key` text NOT NULL,
	`record_version` integer NOT NULL,
	`action` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`decided_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`decided_by` text NOT NULL,
	`package_id` text,
	CONSTRAINT "exchange_decisions_action" CHECK("action" IN ('approve', 'return')),
	CONSTRAINT "exchange_decisions_record_version" CHECK((typeof("record_version") = 'integer' AND "record_version" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_decisions`("id", "peer", "entity", "record_id", "natural_key", "record_version", "action", "opinion", "decided_at", "decided_by", "package_id") SELECT "id", "peer", "entity", "record_id", "natural_key", "record_version", "action", "opinion", "decided_at", "decided_by", "package_id" FROM `exchange_decisions`;--> statement-breakpoint
DROP TABLE `exchange_decisions`;--> statement-breakpoint
ALTER TABLE `__new_exchange_decisions` RENAME TO `exchange_decisions`;--> statement-breakpoint
CREATE TABLE `__new_exchange_delivered` (
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`peer`, `entity`, `record_id`),
	CONSTRAINT "exchange_delivered_version" CHECK((typeof("version") = 'integer' AND "version" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_delivered`("peer", "entity", "record_id", "version") SELECT "peer", "entity", "record_id", "version" FROM `exchange_delivered`;--> statement-breakpoint
DROP TABLE `exchange_delivered`;--> statement-breakpoint
ALTER TABLE `__new_exchange_delivered` RENAME TO `exchange_delivered`;--> statement-breakpoint
CREATE TABLE `__new_exchange_identity` (
	`id` integer PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`next_sequence` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "exchange_identity_next_sequence" CHECK((typeof("next_sequence") = 'integer' AND "next_sequence" >= 1))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_identity`("id", "public_key", "fingerprint", "next_sequence", "created_at") SELECT "id", "public_key", "fingerprint", "next_sequence", "created_at" FROM `exchange_identity`;--> statement-breakpoint
DROP TABLE `exchange_identity`;--> statement-breakpoint
ALTER TABLE `__new_exchange_identity` RENAME TO `exchange_identity`;--> statement-breakpoint
CREATE TABLE `__new_exchange_package_records` (
	`package_id` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`package_id`, `entity`, `record_id`),
	FOREIGN KEY (`package_id`) REFERENCES `exchange_packages`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "exchange_package_records_version" CHECK((typeof("version") = 'integer' AND "version" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_package_records`("package_id", "entity", "record_id", "version") SELECT "package_id", "entity", "record_id", "version" FROM `exchange_package_records`;--> statement-breakpoint
DROP TABLE `exchange_package_records`;--> statement-breakpoint
ALTER TABLE `__new_exchange_package_records` RENAME TO `exchange_package_records`;--> statement-breakpoint
CREATE TABLE `__new_exchange_packages` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`kind` text NOT NULL,
	`sender` text NOT NULL,
	`receiver` text NOT NULL,
	`year` integer NOT NULL,
	`stage` text NOT NULL,
	`sequence` integer NOT NULL,
	`created_at` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`state` text NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`acknowledged_at` text,
	`operator` text NOT NULL,
	CONSTRAINT "exchange_packages_direction" CHECK("direction" IN ('out', 'in')),
	CONSTRAINT "exchange_packages_kind" CHECK("kind" IN ('county-report', 'prefecture-reply', 'unit-report', 'county-reply', 'library-update', 'receipt')),
	CONSTRAINT "exchange_packages_sender" CHECK((length("sender") BETWEEN 6 AND 6 AND "sender" NOT GLOB '*[^0-9]*') OR ((length(substr("sender", 1, 6)) BETWEEN 6 AND 6 AND substr("sender", 1, 6) NOT GLOB '*[^0-9]*') AND substr("sender", 7, 1) = '/' AND (length(substr("sender", 8)) BETWEEN 3 AND 20 AND substr("sender", 8) NOT GLOB '*[^0-9A-Za-z]*'))),
	CONSTRAINT "exchange_packages_receiver" CHECK((length("receiver") BETWEEN 6 AND 6 AND "receiver" NOT GLOB '*[^0-9]*') OR ((length(substr("receiver", 1, 6)) BETWEEN 6 AND 6 AND substr("receiver", 1, 6) NOT GLOB '*[^0-9]*') AND substr("receiver", 7, 1) = '/' AND (length(substr("receiver", 8)) BETWEEN 3 AND 20 AND substr("receiver", 8) NOT GLOB '*[^0-9A-Za-z]*'))),
	CONSTRAINT "exchange_packages_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "exchange_packages_sequence" CHECK((typeof("sequence") = 'integer' AND "sequence" >= 1)),
	CONSTRAINT "exchange_packages_state" CHECK("state" IN ('written', 'acknowledged', 'imported')),
	CONSTRAINT "exchange_packages_summary" CHECK(json_valid("summary"))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_packages`("id", "direction", "kind", "sender", "receiver", "year", "stage", "sequence", "created_at", "file_name", "file_sha256", "state", "summary", "recorded_at", "acknowledged_at", "operator") SELECT "id", "direction", "kind", "sender", "receiver", "year", "stage", "sequence", "created_at", "file_name", "file_sha256", "state", "summary", "recorded_at", "acknowledged_at", "operator" FROM `exchange_packages`;--> statement-breakpoint
DROP TABLE `exchange_packages`;--> statement-breakpoint
ALTER TABLE `__new_exchange_packages` RENAME TO `exchange_packages`;--> statement-breakpoint
CREATE TABLE `__new_exchange_peers` (
	`region_code` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`trusted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`trusted_by` text NOT NULL,
	`last_sequence` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "exchange_peers_region_code" CHECK((length("region_code") BETWEEN 6 AND 6 AND "region_code" NOT GLOB '*[^0-9]*') OR ((length(substr("region_code", 1, 6)) BETWEEN 6 AND 6 AND substr("region_code", 1, 6) NOT GLOB '*[^0-9]*') AND substr("region_code", 7, 1) = '/' AND (length(substr("region_code", 8)) BETWEEN 3 AND 20 AND substr("region_code", 8) NOT GLOB '*[^0-9A-Za-z]*'))),
	CONSTRAINT "exchange_peers_last_sequence" CHECK((typeof("last_sequence") = 'integer' AND "last_sequence" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_peers`("region_code", "public_key", "fingerprint", "trusted_at", "trusted_by", "last_sequence") SELECT "region_code", "public_key", "fingerprint", "trusted_at", "trusted_by", "last_sequence" FROM `exchange_peers`;--> statement-breakpoint
DROP TABLE `exchange_peers`;--> statement-breakpoint
ALTER TABLE `__new_exchange_peers` RENAME TO `exchange_peers`;--> statement-breakpoint
CREATE TABLE `__new_exchange_sync` (
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`remote_version` integer NOT NULL,
	`local_version` integer NOT NULL,
	PRIMARY KEY(`peer`, `entity`, `record_id`),
	CONSTRAINT "exchange_sync_remote_version" CHECK((typeof("remote_version") = 'integer' AND "remote_version" >= 0)),
	CONSTRAINT "exchange_sync_local_version" CHECK((typeof("local_version") = 'integer' AND "local_version" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_exchange_sync`("peer", "entity", "record_id", "remote_version", "local_version") SELECT "peer", "entity", "record_id", "remote_version", "local_version" FROM `exchange_sync`;--> statement-breakpoint
DROP TABLE `exchange_sync`;--> statement-breakpoint
ALTER TABLE `__new_exchange_sync` RENAME TO `exchange_sync`;