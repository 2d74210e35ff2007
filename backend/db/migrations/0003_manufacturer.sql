CREATE TABLE "manufacturer_documents" (
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"body" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "manufacturer_documents_kind_version_pk" PRIMARY KEY("kind","version"),
	CONSTRAINT "manufacturer_documents_kind" CHECK ("manufacturer_documents"."kind" IN ('catalogue', 'value_tiers', 'rule_set')),
	CONSTRAINT "manufacturer_documents_version" CHECK ("manufacturer_documents"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "price_range_publications" (
	"version" integer PRIMARY KEY NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_range_publications_version" CHECK ("price_range_publications"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "price_ranges" (
	"retailer_id" text NOT NULL,
	"product_id" text NOT NULL,
	"proposed" numeric NOT NULL,
	"floor" numeric NOT NULL,
	"ceiling" numeric NOT NULL,
	"valid_until" date NOT NULL,
	"version" integer NOT NULL,
	CONSTRAINT "price_ranges_version_retailer_id_product_id_pk" PRIMARY KEY("version","retailer_id","product_id"),
	CONSTRAINT "price_ranges_within" CHECK ("price_ranges"."floor" <= "price_ranges"."proposed" AND "price_ranges"."proposed" <= "price_ranges"."ceiling")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "retailer_id" text;--> statement-breakpoint
ALTER TABLE "price_ranges" ADD CONSTRAINT "price_ranges_version_price_range_publications_version_fk" FOREIGN KEY ("version") REFERENCES "public"."price_range_publications"("version") ON DELETE cascade ON UPDATE no action;