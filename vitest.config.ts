import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Real Argon2 and real SQLCipher make some tests take seconds; two cores run them best in two workers.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    setupFiles: ['tests/support/fast-check-seed.ts'],
  },
});
