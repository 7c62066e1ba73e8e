PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`prompt_id` text NOT NULL,
	`author_id` integer,
	`parent_id` integer,
	`body` text NOT NULL,
	`claim` text,
	`evidence` text,
	`reasoning` text,
	`hidden` integer DEFAULT false NOT NULL,
	`exemplary` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`edited_at` integer,
	`deleted_at` integer,
	`parent_author_seen_at` integer,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `pupils`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_posts`("id", "assignment_id", "prompt_id", "author_id", "parent_id", "body", "claim", "evidence", "reasoning", "hidden", "exemplary", "created_at", "edited_at", "deleted_at") SELECT "id", "assignment_id", "prompt_id", "author_id", "parent_id", "body", "claim", "evidence", "reasoning", "hidden", "exemplary", "created_at", "edited_at", "deleted_at" FROM `posts`;--> statement-breakpoint
DROP TABLE `posts`;--> statement-breakpoint
ALTER TABLE `__new_posts` RENAME TO `posts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `posts_assignment_prompt_idx` ON `posts` (`assignment_id`,`prompt_id`);--> statement-breakpoint
CREATE INDEX `posts_author_idx` ON `posts` (`author_id`);--> statement-breakpoint
CREATE INDEX `posts_parent_idx` ON `posts` (`parent_id`);--> statement-breakpoint
ALTER TABLE `teachers` ADD `dashboard_visit_at` integer;--> statement-breakpoint
ALTER TABLE `teachers` ADD `news_since` integer;