import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from './cli.js';

/**
 * A real one-node Slurm cluster for the job-array tests, from Debian's packages: munged,
 * slurmctld and slurmd started by hand (no systemd), all their files in one temporary folder,
 * on ports of their own, so nothing of the machine's own configuration is read or changed.
 * `stop()` cancels every job, waits for the queue to empty, shuts the daemons down by the PIDs
 * they wrote, and says which processes are left (none, when all went well).
 */

/** The Debian packages, and a program each one installs. */
export const SLURM_PACKAGES: Record<string, string> = { slurmctld: 'slurmctld', slurmd: 'slurmd', 'slurm-client': 'sbatch', munge: 'munged' };
const DAEMONS = ['slurmctld', 'slurmd', 'slurmstepd', 'munged'];

/** Why this machine cannot run the cluster at all, or null. Missing packages are no reason: they get installed. */
export function slurmUnavailableReason(): string | null {
  if (process.platform !== 'linux') return `Slurm needs Linux, this is ${process.platform}`;
  if (process.getuid?.() !== 0) return 'needs root: to install Debian packages and to start slurmd, which runs jobs as the user who submits them';
  return null;
}

function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
  for (const dir of dirs) {
    if (dir === '') continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** Installs the Slurm and munge packages when a program of theirs is missing (as .ci/run does); throws, saying why, when apt-get fails. */
export function ensureSlurmInstalled(): void {
  const missing = Object.entries(SLURM_PACKAGES).filter(([, program]) => findProgram(program) === null).map(([pkg]) => pkg);
  if (missing.length === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { encoding: 'utf8', env, timeout: 300_000 });
    if (r.status !== 0) {
      throw new Error(`apt-get ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}), so Slurm cannot be installed: ${(r.stderr ?? '').trim().slice(-2000)}`);
    }
  }
  const still = Object.entries(SLURM_PACKAGES).filter(([, program]) => findProgram(program) === null);
  if (still.length > 0) throw new Error(`installed ${missing.join(' ')}, yet ${still.map(([, p]) => p).join(', ')} cannot be found`);
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface JobInfo {
  id: string;
  name: string;
  state: string;
  reason: string;
  exitCode: string;
  restarts: number;
  arrayJobId: string | null;
  arrayTaskId: string | null;
}

export interface SlurmCluster {
  /** The temporary folder that holds the configuration, the daemons' state and logs. */
  dir: string;
  /** The environment Slurm's commands (and so the jobs, which inherit it) need: SLURM_CONF, and node on PATH. */
  env: NodeJS.ProcessEnv;
  /** Runs a Slurm command against this cluster. */
  run(command: string, args: string[], options?: { cwd?: string; env?: Record<string, string> }): CommandResult;
  /** Every job slurmctld still knows (finished ones included: MinJobAge keeps them). */
  jobs(): JobInfo[];
  /** Cancels every job and waits until the queue is empty. */
  cancelAll(): void;
  /** Waits until no job is pending or running; throws after `timeoutMs`, naming what is left. */
  waitForEmptyQueue(timeoutMs: number): void;
  /** Stops every job and daemon it started; returns the processes still alive afterwards (should be none). Safe to call twice. */
  stop(): string[];
}

export function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a process runs (a zombie, dead but not yet reaped by whoever adopted the daemon, does not). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** PIDs of the Slurm and munge daemons running now (zombies left out), with their names. */
function daemonProcesses(): Map<number, string> {
  const out = new Map<number, string>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (DAEMONS.includes(comm) && alive(Number(entry))) out.set(Number(entry), comm);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** PIDs of processes whose environment names this cluster's configuration: its jobs and anything they started. */
function processesOf(conf: string): Map<number, string> {
  const out = new Map<number, string>();
  const needle = `SLURM_CONF=${conf}\0`;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/environ`, 'latin1').includes(needle)) {
        out.set(Number(entry), fs.readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ').trim());
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

function waitUntil(done: () => boolean, timeoutMs: number, stepMs = 100): boolean {
  const t0 = Date.now();
  while (!done()) {
    if (Date.now() - t0 > timeoutMs) return false;
    sleepSync(stepMs);
  }
  return true;
}

function tail(file: string, chars = 3000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.slice(-chars);
  } catch {
    return '(no file)';
  }
}

/** Parses `scontrol show job -o`: one line of key=value fields per job. */
export function parseJobs(text: string): JobInfo[] {
  const field = (line: string, key: string) => new RegExp(`(?:^| )${key}=(\\S*)`).exec(line)?.[1] ?? '';
  return text
    .split('\n')
    .filter((line) => line.startsWith('JobId='))
    .map((line) => ({
      id: field(line, 'JobId'),
      name: field(line, 'JobName'),
      state: field(line, 'JobState'),
      reason: field(line, 'Reason'),
      exitCode: field(line, 'ExitCode'),
      restarts: Number(field(line, 'Restarts') || 0),
      arrayJobId: field(line, 'ArrayJobId') || null,
      arrayTaskId: field(line, 'ArrayTaskId') || null,
    }));
}

/**
 * Starts munged, slurmctld and slurmd with a one-node configuration in a new temporary folder.
 * The settings are the ones found to work here (issue 18): clients find the configuration only
 * through SLURM_CONF; the node is "localhost" at 127.0.0.1 whatever the machine's name;
 * sched_interval=1 schedules every second; kill_invalid_depend cancels a job whose dependency
 * failed; MinJobAge keeps finished jobs visible, since there is no accounting; cred_expire
 * (the credential lifetime, which is also how long Slurm holds a requeued job) is cut from 120 s
 * to a few seconds.
 */
export async function startCluster(): Promise<SlurmCluster> {
  const before = daemonProcesses();
  const dir = tempDir('slurm');
  fs.chmodSync(dir, 0o755); // munged wants the folder of its socket searchable by everyone
  const p = (name: string) => path.join(dir, name);
  for (const sub of ['state', 'spool', 'log']) fs.mkdirSync(p(sub));
  const conf = p('slurm.conf');
  const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
  fs.writeFileSync(p('munge.key'), crypto.randomBytes(1024), { mode: 0o600 });
  fs.writeFileSync(
    conf,
    [
      'ClusterName=labelsim-test',
      'SlurmctldHost=localhost',
      `SlurmctldPort=${ctldPort}`,
      `SlurmdPort=${slurmdPort}`,
      'SlurmUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${p('munge.socket')},cred_expire=5`,
      `StateSaveLocation=${p('state')}`,
      `SlurmdSpoolDir=${p('spool')}`,
      `SlurmctldPidFile=${p('slurmctld.pid')}`,
      `SlurmdPidFile=${p('slurmd.pid')}`,
      `SlurmctldLogFile=${p('log/slurmctld.log')}`,
      `SlurmdLogFile=${p('log/slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'AccountingStorageType=accounting_storage/none',
      'JobCompType=jobcomp/none',
      'JobAcctGatherType=jobacct_gather/none',
      'MailProg=/bin/true',
      'MpiDefault=none',
      'SchedulerParameters=sched_interval=1',
      'DependencyParameters=kill_invalid_depend',
      'MinJobAge=600',
      'KillWait=5',
      'ReturnToService=2',
      // Two CPUs whatever the machine has: two tasks run at once.
      'SlurmdParameters=config_overrides',
      'NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=4000 State=UNKNOWN',
      'PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
  const run = (command: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CommandResult => {
    const r: SpawnSyncReturns<string> = spawnSync(command, args, { encoding: 'utf8', cwd: options.cwd ?? dir, env: { ...env, ...options.env }, timeout: 30_000 });
    return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error === undefined ? '' : String(r.error)) };
  };
  const logs = () => ['munged.log', 'log/slurmctld.log', 'log/slurmd.log'].map((f) => `--- ${f}:\n${tail(p(f))}`).join('\n');
  const must = (command: string, args: string[]) => {
    const r = run(command, args);
    if (r.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.code}): ${r.stderr.trim()}\n${logs()}`);
    return r;
  };

  let stopped = false;
  const jobs = () => {
    const r = run('scontrol', ['show', 'job', '-o']);
    return r.code === 0 ? parseJobs(r.stdout) : [];
  };
  const queued = () => run('squeue', ['--noheader', '--format=%i %T']).stdout.trim();
  const waitForEmptyQueue = (timeoutMs: number) => {
    if (!waitUntil(() => queued() === '', timeoutMs, 200)) throw new Error(`jobs still queued after ${timeoutMs / 1000} s:\n${queued()}`);
  };
  const cancelJobs = () => {
    const ids = run('squeue', ['--noheader', '--format=%A']).stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    if (ids.length > 0) run('scancel', ids);
    waitForEmptyQueue(30_000);
  };
  const cancelAll = () => {
    if (!stopped) cancelJobs(); // once stopped there is no controller to ask (a client would retry for seconds)
  };
  const stop = (): string[] => {
    if (!stopped) {
      stopped = true;
      const ctld = readPid(p('slurmctld.pid'));
      if (ctld !== null && alive(ctld)) {
        // slurmctld shut down with a job running leaves slurmstepd and the job alive: empty the queue first.
        try {
          cancelJobs();
        } catch {
          // what is left is killed below
        }
        run('scontrol', ['shutdown']);
      }
      for (const pidFile of ['slurmctld.pid', 'slurmd.pid', 'munged.pid']) {
        const pid = readPid(p(pidFile));
        if (pid === null || !alive(pid)) continue;
        if (pidFile === 'munged.pid') process.kill(pid, 'SIGTERM');
        if (!waitUntil(() => !alive(pid), 10_000)) process.kill(pid, 'SIGKILL');
      }
      // Anything of the cluster still alive (a job step, a job's process) is killed.
      for (const pid of [...processesOf(conf).keys(), ...[...daemonProcesses().keys()].filter((pid) => !before.has(pid))]) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      waitUntil(() => processesOf(conf).size === 0, 5_000);
      process.off('exit', onExit);
    }
    const left = [...processesOf(conf)].map(([pid, cmd]) => `${pid} ${cmd}`);
    for (const [pid, name] of daemonProcesses()) if (!before.has(pid)) left.push(`${pid} ${name}`);
    return [...new Set(left)];
  };
  // The last resort when the test process ends without afterAll (a crash, process.exit).
  const onExit = () => void stop();
  process.on('exit', onExit);

  try {
    must('munged', [`--key-file=${p('munge.key')}`, `--socket=${p('munge.socket')}`, `--pid-file=${p('munged.pid')}`, `--log-file=${p('munged.log')}`, `--seed-file=${p('munged.seed')}`]);
    must('slurmctld', []);
    must('slurmd', ['-N', 'localhost']);
    const up = waitUntil(() => /^idle/m.test(run('sinfo', ['--noheader', '--format=%T']).stdout), 30_000, 200);
    if (!up) throw new Error(`the node did not come up within 30 s: sinfo says ${JSON.stringify(run('sinfo', ['--noheader']).stdout.trim())}\n${logs()}`);
  } catch (err) {
    stop();
    throw err;
  }
  return { dir, env, run, jobs, cancelAll, waitForEmptyQueue, stop };
}
