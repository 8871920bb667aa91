CREATE TABLE `exchange_decisions_received` (
	`id` text PRIMARY KEY NOT NULL,
	`peer` text NOT NULL,
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`record_version` integer NOT NULL,
	`action` text NOT NULL,
	`opinion` text DEFAULT '' NOT NULL,
	`decided_at` text NOT NULL,
	`decided_by` text NOT NULL,
	`received_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "exchange_decisions_received_action" CHECK("action" IN ('approve', 'return')),
	CONSTRAINT "exchange_decisions_received_record_version" CHECK((typeof("record_version") = 'integer' AND "record_version" >= 0)),
	CONSTRAINT "exchange_decisions_received_peer" CHECK((length("peer") BETWEEN 6 AND 6 AND "peer" NOT GLOB '*[^0-9]*') OR ((length(substr("peer", 1, 6)) BETWEEN 6 AND 6 AND substr("peer", 1, 6) NOT GLOB '*[^0-9]*') AND substr("peer", 7, 1) = '/' AND (length(substr("peer", 8)) BETWEEN 3 AND 20 AND substr("peer", 8) NOT GLOB '*[^0-9A-Za-z]*')))
);
--> statement-breakpoint
CREATE INDEX `exchange_decisions_received_record` ON `exchange_decisions_received` (`record_id`,`entity`,`decided_at`);--> statement-breakpoint
CREATE TABLE `exchange_issued` (
	`entity` text NOT NULL,
	`record_id` text NOT NULL,
	`issuer` text NOT NULL,
	`recorded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	PRIMARY KEY(`entity`, `record_id`),
	CONSTRAINT "exchange_issued_issuer" CHECK((length("issuer") BETWEEN 6 AND 6 AND "issuer" NOT GLOB '*[^0-9]*') OR ((length(substr("issuer", 1, 6)) BETWEEN 6 AND 6 AND substr("issuer", 1, 6) NOT GLOB '*[^0-9]*') AND substr("issuer", 7, 1) = '/' AND (length(substr("issuer", 8)) BETWEEN 3 AND 20 AND substr("issuer", 8) NOT GLOB '*[^0-9A-Za-z]*')))
);
--> statement-breakpoint
CREATE INDEX `exchange_issued_issuer` ON `exchange_issued` (`issuer`,`entity`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`region_code` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`issued_on` text NOT NULL,
	`issued_by_name` text NOT NULL,
	`read_at` text,
	`read_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	CONSTRAINT "notices_year" CHECK(typeof("year") = 'integer' AND "year" BETWEEN 2000 AND 2100),
	CONSTRAINT "notices_issued_on" CHECK("issued_on" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
	CONSTRAINT "notices_read" CHECK(("read_at" IS NULL) = ("read_by" IS NULL)),
	CONSTRAINT "notices_deleted" CHECK("deleted" IN (0, 1))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_key` ON `notices` (`region_code`,`year`,`seq`);