CREATE TABLE "advice_disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"user_id" uuid,
	"disclosed_by_name" text NOT NULL,
	"disclosed_to" text NOT NULL,
	"note" text,
	"disclosed_at" timestamp with time zone NOT NULL,
	"via" text NOT NULL,
	CONSTRAINT "advice_disclosures_to" CHECK ("advice_disclosures"."disclosed_to" IN ('client', 'authority')),
	CONSTRAINT "advice_disclosures_via" CHECK ("advice_disclosures"."via" IN ('device', 'command'))
);
--> statement-breakpoint
CREATE TABLE "restricted_advice_records" (
	"id" text PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"record_version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"previous_hash" text,
	"meeting_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"delivered_at" timestamp with time zone,
	"delivery_channel" text,
	"restricted_at" timestamp with time zone NOT NULL,
	"retain_until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "advice_disclosures_record" ON "advice_disclosures" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "restricted_advice_client" ON "restricted_advice_records" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "restricted_advice_retain_until" ON "restricted_advice_records" USING btree ("retain_until");