CREATE TABLE `monitoring_round_lights` (
	`round_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`red` integer NOT NULL,
	`yellow` integer NOT NULL,
	`green` integer NOT NULL,
	`blue` integer NOT NULL,
	`none` integer NOT NULL,
	`unreported` integer NOT NULL,
	`adjusted_fen` integer NOT NULL,
	`executed_fen` integer NOT NULL,
	`computed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `monitoring_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "monitoring_round_lights_rules" CHECK(json_valid("rules")),
	CONSTRAINT "monitoring_round_lights_adjusted_fen" CHECK((typeof("adjusted_fen") = 'integer' AND "adjusted_fen" >= 0)),
	CONSTRAINT "monitoring_round_lights_executed_fen" CHECK((typeof("executed_fen") = 'integer' AND "executed_fen" >= 0))
);
