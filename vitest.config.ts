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
    testTimeout: 30000,
    hookTimeout: 30000,
    pool: 'forks',
  },
});
