// A write the app acknowledged survives a crash: browser mode killed with SIGKILL while writes are in flight,
// five times over, loses none of them; each restart takes over the dead process's lock.
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../electron/server/http';
import { ensureBuilt, startServe, tempDir, traineeInput } from './helpers';

beforeAll(ensureBuilt, 120_000);

async function api(port: number, token: string, name: string, input: unknown) {
  const r = await fetch(`http://127.0.0.1:${port}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(input) });
  return (await r.json()) as { ok: boolean; data: unknown };
}

describe('durability', () => {
  it('keeps every acknowledged write through five kill -9 during writes', async () => {
    const dir = tempDir();
    const acknowledged: string[] = [];
    for (let round = 0; round < 5; round++) {
      const s = await startServe(dir);
      for (let i = 0; i < 8 + round; i++) {
        const name = `R${round}N${i}`;
        const r = await api(s.port, s.token, 'trainees.create', traineeInput({ lastName: name }));
        expect(r.ok).toBe(true);
        acknowledged.push(name);
      }
      // Two more writes in flight, never acknowledged, and then the process dies without any chance to clean up.
      const inFlight = [0, 1].map((i) => api(s.port, s.token, 'trainees.create', traineeInput({ lastName: `R${round}X${i}` })).catch(() => null));
      s.proc.kill('SIGKILL');
      await s.stop();
      await Promise.all(inFlight);
    }
    const s = await startServe(dir);
    const list = ((await api(s.port, s.token, 'trainees.list', {})).data as { items: { lastName: string }[] }).items;
    const names = new Set(list.map((t) => t.lastName));
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
    const check = await api(s.port, s.token, 'system.info', {});
    expect(check.ok).toBe(true);
    await s.stop();
  });
});
