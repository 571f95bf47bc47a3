import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [
    {
      name: 'sql-text',
      enforce: 'pre',
      load(id) {
        if (id.endsWith('.sql')) return `export default ${JSON.stringify(fs.readFileSync(id, 'utf8'))};`;
      },
    },
  ],
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Generous: the suite must pass on a busy 2-core machine, where one CLI spawn can take seconds.
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'forks',
  },
});
