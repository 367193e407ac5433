import { readFileSync, readdirSync } from 'node:fs';

/** What the benches read of processes from /proc (Linux). */

/** USER_HZ of /proc/<pid>/stat on Linux. */
const TICK_MS = 10;

/** A process's memory from /proc (kB → MiB): VmRSS now, VmHWM the peak since it started. */
export function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/**
 * Samples VmRSS while work goes on; VmHWM catches what falls between samples. A process that ended
 * meanwhile is sampled no more: whoever waits for its work says so, with its log.
 */
export function sampleRss(pid: number): { stop: () => number } {
  let highest = 0;
  const timer = setInterval(() => {
    try {
      highest = Math.max(highest, memory(pid).rss);
    } catch {
      clearInterval(timer);
    }
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(highest, memory(pid).rss);
    },
  };
}

/**
 * CPU used so far (ms) by each server process of the database, from /proc: the server runs on this
 * host, and the statements of a scoring run are not parallel (data-modifying), so this is all of it.
 */
export function serverCpu(database: string, except: number[]): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.includes(` ${database} `) || except.includes(Number(entry)))
        continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      found.set(Number(entry), (Number(fields[11]) + Number(fields[12])) * TICK_MS);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/** Sums the server CPU that the database's other connections use from now on, sampling those that may close. */
export function trackServerCpu(database: string, except: number[]): { stop: () => number } {
  const first = serverCpu(database, except);
  const last = new Map(first);
  const sample = () => serverCpu(database, except).forEach((ms, pid) => last.set(pid, ms));
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return [...last].reduce((sum, [pid, ms]) => sum + ms - (first.get(pid) ?? 0), 0);
    },
  };
}
