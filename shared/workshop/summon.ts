/**
 * "Samla alla hit" (README "Following and summoning"): the facilitator's view
 * as the server stores it in `meta.summon`. Each summon has a fresh id; a page
 * moves its camera when a new id arrives while it is open, never for the one
 * it finds at load.
 */
import * as z from 'zod/mini';

/** A canvas rectangle in page coordinates (tldraw's viewport page bounds). */
export interface SummonBounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Summon {
  id: string;
  /** The facilitator's name as their page shows it. */
  by: string;
  /** Server time of the summon. */
  at: number;
  bounds: SummonBounds;
  /** "Följ mig": pages also start following this person id (the facilitator's) until they stop. */
  follow?: string;
}

const NAME_MAX = 100;
const ID_MAX = 40;
/** Far past any board's canvas; keeps the numbers finite and sane. */
const COORDINATE_MAX = 1e7;

const coordinate = z
  .number({ error: 'bounds must be numbers' })
  .check(z.gte(-COORDINATE_MAX, 'bounds out of range'), z.lte(COORDINATE_MAX, 'bounds out of range'));
const size = z
  .number({ error: 'bounds must be numbers' })
  .check(z.gt(0, 'bounds must have a size'), z.lte(COORDINATE_MAX, 'bounds out of range'));

/** POST /api/boards/:id/summon. */
export const SummonBody = z.object({
  bounds: z.object({ x: coordinate, y: coordinate, w: size, h: size }, { error: 'bounds must be { x, y, w, h }' }),
  by: z.optional(z.string().check(z.maxLength(NAME_MAX))),
  /** The facilitator's person id, for "Följ mig". */
  follow: z.optional(z.string().check(z.minLength(1), z.maxLength(ID_MAX))),
});
export type SummonBody = z.infer<typeof SummonBody>;

const isBounds = (value: unknown): value is SummonBounds => SummonBody.shape.bounds.safeParse(value).success;

/** Whether a value is a summon the server could have written (the board contract's check). */
export function isSummon(value: unknown): value is Summon {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.id === 'string' &&
    s.id.length > 0 &&
    s.id.length <= ID_MAX &&
    typeof s.by === 'string' &&
    s.by.length <= NAME_MAX &&
    Number.isSafeInteger(s.at) &&
    isBounds(s.bounds) &&
    (s.follow === undefined || (typeof s.follow === 'string' && s.follow.length > 0 && s.follow.length <= ID_MAX))
  );
}
