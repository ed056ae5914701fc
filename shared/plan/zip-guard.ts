/**
 * Checks an uploaded XLSX before the reader (read-xlsx.ts) unpacks it: that it is a zip at all,
 * that it has a sane number of entries, and that it does not inflate past
 * MAX_XLSX_UNCOMPRESSED_BYTES (a zip bomb). The sizes a zip declares can lie,
 * so after the cheap declared-size check every entry is also inflated as a
 * stream and counted, stopping at the limit without holding the data.
 */
import JSZip from 'jszip';
import { ImportError, MAX_XLSX_ENTRIES, MAX_XLSX_UNCOMPRESSED_BYTES } from './errors.ts';

// jszip documents internalStream (and _data.uncompressedSize exists on loaded entries), but its typings omit them.
interface StreamHelper {
  on(event: 'data', callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', callback: () => void): StreamHelper;
  on(event: 'error', callback: (error: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}
interface LoadedEntry {
  name: string;
  dir: boolean;
  internalStream(type: 'uint8array'): StreamHelper;
  _data?: { uncompressedSize?: number };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // Excel 97–2003 .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxEntries: number;
}

const DEFAULT_LIMITS: ZipLimits = {
  maxUncompressedBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
  maxEntries: MAX_XLSX_ENTRIES,
};

function bomb(detail: string, limits: ZipLimits): ImportError {
  return new ImportError(
    'zip-bomb',
    `The workbook unpacks to ${detail}; Samtavla reads workbooks of at most ${MB(limits.maxUncompressedBytes)} unpacked and ${limits.maxEntries} parts.`,
  );
}

/** Inflates one entry, counting bytes; rejects as soon as `budget` is exceeded. Resolves to the bytes used. */
function inflatedSize(entry: LoadedEntry, budget: number, limits: ZipLimits): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = 0;
    const stream = entry.internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        total += chunk.length;
        if (total > budget) {
          stream.pause();
          reject(bomb(`more than ${MB(limits.maxUncompressedBytes)}`, limits));
        }
      })
      .on('error', (error) =>
        reject(new ImportError('not-xlsx', `The workbook is damaged (${entry.name}: ${error.message}).`)),
      )
      .on('end', () => resolve(total))
      .resume();
  });
}

/** Throws an ImportError unless `bytes` is a zip that is safe to unpack. */
export async function guardZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): Promise<void> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new ImportError(
      'not-xlsx',
      'This is an old Excel 97–2003 file (.xls). Save it as an Excel workbook (.xlsx) and try again.',
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new ImportError('not-xlsx', 'The file is not an Excel workbook (.xlsx): it is not a zip archive.');
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError('not-xlsx', `The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const entries = (Object.values(zip.files) as unknown as LoadedEntry[]).filter((entry) => !entry.dir);
  if (entries.length > limits.maxEntries) throw bomb(`${entries.length} parts`, limits);
  const declared = entries.reduce((sum, entry) => sum + (entry._data?.uncompressedSize ?? 0), 0);
  if (declared > limits.maxUncompressedBytes) throw bomb(MB(declared), limits);
  let used = 0;
  for (const entry of entries) used += await inflatedSize(entry, limits.maxUncompressedBytes - used, limits);
}
