CREATE TABLE `assignment_live` (
	`assignment_id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `answers` ADD `change_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `answers_attempt_change_idx` ON `answers` (`attempt_id`,`change_seq`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `closed_at` integer;--> statement-breakpoint
ALTER TABLE `attempts` ADD `submitted_by_close` integer DEFAULT false NOT NULL;