// `npm run bench`: builds workspaces in temp dirs and prints one JSON object of figures on stdout.
// Each domain adds its figures in its own module under electron/scripts/bench/ and one line below.
import '../requireNode22';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBackup } from './bench/backup';
import { benchFoundation } from './bench/foundation';
import { benchImmigration } from './bench/immigration';
import { benchLanguage } from './bench/language';
import { benchNetwork } from './bench/network';
import { benchPlan } from './bench/plan';
import { benchCasefile } from './bench/casefile';
import { benchScale } from './bench/scale';

export type Figures = Record<string, number | string>;

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wb-bench-'));
  const figures: Figures = {};
  try {
    const parts: [string, (dir: string) => Promise<Figures>][] = [
      ['foundation', benchFoundation],
      ['plan', benchPlan],
      ['immigration', benchImmigration],
      ['language', benchLanguage],
      ['network', benchNetwork],
      ['backup', benchBackup],
      ['casefile', benchCasefile],
      ['scale', benchScale],
    ];
    // WERKBRUECKE_BENCH_ONLY=plan,language runs only those parts (for a quick look at one domain's figures).
    const only = process.env.WERKBRUECKE_BENCH_ONLY?.split(',');
    for (const [name, run] of parts) {
      if (only && !only.includes(name)) continue;
      const dir = path.join(tmp, name);
      fs.mkdirSync(dir);
      Object.assign(figures, await run(dir));
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(JSON.stringify(figures, null, 2));
}

void main();
