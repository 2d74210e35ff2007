CREATE TABLE "erased_clients" (
	"client_id" uuid PRIMARY KEY NOT NULL,
	"erased_at" timestamp with time zone NOT NULL
);
