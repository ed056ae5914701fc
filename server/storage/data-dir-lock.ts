/**
 * Which process serves a data directory: the server writes its pid into
 * `server.pid` at start and removes it when it stops, so `npm run restore`
 * can refuse to replace the store under a running server (README "Backups").
 * A pid left by a crash names no live process and is ignored.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PID_FILE = 'server.pid';

/** Marks the directory as served by this process; the returned function unmarks it. */
export function claimDataDir(dataDir: string): () => void {
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    if (readPid(file) === process.pid) rmSync(file, { force: true });
  };
}

/** The pid of a live server process (not this one) using the directory, or null. */
export function serverUsing(dataDir: string): number | null {
  const pid = readPid(join(dataDir, PID_FILE));
  if (pid === null || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function readPid(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
