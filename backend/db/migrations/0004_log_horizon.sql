CREATE TABLE "change_log_horizon" (
	"id" integer PRIMARY KEY NOT NULL,
	"xid" "xid8" NOT NULL,
	"seq" bigint NOT NULL,
	"trimmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "change_log_horizon_one_row" CHECK ("change_log_horizon"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "change_log" ADD COLUMN "at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "change_log_at" ON "change_log" USING btree ("at");