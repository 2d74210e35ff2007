import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Real encrypted SQLite files and real servers: give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
