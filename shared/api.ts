/** REST contracts shared by the server routes and the client. */
// zod/mini: the home page loads this module, and the mini build is a quarter of the size.
import * as z from 'zod/mini';
import { ROUND_LABEL_MAX } from './follow-up/round-limits.ts';
import type { BoardRound } from './follow-up/round-meta.ts';
import type { ChangeSummary } from './plan/compare.ts';
import type { BoardTokens, Role } from './roles.ts';

export const BOARD_TITLE_MAX = 200;

export const CreateBoardBody = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .check(
      z.trim(),
      z.minLength(1, 'title must not be empty'),
      z.maxLength(BOARD_TITLE_MAX, `title must be at most ${BOARD_TITLE_MAX} characters`),
    ),
  /** A template this server offers (GET /api/templates) … */
  templateId: z.optional(
    z.string({ error: 'templateId must be a string' }).check(z.minLength(1, 'templateId must not be empty')),
  ),
  /** … or a whole template (shared/template.ts TemplateSchema): a facilitator's own design or a template file. */
  template: z.optional(z.unknown()),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;

/** A template as `GET /api/templates` lists it (`GET /api/templates/:id` gives the whole template). */
export interface TemplateSummary {
  id: string;
  version: string;
  title: { sv: string; en: string };
  shortTitle: { sv: string; en: string };
  /** Shipped with Samtavla, or read from the server's TEMPLATES_DIR. */
  source: 'built-in' | 'server';
}

/** `PUT /api/boards/:id/template` (facilitator): the board's new layout. */
export interface PutBoardTemplateBody {
  template: unknown;
  /** Where the cards of a removed goal or area go: removed place id → a place id of the new template. */
  moves?: Record<string, string>;
}

/** A removed goal or area that still holds cards (the 409 answer of PUT /api/boards/:id/template). */
export interface PlaceWithCards {
  id: string;
  title: string;
  cardCount: number;
}

/** What the server says about a board. */
export interface BoardInfo {
  id: string;
  title: string;
  templateId: string;
  templateVersion: string;
  createdAt: string;
  /** When the server deletes the board if nobody uses it before then (only when boards expire, BOARD_RETENTION_DAYS). */
  expiresAt?: string;
  /** Locked by the facilitator: participants are read-only too. */
  locked: boolean;
}

/** A board as its creator receives it: with the secret token of each role (only this once). */
export interface CreatedBoard extends BoardInfo {
  tokens: BoardTokens;
}

/** A board as a link holder sees it: with the role their token gives them. */
export interface BoardView extends BoardInfo {
  role: Role;
}

/** `PATCH /api/boards/:id` (facilitator): rename and/or lock. */
export const PatchBoardBody = z.object({
  title: z.optional(
    z
      .string({ error: 'title must be a string' })
      .check(
        z.trim(),
        z.minLength(1, 'title must not be empty'),
        z.maxLength(BOARD_TITLE_MAX, `title must be at most ${BOARD_TITLE_MAX} characters`),
      ),
  ),
  locked: z.optional(z.boolean({ error: 'locked must be true or false' })),
});
export type PatchBoardBody = z.infer<typeof PatchBoardBody>;

/** Every 4xx/5xx answer of the API has this body. */
export interface ApiError {
  error: string;
}

/** The y-websocket room path: `WebsocketProvider(origin + WS_PATH, boardId, doc)`. */
export const WS_PATH = '/ws';

/** `POST /api/boards/:id/versions` (facilitator): a named version. */
export const SaveVersionBody = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .check(z.trim(), z.minLength(1, 'name must not be empty'), z.maxLength(100, 'name must be at most 100 characters')),
});

/** A saved version of a board, as `GET /api/boards/:id/versions` lists it (README "History"). */
export interface BoardVersion {
  id: string;
  /** '' for automatic versions. */
  name: string;
  createdAt: string;
  /** Saved by the server (while people edit, when the last one leaves), not named by anyone. */
  auto: boolean;
  cardCount: number;
  /** Who edited since the previous version. */
  editors: string[];
  /** Cards added, removed and changed since the previous version, in total and per focus area. */
  summary: ChangeSummary;
}

/** A card in the trash, as `GET /api/boards/:id/deleted-cards` lists it. */
export interface DeletedCardInfo {
  cardId: string;
  title: string;
  goalId: string | null;
  deletedAt: string;
  deletedBy: string;
}

/** POST /api/boards/:id/rounds: a new follow-up round, made current (README "Follow-up rounds"). */
export const StartRoundBody = z.object({
  label: z
    .string({ error: 'label must be a string' })
    .check(z.maxLength(ROUND_LABEL_MAX, `must be at most ${ROUND_LABEL_MAX} characters`)),
  date: z.optional(z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD or null')))),
  /** The facilitator's display name, for the round's startedBy. */
  by: z.optional(z.string().check(z.maxLength(200, 'by must be at most 200 characters'))),
});

/** PUT /api/boards/:id/rounds/current: which round the board fills in now (null: none). */
export const SetCurrentRoundBody = z.object({
  label: z.nullable(
    z
      .string({ error: 'label must be a string or null' })
      .check(z.maxLength(ROUND_LABEL_MAX, `must be at most ${ROUND_LABEL_MAX} characters`)),
  ),
});

export interface RoundsAnswer {
  rounds: BoardRound[];
  currentRound: string | null;
}
