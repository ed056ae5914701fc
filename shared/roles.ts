/**
 * Who may do what on a board (README "Roles"). Every board has one secret
 * link per role; the server decides the role from the link's token on every
 * call and connection, the UI only follows.
 */
export const ROLES = ['facilitator', 'participant', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Whether a role may change the board's content (cards, canvas) right now. */
export function mayEdit(role: Role, locked: boolean): boolean {
  if (role === 'facilitator') return true;
  return role === 'participant' && !locked;
}

/** The three secret tokens of a board, as the creator receives them once. */
export type BoardTokens = Record<Role, string>;
