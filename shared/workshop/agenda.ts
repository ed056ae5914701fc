/**
 * The workshop agenda (README "Running the workshop"): the facilitator's short
 * list of phases, kept by the server in `meta.agenda`, and what the current
 * phase lets participants do. The server enforces the restriction
 * (server/sync/update-rules.ts); the page only shows it.
 */

export const PHASES_MAX = 12;
export const PHASE_NAME_MAX = 60;
export const PHASE_MINUTES_MAX = 360;
const PHASE_ID_MAX = 40;

export const RESTRICTIONS = ['none', 'voting-only', 'locked'] as const;
export type Restriction = (typeof RESTRICTIONS)[number];

export interface Phase {
  id: string;
  name: string;
  minutes?: number;
  restriction: Restriction;
}

export interface Agenda {
  phases: Phase[];
  currentPhaseId: string | null;
}

/** Why a list of phases cannot be the agenda, or null. Checked by the route and by the board contract. */
export function phasesProblem(phases: unknown): string | null {
  if (!Array.isArray(phases)) return 'phases must be a list';
  if (phases.length > PHASES_MAX) return `at most ${PHASES_MAX} phases`;
  const ids = new Set<string>();
  for (const [at, raw] of phases.entries()) {
    const where = `phases.${at}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${where} must be an object`;
    const phase = raw as Record<string, unknown>;
    const { id, name, minutes, restriction } = phase;
    if (typeof id !== 'string' || id.length === 0 || id.length > PHASE_ID_MAX || !/^[\w-]+$/.test(id)) {
      return `${where}.id must be 1–${PHASE_ID_MAX} letters, digits, - or _`;
    }
    if (ids.has(id)) return `${where}.id "${id}" is used twice`;
    ids.add(id);
    if (typeof name !== 'string' || name.trim().length === 0 || name.length > PHASE_NAME_MAX) {
      return `${where}.name must be 1–${PHASE_NAME_MAX} characters`;
    }
    if (
      minutes !== undefined &&
      (!Number.isInteger(minutes) || (minutes as number) < 1 || (minutes as number) > PHASE_MINUTES_MAX)
    ) {
      return `${where}.minutes must be a whole number from 1 to ${PHASE_MINUTES_MAX}`;
    }
    if (!RESTRICTIONS.includes(restriction as Restriction)) {
      return `${where}.restriction must be one of ${RESTRICTIONS.join(', ')}`;
    }
    if (Object.keys(phase).some((key) => !['id', 'name', 'minutes', 'restriction'].includes(key))) {
      return `${where} has a key other than id, name, minutes, restriction`;
    }
  }
  return null;
}

/** Whether a value is an agenda the server could have written (the board contract's check). */
export function isAgenda(value: unknown): value is Agenda {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const { phases, currentPhaseId } = value as Record<string, unknown>;
  if (phasesProblem(phases) !== null) return false;
  return currentPhaseId === null || (phases as Phase[]).some((phase) => phase.id === currentPhaseId);
}

/** The phases as given, trimmed names, without undefined members (a stored JSON value). */
export function cleanPhases(phases: Phase[]): Phase[] {
  return phases.map(({ id, name, minutes, restriction }) => ({
    id,
    name: name.trim(),
    ...(minutes !== undefined ? { minutes } : {}),
    restriction,
  }));
}

/**
 * The agenda with new phases: the current phase stays current when it is still
 * on the list, otherwise there is none until the facilitator picks one.
 */
export function replacePhases(agenda: Agenda | null, phases: Phase[]): Agenda {
  const current = agenda?.currentPhaseId ?? null;
  return { phases: cleanPhases(phases), currentPhaseId: phases.some((p) => p.id === current) ? current : null };
}

/** The current phase and its place (1-based) on the list, or null. */
export function currentPhase(agenda: Agenda | null): { phase: Phase; number: number; of: number } | null {
  if (!agenda?.currentPhaseId) return null;
  const at = agenda.phases.findIndex((phase) => phase.id === agenda.currentPhaseId);
  const phase = agenda.phases[at];
  return phase ? { phase, number: at + 1, of: agenda.phases.length } : null;
}

/** What the current phase lets participants do ('none' without a current phase). */
export function restrictionOf(agenda: Agenda | null): Restriction {
  return currentPhase(agenda)?.phase.restriction ?? 'none';
}

/** The phase after the current one (the first when none is current), or null at the end. */
export function nextPhaseId(agenda: Agenda | null): string | null {
  if (!agenda || agenda.phases.length === 0) return null;
  const at = agenda.phases.findIndex((phase) => phase.id === agenda.currentPhaseId);
  return agenda.phases[at + 1]?.id ?? null;
}

/** The agenda a new workshop starts from (the page offers it; names in the person's language). */
export function defaultPhases(names: [string, string, string, string]): Phase[] {
  return [
    { id: 'ideas', name: names[0], minutes: 10, restriction: 'none' },
    { id: 'discussion', name: names[1], minutes: 15, restriction: 'none' },
    { id: 'prioritising', name: names[2], minutes: 5, restriction: 'voting-only' },
    { id: 'agreement', name: names[3], restriction: 'locked' },
  ];
}
