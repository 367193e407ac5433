import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './async';
import { recordChild } from './child-processes';
import { askServer, killAndWait } from './redis-server';

const run = promisify(execFile);

/** Runs a command; a failure carries what it printed. */
async function runCli(command: string, args: string[], options: { timeout: number }): Promise<void> {
  try {
    await run(command, args, options);
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`);
  }
}

/** Ports of the cluster tests: nodes from here, their cluster bus 50 above (both within 46000–46099). */
export const CLUSTER_BASE_PORT = Number(process.env.REDIS_CLUSTER_TEST_PORT ?? 46000);
const BUS_OFFSET = 50;

interface ClusterNode {
  port: number;
  process: ChildProcess;
}

/** Polls until the condition holds; throws, naming what was awaited, when the time is up. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  if (!(await eventually(condition, Boolean, timeoutMs))) throw new Error(`${what} not within ${timeoutMs} ms`);
}

/** Stops a redis-server answering on the port, if any, and waits until the port is free. */
async function shutDownLeftover(port: number): Promise<void> {
  const answers = () => askServer(port, async (c) => (await c.ping()) === 'PONG').catch(() => false);
  if (!(await answers())) return;
  await askServer(port, (c) => c.shutdown('NOSAVE')).catch(() => undefined);
  await until(async () => !(await answers()), `the leftover redis-server on ${port} to stop`, 10_000);
}

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

/**
 * A Redis Cluster of three masters with one replica each: six redis-server processes on loopback ports,
 * each in a temporary directory, joined by `redis-cli --cluster create`. `start` tears down what it
 * started when it fails; `stop` kills every process left and removes the directories.
 */
export class RedisClusterServers {
  private readonly nodes: ClusterNode[] = [];
  private readonly killed = new Set<number>();

  private constructor(
    private readonly dir: string,
    readonly ports: number[],
  ) {}

  static async start(basePort = CLUSTER_BASE_PORT): Promise<RedisClusterServers> {
    const dir = await mkdtemp(join(tmpdir(), 'redis-cluster-'));
    const cluster = new RedisClusterServers(
      dir,
      Array.from({ length: 6 }, (_, i) => basePort + i),
    );
    try {
      // The ports are this suite's own: a server still on one is left over from a run that was killed.
      await Promise.all(cluster.ports.map((port) => shutDownLeftover(port)));
      for (const port of cluster.ports) cluster.nodes.push(await cluster.spawnNode(port));
      const answers = (port: number) => askServer(port, async (c) => (await c.ping()) === 'PONG').catch(() => false);
      await Promise.all(cluster.ports.map((port) => until(() => answers(port), `redis-server on ${port}`, 10_000)));
      await runCli(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...cluster.ports.map((p) => `127.0.0.1:${p}`),
          '--cluster-replicas',
          '1',
          '--cluster-yes',
        ],
        { timeout: 30_000 },
      );
      await cluster.untilHealthy();
      return cluster;
    } catch (error) {
      await cluster.stop();
      throw error;
    }
  }

  /** `redis+cluster://` with every node, as REDIS_URL. */
  get url(): string {
    return `redis+cluster://${this.ports.map((p) => `127.0.0.1:${p}`).join(',')}`;
  }

  private async spawnNode(port: number): Promise<ClusterNode> {
    const nodeDir = await mkdtemp(join(this.dir, `${port}-`));
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        nodeDir,
        '--cluster-enabled',
        'yes',
        '--cluster-port',
        String(port + BUS_OFFSET),
        '--cluster-config-file',
        'nodes.conf',
        // A master that does not answer for a second is failed over to its replica.
        '--cluster-node-timeout',
        '1000',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    child.on('error', () => undefined);
    recordChild(child);
    return { port, process: child };
  }

  /** Every live node sees cluster_state:ok, and every live replica is in sync with its master. */
  async untilHealthy(timeoutMs = 30_000): Promise<void> {
    const live = this.ports.filter((port) => !this.killed.has(port));
    const healthy = async () => {
      for (const port of live) {
        const ok = await askServer(port, async (client) => {
          if (infoField(await client.cluster('INFO'), 'cluster_state') !== 'ok') return false;
          const replication = await client.info('replication');
          return infoField(replication, 'role') === 'master' || infoField(replication, 'master_link_status') === 'up';
        }).catch(() => false);
        if (!ok) return false;
      }
      return true;
    };
    await until(healthy, 'cluster_state:ok on every node', timeoutMs);
  }

  /** The port of the master serving the slot of `key` (its hash tag), as a live node sees it. */
  async masterOf(key: string): Promise<number> {
    const port = this.ports.find((p) => !this.killed.has(p)) ?? this.ports[0];
    return askServer(port, async (client) => {
      const slot = Number(await client.cluster('KEYSLOT', key));
      const ranges = await client.cluster('SLOTS');
      const range = ranges.find(([from, to]) => slot >= from && slot <= to);
      if (!range) throw new Error(`no master serves slot ${slot}`);
      return Number(range[2][1]);
    });
  }

  /** Kills the node (SIGKILL: a crash) and waits until it has exited. */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    this.killed.add(port);
    if (node) await killed(node.process);
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.splice(0).map((node) => killed(node.process)));
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A process that never started (no redis-server on the PATH) has nothing to kill. */
async function killed(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined) await killAndWait(child);
}
