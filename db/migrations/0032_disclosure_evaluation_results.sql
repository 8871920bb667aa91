PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	CONSTRAINT "disclosures_kind" CHECK("kind" IN ('projectTargets', 'departmentTargets', 'selfEvaluations', 'evaluations')),
	CONSTRAINT "disclosures_record_count" CHECK((typeof("record_count") = 'integer' AND "record_count" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_disclosures`("id", "year", "kind", "scope", "record_count", "file_name", "published_at", "published_by") SELECT "id", "year", "kind", "scope", "record_count", "file_name", "published_at", "published_by" FROM `disclosures`;--> statement-breakpoint
DROP TABLE `disclosures`;--> statement-breakpoint
ALTER TABLE `__new_disclosures` RENAME TO `disclosures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;