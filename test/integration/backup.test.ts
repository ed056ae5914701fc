/**
 * `npm run backup` and `npm run restore` on a real server's data directory:
 * a backup taken while a client keeps adding cards holds every card the
 * server had acknowledged (relayed to an observer) before the backup began,
 * passes SQLite's integrity check, and restores into a fresh directory that a
 * new server then serves. A restore under a running server, or of a file that
 * is no Samtavla store, is refused and leaves the store as it was.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, readCards } from '../../shared/card.ts';
import { connectClient, createBoard, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/server.ts';

const run = promisify(execFile);
const cli = (script: string, args: string[]) => run(process.execPath, [`server/cli/${script}.ts`, ...args]);

const dirs: string[] = [];
const servers: RunningServer[] = [];
const freshDir = () => {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
};
const start = async (dataDir: string) => {
  const server = await startTestServer({ dataDir });
  servers.push(server);
  return server;
};

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

const titlesIn = (doc: Parameters<typeof readCards>[0]) => new Set(readCards(doc).map((card) => card.title));

describe('backup and restore of the SQLite store', () => {
  it('backs up while cards are being added and restores every acknowledged one into a fresh directory', async () => {
    const dataDir = freshDir();
    const server = await start(dataDir);
    const board = await createBoard(server.url, { title: 'Plan Enköping', templateId: 'hsvo-2024-2026' });
    const writer = connectClient(server.url, board.id);
    const observer = connectClient(server.url, board.id);
    await Promise.all([writer.synced, observer.synced]);

    let written = 0;
    const stream = setInterval(() => {
      createCard(writer.doc, { goalId: 'A1', createdBy: 'Stina', fields: { title: `kort ${++written}` } });
    }, 4);
    await waitFor('80 cards acknowledged', () => cardsMap(observer.doc).size >= 80, 15_000);
    const acknowledged = titlesIn(observer.doc);

    const backupFile = join(freshDir(), 'samtavla-backup.sqlite');
    const { stdout } = await cli('backup', ['--out', backupFile, '--data-dir', dataDir]);
    const writtenDuringBackup = written;
    clearInterval(stream);
    expect(stdout).toMatch(/^backed up 1 boards to .+ \(\d+ bytes, \d+ ms, integrity ok\)\n$/);
    expect(writtenDuringBackup).toBeGreaterThan(acknowledged.size);
    writer.destroy();
    observer.destroy();

    // The backup is one self-contained, sound file.
    expect(existsSync(`${backupFile}-wal`)).toBe(false);
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();

    const restoredDir = freshDir();
    const restored = await cli('restore', [backupFile, '--data-dir', restoredDir]);
    expect(restored.stdout).toBe(`restored ${backupFile} into ${restoredDir}\n`);
    const second = await start(restoredDir);
    const reader = connectClient(second.url, board.id);
    await reader.synced;
    const there = titlesIn(reader.doc);
    expect([...acknowledged].filter((title) => !there.has(title))).toEqual([]);
    reader.destroy();
  });

  it('refuses to restore under a running server, or a file that is no store, and changes nothing', async () => {
    const dataDir = freshDir();
    const server = await start(dataDir);
    const board = await createBoard(server.url, { title: 'Plan Heby', templateId: 'hsvo-2024-2026' });
    const backupFile = join(freshDir(), 'backup.sqlite');
    await cli('backup', ['--out', backupFile, '--data-dir', dataDir]);

    await expect(cli('restore', [backupFile, '--data-dir', dataDir])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: a Samtavla server \(pid \d+\) is using .+; stop it before restoring/),
    });

    const junk = join(freshDir(), 'junk.sqlite');
    writeFileSync(junk, 'this is not a database, only text that says so'.repeat(100));
    const notStore = join(freshDir(), 'other.sqlite');
    new Database(notStore).exec('CREATE TABLE notes (text TEXT)');
    await server.close();
    servers.splice(0);
    for (const [file, problem] of [
      [junk, /is not a readable SQLite database/],
      [notStore, /is an SQLite database but not a Samtavla store/],
      [join(dataDir, 'missing.sqlite'), /no file/],
    ] as const) {
      await expect(cli('restore', [file, '--data-dir', dataDir])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(problem),
      });
    }
    const again = await start(dataDir);
    expect(
      (
        await fetch(`${again.url}/api/boards/${board.id}`, {
          headers: { Authorization: `Bearer ${board.tokens.viewer}` },
        })
      ).status,
    ).toBe(200);
  });

  it('keeps the store it replaces beside the restored one', async () => {
    const source = freshDir();
    const first = await start(source);
    await createBoard(first.url, { title: 'Plan Tierp', templateId: 'hsvo-2024-2026' });
    const backupFile = join(freshDir(), 'tierp.sqlite');
    await cli('backup', ['--out', backupFile, '--data-dir', source]);

    const target = freshDir();
    const other = await start(target);
    await createBoard(other.url, { title: 'Plan Älvkarleby', templateId: 'hsvo-2024-2026' });
    await other.close();
    servers.splice(servers.indexOf(other), 1);

    const { stdout } = await cli('restore', [backupFile, '--data-dir', target]);
    const kept = readdirSync(target).find((name) => name.startsWith('samtavla.sqlite.before-restore-'));
    expect(stdout).toContain(`the store it replaced is kept as ${join(target, kept ?? '?')}`);
    const titles = (file: string) =>
      (new Database(file, { readonly: true }).prepare('SELECT title FROM boards').all() as { title: string }[]).map(
        (row) => row.title,
      );
    expect(titles(join(target, 'samtavla.sqlite'))).toEqual(['Plan Tierp']);
    expect(titles(join(target, kept ?? '?'))).toEqual(['Plan Älvkarleby']);
  });

  it('refuses a backup over the live store itself, which the server keeps writing, and changes nothing', async () => {
    const dataDir = freshDir();
    const server = await start(dataDir);
    const board = await createBoard(server.url, { title: 'Plan', templateId: 'hsvo-2024-2026' });
    const writer = connectClient(server.url, board.id);
    const observer = connectClient(server.url, board.id);
    await Promise.all([writer.synced, observer.synced]);
    createCard(writer.doc, { goalId: 'A1', createdBy: 'Stina', fields: { title: 'kept' } });
    await waitFor('the card acknowledged', () => cardsMap(observer.doc).size === 1);
    const live = join(dataDir, 'samtavla.sqlite');
    for (const out of [live, `${live}-wal`, join(dataDir, '.', 'samtavla.sqlite')]) {
      await expect(cli('backup', ['--out', out, '--data-dir', dataDir])).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^error: .* is the live store/),
      });
    }
    // A later edit still reaches the file a restart reads.
    createCard(writer.doc, { goalId: 'A1', createdBy: 'Stina', fields: { title: 'after' } });
    await waitFor('the second card acknowledged', () => cardsMap(observer.doc).size === 2);
    writer.destroy();
    observer.destroy();
    await servers.splice(0)[0]?.close();
    const reopened = await start(dataDir);
    const reader = connectClient(reopened.url, board.id);
    await reader.synced;
    expect(titlesIn(reader.doc)).toEqual(new Set(['kept', 'after']));
    reader.destroy();
  });

  it('says so when the data directory has no store to back up', async () => {
    await expect(
      cli('backup', ['--out', join(freshDir(), 'x.sqlite'), '--data-dir', freshDir()]),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: no Samtavla store in /),
    });
  });
});
