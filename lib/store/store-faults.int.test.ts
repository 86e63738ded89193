// A data directory that turns read-only under a running Redlens (ext4 remounting itself read-only
// after an error, errors=remount-ro): the process survives, reads answer, writes fail with a
// logged store fault. Needs root (loop mount); skipped with a message otherwise.
// Why not `mount -o remount,ro` on a tmpfs: Linux refuses it (EBUSY) while a file on it is open
// for writing, and the store always is; an ext4 error is how a disk really turns read-only.
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHILD = path.join(import.meta.dirname, '../../test/children/store-fault.mjs');

function canLoopMount(): string | null {
  if (process.getuid?.() !== 0) return 'not root';
  for (const tool of ['mkfs.ext4', 'losetup', 'mount']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing`;
    }
  }
  return null;
}

const whyNot = canLoopMount();
if (whyNot) console.warn(`[store-faults] skipped: a loop-mounted ext4 data directory needs root and e2fsprogs (${whyNot})`);

interface Reply {
  ok?: boolean;
  code?: string;
  rows?: number;
  problem?: string;
  thrown?: string;
}

class StoreChild {
  private next = 0;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly process: ChildProcess) {
    process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    process.on('message', (message: { id?: number; reply?: Reply }) => {
      if (message.id !== undefined) this.waiting.get(message.id)?.(message.reply ?? {});
    });
    this.exited = new Promise((resolve) => process.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(dataDir: string): Promise<StoreChild> {
    const child = new StoreChild(fork(CHILD, [dataDir], { stdio: ['ignore', 'inherit', 'pipe', 'ipc'] }));
    await new Promise<void>((resolve, reject) => {
      child.process.once('message', () => resolve());
      child.process.once('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}): ${child.stderr}`)));
    });
    return child;
  }

  ask(op: 'write' | 'read' | 'status' | 'check'): Promise<Reply> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${op}: ${this.stderr}`)), 5_000);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(reply);
      });
      this.process.send({ id, op });
    });
  }
}

describe.skipIf(whyNot !== null)('a data directory that turns read-only while Redlens runs', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'redlens-store-faults-'));
  const image = path.join(work, 'disk.ext4');
  const mountPoint = path.join(work, 'mnt');
  const dataDir = path.join(mountPoint, 'data');
  let loopDevice = '';
  let child: StoreChild;

  beforeAll(async () => {
    writeFileSync(image, '');
    execFileSync('truncate', ['-s', '32M', image]);
    execFileSync('mkfs.ext4', ['-q', '-F', image]);
    mkdirSync(mountPoint);
    execFileSync('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
    loopDevice = path.basename(execFileSync('findmnt', ['-n', '-o', 'SOURCE', mountPoint], { encoding: 'utf8' }).trim());
    child = await StoreChild.start(dataDir);
  });

  afterAll(async () => {
    if (child && child.process.exitCode === null && child.process.signalCode === null) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    if (existsSync(mountPoint)) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps the WAL index off the disk: no -shm file to mmap', async () => {
    expect(await child.ask('write')).toEqual({ ok: true });
    expect(readdirSync(dataDir).sort()).toEqual(['redlens.db', 'redlens.db-wal']);
  });

  it('survives, answers reads and refuses writes with one logged store fault', async () => {
    for (let i = 0; i < 20; i++) expect(await child.ask('write')).toEqual({ ok: true });
    execFileSync('sync');
    writeFileSync(`/sys/fs/ext4/${loopDevice}/trigger_fs_error`, '1');
    expect(execFileSync('findmnt', ['-n', '-o', 'OPTIONS', mountPoint], { encoding: 'utf8' })).toMatch(/emergency_ro|\bro\b/);

    for (let round = 0; round < 5; round++) {
      expect(await child.ask('read')).toEqual({ rows: 21 });
      const write = await child.ask('write');
      expect(write.ok).toBe(false);
      expect(write.code).toMatch(/^SQLITE_(IOERR|READONLY)/);
    }
    const status = await child.ask('check');
    expect(status).toMatchObject({ ok: false, problem: expect.stringMatching(/disk I\/O error .*may have turned read-only|turned read-only/) });
    expect(child.stderr.match(/\[redlens\] store fault:/g)).toHaveLength(1);
    expect(child.process.exitCode).toBeNull();
    expect(child.process.signalCode).toBeNull();

    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
