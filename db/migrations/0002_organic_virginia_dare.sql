ALTER TABLE `post_feedback` ADD `claim_level` text;--> statement-breakpoint
ALTER TABLE `post_feedback` ADD `evidence_level` text;--> statement-breakpoint
ALTER TABLE `post_feedback` ADD `reasoning_level` text;