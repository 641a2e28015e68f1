import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds in the end-to-end tests take several seconds each on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
