/**
 * The font files the report charts are drawn with, found once per process (or
 * plan worker). resvg builds its font database anew for every image, and with
 * `loadSystemFonts` it scans and parses every font of the machine each time
 * (≈ 30 ms a chart); handing it the few files of the chart's families is a
 * fraction of that. A machine without them falls back to the system scan.
 */
import { type Dirent, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ResvgRenderOptions } from '@resvg/resvg-js';

/** Where fonts live on Linux, macOS and Windows. */
const FONT_DIRS = [
  '/usr/share/fonts',
  '/usr/local/share/fonts',
  join(homedir(), '.fonts'),
  join(homedir(), '.local/share/fonts'),
  '/System/Library/Fonts',
  '/Library/Fonts',
  'C:\\Windows\\Fonts',
];
/** The chart's families (status-chart.ts CHART_FONT), regular and bold, best first. */
const WANTED: { family: string; file: RegExp }[] = [
  { family: 'Liberation Sans', file: /^LiberationSans-(Regular|Bold)\.ttf$/i },
  { family: 'Arial', file: /^arial(bd)?\.ttf$/i },
  { family: 'DejaVu Sans', file: /^DejaVuSans(-Bold)?\.ttf$/i },
];
/** A font tree is shallow; a bound keeps a strange one (a symlink loop) from costing the first report. */
const MAX_DEPTH = 4;

function fontFilesUnder(dir: string, depth = 0, found: string[] = []): string[] {
  if (depth > MAX_DEPTH) return found;
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fontFilesUnder(path, depth + 1, found);
    else if (/\.(ttf|otf)$/i.test(entry.name)) found.push(path);
  }
  return found;
}

/** The font options of one family's files on this machine, or the system scan when none is there. */
export function findChartFonts(dirs: readonly string[] = FONT_DIRS): NonNullable<ResvgRenderOptions['font']> {
  const files = dirs.flatMap((dir) => fontFilesUnder(dir));
  for (const { family, file } of WANTED) {
    // One file per name: Debian has Liberation Sans both in liberation/ and liberation2/.
    const byName = new Map<string, string>();
    for (const path of files) {
      const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
      if (file.test(name) && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), path);
    }
    if (byName.size > 0) {
      // The chart asks for "Liberation Sans, Arial, sans-serif": the generic name finds this one too.
      return {
        loadSystemFonts: false,
        fontFiles: [...byName.values()],
        defaultFontFamily: family,
        sansSerifFamily: family,
      };
    }
  }
  return { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' };
}

let cached: NonNullable<ResvgRenderOptions['font']> | undefined;

/** The chart fonts of this process, looked up on the first chart. */
export function chartFonts(): NonNullable<ResvgRenderOptions['font']> {
  cached ??= findChartFonts();
  return cached;
}
