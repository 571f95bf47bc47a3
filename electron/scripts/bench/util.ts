import { performance } from 'node:perf_hooks';

/** Median of `runs` timings of fn (after `warmup` untimed runs), in ms with 3 decimals. */
export async function median(fn: () => unknown, runs = 21, warmup = 3): Promise<number> {
  return (await medianAndBest(fn, runs, warmup)).median;
}

/** Median and best of `runs` timings (other processes on a shared machine only ever add time). */
export async function medianAndBest(fn: () => unknown, runs = 21, warmup = 3): Promise<{ median: number; best: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const ms = (t: number) => Math.round(t * 1000) / 1000;
  return { median: ms(times[Math.floor(times.length / 2)]!), best: ms(times[0]!) };
}

export const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * Median CPU time of `runs` calls of a synchronous fn (user + system, process.cpuUsage), in ms: on a machine shared
 * with other work, wall time also counts the time spent waiting for a core; CPU time mostly does not.
 */
export function medianCpu(fn: () => unknown, runs = 21, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 1000) / 1000;
}
