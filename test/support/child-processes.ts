import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The processes suites start (Redis servers, an S3 server, an OpenID provider, the API and the worker
 * as processes of their own) end with their suite's close. One whose close never ran (a hook that timed
 * out, a worker that ended) would outlive the run: Jest's sandbox gives suites a `process` whose
 * `exit` event never fires, so each start is recorded under the run instead, and the run's teardown
 * ends what is left (global-teardown.ts).
 */

/** Where the run's started processes are recorded, one file per process id. */
function runDirectory(): string | undefined {
  const url = process.env.TEST_RUN_DATABASE_URL;
  return url ? join(tmpdir(), 'test-run-children', new URL(url).pathname.slice(1)) : undefined;
}

/**
 * When a process started, in clock ticks since boot, as Linux shows it: with its id, it tells the
 * process from a later one given the same id (a command line does not: Redis rewrites its own).
 */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which may hold spaces and parentheses: starttime is the 22nd field.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Records a started process until it exits, so that the run's teardown can end it if its suite did not. */
export function recordChild(child: ChildProcess): void {
  const directory = runDirectory();
  const started = child.pid === undefined ? undefined : startTime(child.pid);
  if (!directory || started === undefined) return;
  mkdirSync(directory, { recursive: true });
  const file = join(directory, String(child.pid));
  writeFileSync(file, JSON.stringify({ started, command: child.spawnargs.join(' ') }));
  child.once('exit', () => rmSync(file, { force: true }));
}

/** Ends (SIGKILL) the processes of the run that are still running; answers their command lines. */
export function endLeftChildren(): string[] {
  const directory = runDirectory();
  if (!directory) return [];
  let pids: string[];
  try {
    pids = readdirSync(directory);
  } catch {
    return [];
  }
  const ended: string[] = [];
  for (const pid of pids) {
    const recorded = JSON.parse(readFileSync(join(directory, pid), 'utf8')) as { started: string; command: string };
    if (startTime(Number(pid)) !== recorded.started) continue;
    process.kill(Number(pid), 'SIGKILL');
    ended.push(recorded.command);
  }
  rmSync(directory, { recursive: true, force: true });
  return ended;
}
