/**
 * The short code a board shows in front of a focus area's or goal's title
 * ("Fokusområde A", the badge "A1", "1.2 Äldres hälsa"). The built-in and
 * designed templates use short ids that read well there; a layout built from an
 * imported file has ids slugged from its titles ("trygg-uppvaxt"), which read
 * badly, so those get a code from their position instead: A, B, C … for areas,
 * the area's code and a number for goals. Display only: ids stay as they are.
 */

/** A short code: up to six letters, digits and dots with a digit among them ("A1", "1.2"), or 1–3 capitals ("A"). */
const SHORT_CODE = /^(?:(?=[^\d]*\d)[\p{L}\d.]{1,6}|\p{Lu}{1,3})$/u;

export const isShortCode = (id: string): boolean => SHORT_CODE.test(id);

/** A, B, … Z, AA, AB … for the n-th area (from 0). */
function letters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : letters(Math.floor(index / 26) - 1) + letter;
}

interface Coded {
  id: string;
  goals: readonly { id: string }[];
}

/**
 * The code of every area and goal of `areas` (template or plan order), by id. A positional code
 * another place already shows (a file that gives "A" to one area and slugs the one before it) moves
 * on to the next free one, so no two places are headed alike.
 */
export function placeCodes(areas: readonly Coded[]): Map<string, string> {
  const taken = new Set(areas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]).filter(isShortCode));
  const free = (code: (n: number) => string, from: number): string => {
    let n = from;
    while (taken.has(code(n))) n++;
    taken.add(code(n));
    return code(n);
  };
  const codes = new Map<string, string>();
  areas.forEach((area, a) => {
    const areaCode = isShortCode(area.id) ? area.id : free(letters, a);
    codes.set(area.id, areaCode);
    area.goals.forEach((goal, g) => {
      codes.set(goal.id, isShortCode(goal.id) ? goal.id : free((n) => `${areaCode}${n}`, g + 1));
    });
  });
  return codes;
}

const cache = new WeakMap<readonly Coded[], Map<string, string>>();

/** The code shown for the area or goal `id` of `areas` (its id when it names none of them). */
export function placeCode(areas: readonly Coded[], id: string): string {
  let codes = cache.get(areas);
  if (!codes) {
    codes = placeCodes(areas);
    cache.set(areas, codes);
  }
  return codes.get(id) ?? id;
}
