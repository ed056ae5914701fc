/** TEMPLATES_DIR: server-wide templates read at start; broken or clashing files are logged and skipped. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '../../server/config.ts';
import { createLogger } from '../../server/log/logger.ts';
import type { RunningServer } from '../../server/start.ts';
import { readTemplatesDir } from '../../server/templates/template-catalog.ts';
import { getTemplate } from '../../shared/template.ts';
import { bearer, removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';
import { ownTemplate, postBoard } from '../helpers/templates.ts';

let server: RunningServer | undefined;
let dataDir = '';
afterEach(async () => {
  await server?.close();
  removeDir(dataDir);
});

describe('TEMPLATES_DIR', () => {
  it('offers its valid templates with source "server" and logs and skips a broken file and a clashing id', async () => {
    dataDir = tempDataDir();
    const dir = join(dataDir, 'templates');
    mkdirSync(dir);
    writeFileSync(join(dir, 'kommun.json'), JSON.stringify(ownTemplate(['Skola', 'Omsorg'], 1, 'kommunplan')));
    const broken = ownTemplate(['Trasig']);
    (broken.focusAreas[0] as { color: string }).color = 'blå';
    writeFileSync(join(dir, 'trasig.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'inte-json.json'), '{ "kind": "board-template",');
    writeFileSync(join(dir, 'krock.json'), JSON.stringify(getTemplate('nsu-2019')));
    writeFileSync(join(dir, 'readme.txt'), 'not a template');
    const raw: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void raw.push(line) } });
    server = await startTestServer({ dataDir, log, templatesDir: configFromEnv({ TEMPLATES_DIR: dir }).templatesDir });

    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as { id: string; source: string }[];
    expect(list.map((t) => [t.id, t.source])).toEqual([
      ['hsvo-2024-2026', 'built-in'],
      ['nsu-2019', 'built-in'],
      ['kommunplan', 'server'],
    ]);
    expect(((await (await fetch(`${server.url}/api/templates/kommunplan`)).json()) as { id: string }).id).toBe(
      'kommunplan',
    );
    // The built-in keeps its id: the clashing file did not replace it.
    expect(await (await fetch(`${server.url}/api/templates/nsu-2019`)).json()).toEqual(
      JSON.parse(JSON.stringify(getTemplate('nsu-2019'))),
    );

    const created = await postBoard(server.url, { title: 'Kommunens plan', templateId: 'kommunplan' });
    expect(created.status).toBe(201);
    expect(created.json.templateId).toBe('kommunplan');

    // The template leaves the directory (the server restarts without it): the board keeps its own copy.
    const boardId = created.json.id as string;
    await server.close();
    server = await startTestServer({ dataDir });
    const copy = await fetch(`${server.url}/api/boards/${boardId}/template`, { headers: bearer(boardId, 'viewer') });
    expect(
      ((await copy.json()) as { focusAreas: { title: { sv: string } }[] }).focusAreas.map((a) => a.title.sv),
    ).toEqual(['Skola', 'Omsorg']);
    const plan = await fetch(`${server.url}/api/boards/${boardId}/export?format=json`, {
      headers: bearer(boardId, 'viewer'),
    });
    expect(plan.status).toBe(200);
    expect((await fetch(`${server.url}/api/templates/kommunplan`)).status).toBe(404);

    const refused = raw
      .map((line) => JSON.parse(line) as { event: string; file?: string; reason?: string })
      .filter((l) => l.event === 'templates.refused');
    expect(refused.map((l) => l.file?.split('/').pop()).sort()).toEqual([
      'inte-json.json',
      'krock.json',
      'trasig.json',
    ]);
    expect(refused.find((l) => l.file?.endsWith('trasig.json'))?.reason).toMatch(/focusAreas\[0\]\.color|colour/);
    expect(refused.find((l) => l.file?.endsWith('krock.json'))?.reason).toMatch(/already taken/);
  });

  it('refuses a FIFO, a link to a device and an oversized file without waiting on or reading them whole', () => {
    dataDir = tempDataDir();
    const dir = join(dataDir, 'templates');
    mkdirSync(dir);
    // Sorted first: read as a file, opening it would wait for a writer forever (the server never starts).
    execFileSync('mkfifo', [join(dir, 'a-pipe.json')]);
    // Read as a file, /dev/zero never ends.
    symlinkSync('/dev/zero', join(dir, 'b-zero.json'));
    writeFileSync(join(dir, 'c-large.json'), ' '.repeat(300 * 1024));
    writeFileSync(join(dir, 'd-kommun.json'), JSON.stringify(ownTemplate(['Skola'], 1, 'kommunplan')));
    const raw: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (line: string) => void raw.push(line) } });

    expect(readTemplatesDir(dir, log).map((t) => t.id)).toEqual(['kommunplan']);
    const refused = raw
      .map((line) => JSON.parse(line) as { event: string; file?: string; reason?: string })
      .filter((l) => l.event === 'templates.refused')
      .map((l) => [l.file?.split('/').pop(), l.reason]);
    expect(refused).toEqual([
      ['a-pipe.json', 'not a regular file'],
      ['b-zero.json', 'not a regular file'],
      ['c-large.json', `larger than ${256 * 1024} bytes`],
    ]);
  });
});
