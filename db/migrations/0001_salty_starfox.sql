ALTER TABLE `posts` ADD `parent_author_seen_at` integer;--> statement-breakpoint
ALTER TABLE `teachers` ADD `dashboard_visit_at` integer;--> statement-breakpoint
ALTER TABLE `teachers` ADD `news_since` integer;