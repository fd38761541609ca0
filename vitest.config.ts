import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/build-once.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
