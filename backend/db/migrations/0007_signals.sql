CREATE TABLE "integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_seen_at" timestamp with time zone,
	CONSTRAINT "integrations_name_present" CHECK (length(trim("integrations"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "signal_counts" (
	"integration_id" uuid NOT NULL,
	"day" date NOT NULL,
	"outcome" text NOT NULL,
	"slot" integer DEFAULT 0 NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "signal_counts_integration_id_day_outcome_slot_pk" PRIMARY KEY("integration_id","day","outcome","slot")
);
--> statement-breakpoint
CREATE TABLE "signals" (
	"integration_id" uuid NOT NULL,
	"signal_id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"event_date" date,
	"confidence" real NOT NULL,
	"evidence" text NOT NULL,
	"alert_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "signals_integration_id_signal_id_pk" PRIMARY KEY("integration_id","signal_id")
);
--> statement-breakpoint
ALTER TABLE "manufacturer_documents" DROP CONSTRAINT "manufacturer_documents_kind";--> statement-breakpoint
ALTER TABLE "signal_counts" ADD CONSTRAINT "signal_counts_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals" ADD CONSTRAINT "signals_integration_id_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integrations_token_hash" ON "integrations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "signals_client" ON "signals" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "manufacturer_documents" ADD CONSTRAINT "manufacturer_documents_kind" CHECK ("manufacturer_documents"."kind" IN ('catalogue', 'value_tiers', 'rule_set', 'propensities', 'alert_rules'));