/**
 * The templates this server offers for new boards: the built-in ones
 * (shared/templates) and, with TEMPLATES_DIR, every valid *.json of that
 * directory, read once at start. A broken file is logged with the reason and
 * skipped; a file whose id is a built-in's (or an earlier file's) is refused,
 * so an id always names one template. Boards keep their own copy of the
 * template they were made from, so changing the directory later changes no board.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_TEMPLATE_JSON_BYTES } from '../../shared/limits.ts';
import { listTemplates, parseTemplate, type Template } from '../../shared/template.ts';
import type { Logger } from '../log/logger.ts';

export type TemplateSource = 'built-in' | 'server';

export interface CatalogEntry {
  template: Template;
  source: TemplateSource;
}

export class TemplateCatalog {
  private readonly entries: readonly CatalogEntry[];

  constructor(serverTemplates: readonly Template[] = []) {
    this.entries = [
      ...listTemplates().map((template) => ({ template, source: 'built-in' as const })),
      ...serverTemplates.map((template) => ({ template, source: 'server' as const })),
    ];
  }

  /** Built-in first (default first), then the directory's in file-name order. */
  list(): readonly CatalogEntry[] {
    return this.entries;
  }

  get(id: string): Template | undefined {
    return this.entries.find((entry) => entry.template.id === id)?.template;
  }
}

/** Reads the valid templates of `dir` (its *.json files, not recursive), logging each one refused. */
export function readTemplatesDir(dir: string, log: Logger): Template[] {
  const taken = new Set(listTemplates().map((t) => t.id));
  const found: Template[] = [];
  const refuse = (file: string, reason: string) =>
    log.error({ event: 'templates.refused', file, reason }, `template file ${file} skipped: ${reason}`);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort();
  } catch (error) {
    log.error({ event: 'templates.dir-unreadable', dir, err: error }, `TEMPLATES_DIR ${dir} cannot be read`);
    return [];
  }
  for (const name of names) {
    const file = join(dir, name);
    try {
      const text = readTemplateText(file);
      if (typeof text !== 'string') {
        refuse(file, text.refused);
        continue;
      }
      const template = parseTemplate(JSON.parse(text), `template file ${name}`);
      if (taken.has(template.id)) {
        refuse(file, `the id "${template.id}" is already taken by another template`);
        continue;
      }
      taken.add(template.id);
      found.push(template);
    } catch (error) {
      refuse(file, error instanceof Error ? error.message : String(error));
    }
  }
  log.info({ event: 'templates.loaded', dir, count: found.length }, `${found.length} templates read from ${dir}`);
  return found;
}

/**
 * A template file's text, read through one descriptor: a link to a device or a FIFO (`/dev/zero`,
 * a pipe named *.json) is refused instead of read without end or waited on at start, and no more
 * than the limit is read even if the file grows between the check and the read.
 */
function readTemplateText(file: string): string | { refused: string } {
  // Non-blocking: opening a FIFO for reading would otherwise wait for a writer.
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return { refused: 'not a regular file' };
    const buffer = Buffer.alloc(MAX_TEMPLATE_JSON_BYTES + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > MAX_TEMPLATE_JSON_BYTES) return { refused: `larger than ${MAX_TEMPLATE_JSON_BYTES} bytes` };
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
