CREATE TABLE `extensions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`pupil_id` integer NOT NULL,
	`due_at` integer,
	`extra_attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`pupil_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `extensions_assignment_pupil` ON `extensions` (`assignment_id`,`pupil_id`);--> statement-breakpoint
CREATE INDEX `extensions_pupil_idx` ON `extensions` (`pupil_id`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `opens_at` integer;