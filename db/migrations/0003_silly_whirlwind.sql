CREATE TABLE `authored_lessons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`owner_id` integer NOT NULL,
	`draft` text NOT NULL,
	`title` text NOT NULL,
	`language` text NOT NULL,
	`grade_band` text NOT NULL,
	`search_text` text NOT NULL,
	`published_version_id` integer,
	`dirty` integer DEFAULT true NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`withdrawn_at` integer,
	`copied_from` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `teachers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_version_id`) REFERENCES `lesson_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authored_lessons_slug_unique` ON `authored_lessons` (`slug`);--> statement-breakpoint
CREATE INDEX `authored_lessons_owner_idx` ON `authored_lessons` (`owner_id`);