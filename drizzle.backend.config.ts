// Migrations of the manufacturer's backend (PostgreSQL), apart from the
// workstation's own SQLite migrations (drizzle.config.ts).
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './backend/db/schema.ts',
  out: './backend/db/migrations',
});
