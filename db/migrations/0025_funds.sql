CREATE TABLE `fund_allocations` (
	`document_id` text NOT NULL,
	`project_id` text NOT NULL,
	`amount_fen` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `fund_documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_allocations_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_allocations_key` ON `fund_allocations` (`document_id`,`project_id`);--> statement-breakpoint
CREATE INDEX `fund_allocations_project` ON `fund_allocations` (`project_id`);--> statement-breakpoint
CREATE TABLE `fund_documents` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`doc_number` text NOT NULL,
	`level` text NOT NULL,
	`issued_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "fund_documents_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "fund_documents_level" CHECK("level" IN ('中央', '自治区', '地区', '县')),
	CONSTRAINT "fund_documents_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0)),
	CONSTRAINT "fund_documents_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_documents_key` ON `fund_documents` (`region_code`,`year`,`doc_number`);--> statement-breakpoint
CREATE TABLE `fund_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`project_id` text NOT NULL,
	`document_id` text,
	`paid_on` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`payee_type` text NOT NULL,
	`voucher` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `fund_documents`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_payments_payee_type" CHECK("payee_type" IN ('农户', '合作社', '企业', '村集体', '其他')),
	CONSTRAINT "fund_payments_amount_fen" CHECK((typeof("amount_fen") = 'integer' AND "amount_fen" >= 0)),
	CONSTRAINT "fund_payments_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_payments_voucher` ON `fund_payments` (`project_id`,`voucher`);--> statement-breakpoint
CREATE TABLE `fund_projects` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`project_id` text NOT NULL,
	`category` text,
	`households` integer DEFAULT 0 NOT NULL,
	`people` integer DEFAULT 0 NOT NULL,
	`poverty_households` integer DEFAULT 0 NOT NULL,
	`poverty_people` integer DEFAULT 0 NOT NULL,
	`monitored_households` integer DEFAULT 0 NOT NULL,
	`monitored_people` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "fund_projects_category" CHECK("category" IS NULL OR "category" IN ('产业', '基础设施', '就业', '其他')),
	CONSTRAINT "fund_projects_households" CHECK((typeof("households") = 'integer' AND "households" >= 0)),
	CONSTRAINT "fund_projects_people" CHECK((typeof("people") = 'integer' AND "people" >= 0)),
	CONSTRAINT "fund_projects_poverty_households" CHECK((typeof("poverty_households") = 'integer' AND "poverty_households" >= 0)),
	CONSTRAINT "fund_projects_poverty_people" CHECK((typeof("poverty_people") = 'integer' AND "poverty_people" >= 0)),
	CONSTRAINT "fund_projects_monitored_households" CHECK((typeof("monitored_households") = 'integer' AND "monitored_households" >= 0)),
	CONSTRAINT "fund_projects_monitored_people" CHECK((typeof("monitored_people") = 'integer' AND "monitored_people" >= 0)),
	CONSTRAINT "fund_projects_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_projects_project` ON `fund_projects` (`project_id`);