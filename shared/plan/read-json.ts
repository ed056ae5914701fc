/**
 * JSON import: a plan-data file as the JSON export writes it. Checks, in
 * order, that it is JSON, that it is a plan, that this code knows its
 * formatVersion (every 1.x), and that it matches the schema — each with its own message.
 */
import { z } from 'zod';
import { ImportError, tooManyCards } from './errors.ts';
import type { Notices } from './notices.ts';
import { PLAN_FORMAT, PLAN_FORMAT_MAJOR, PLAN_FORMAT_VERSION, type PlanData, PlanSchema } from './schema.ts';
import { decodeText } from './text-decode.ts';
import { planWarnings } from './warnings.ts';

/**
 * The schema a file is read with: warnings are derived (recomputed from the
 * cards below), so a newer 1.x's new warning kinds must not refuse the file.
 */
const ReadPlanSchema = PlanSchema.extend({ warnings: z.array(z.unknown()).optional() });

/** Where JSON.parse stopped, as a line number, from the engine's message ("… at position 12 (line 2 column 3)"). */
function errorLine(message: string, text: string): number | undefined {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  return undefined;
}

/** "focusAreas[0].goals[1].cards[2].title" */
export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** Every 1.x reads (minor versions only add, and what they add defaults); another major does not. Returns the minor. */
function checkVersion(version: unknown): number {
  const match = typeof version === 'string' ? /^(\d+)\.(\d+)$/.exec(version) : null;
  if (!match) {
    throw new ImportError(
      'format-version',
      `The plan file has no valid formatVersion (expected "${PLAN_FORMAT_MAJOR}.x", e.g. "${PLAN_FORMAT_VERSION}").`,
      { field: 'formatVersion' },
    );
  }
  const major = Number(match[1]);
  if (major > PLAN_FORMAT_MAJOR) {
    throw new ImportError(
      'format-version',
      `The plan file has format version ${version}, a newer major version than this Samtavla reads (${PLAN_FORMAT_MAJOR}.x). Update Samtavla to import it.`,
      { field: 'formatVersion' },
    );
  }
  if (major < PLAN_FORMAT_MAJOR) {
    throw new ImportError(
      'format-version',
      `The plan file has format version ${version}, which this Samtavla no longer reads (it reads ${PLAN_FORMAT_MAJOR}.x).`,
      { field: 'formatVersion' },
    );
  }
  return Number(match[2]);
}

export function schemaError(error: z.ZodError): ImportError {
  const [first] = error.issues;
  const field = formatPath(first?.path ?? []);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return new ImportError('invalid', `The plan file is not valid: ${field || 'the file'}: ${first?.message}${more}.`, {
    field,
  });
}

const countCards = (plan: PlanData) =>
  plan.unplaced.length +
  plan.focusAreas.reduce((n, area) => n + area.cards.length + area.goals.reduce((m, g) => m + g.cards.length, 0), 0);

const OUR_MINOR = Number(PLAN_FORMAT_VERSION.split('.')[1]);

export function readJson(bytes: Uint8Array, maxCards: number, notices?: Notices): PlanData {
  const text = decodeText(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const line = errorLine(message, text);
    throw new ImportError('not-json', `The file is not valid JSON${line ? ` (line ${line})` : ''}: ${message}`, {
      line,
    });
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== PLAN_FORMAT) {
    throw new ImportError('not-plan', `This JSON file is not a Samtavla plan (it lacks "format": "${PLAN_FORMAT}").`, {
      field: 'format',
    });
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (checkVersion(version) > OUR_MINOR) {
    notices?.add(
      `The plan file has format version ${version}, newer than this Samtavla's ${PLAN_FORMAT_VERSION}; fields of a newer version were not read.`,
    );
  }
  const result = ReadPlanSchema.safeParse(data);
  if (!result.success) throw schemaError(result.error);
  const plan: PlanData = { ...result.data, warnings: [] };
  if (countCards(plan) > maxCards) throw tooManyCards('The plan', maxCards);
  // What an older 1.x lacked is filled in by the schema's defaults, so the data is this version's now.
  return { ...plan, formatVersion: PLAN_FORMAT_VERSION, warnings: planWarnings(plan) };
}
