CREATE TABLE "change_log" (
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"seq" bigserial NOT NULL,
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"client_id" uuid NOT NULL,
	CONSTRAINT "change_log_xid_seq_pk" PRIMARY KEY("xid","seq")
);
--> statement-breakpoint
CREATE TABLE "mutation_results" (
	"device_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"code" text,
	"message" text,
	"processed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mutation_results_device_id_seq_pk" PRIMARY KEY("device_id","seq"),
	CONSTRAINT "mutation_results_status" CHECK ("mutation_results"."status" IN ('applied', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "records" (
	"entity" text NOT NULL,
	"id" text NOT NULL,
	"client_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"stamps" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_entity_id_pk" PRIMARY KEY("entity","id")
);
--> statement-breakpoint
ALTER TABLE "mutation_results" ADD CONSTRAINT "mutation_results_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "records_client" ON "records" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "records_id" ON "records" USING btree ("id");