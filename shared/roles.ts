/** Who a board token makes its holder: every share link carries one of these roles. */
export type Role = 'facilitator' | 'participant' | 'viewer';
