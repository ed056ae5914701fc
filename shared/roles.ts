export type Role = 'facilitator' | 'participant' | 'viewer';
