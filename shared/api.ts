/** REST contracts shared by the server routes and the client. */
// zod/mini: the home page loads this module, and the mini build is a quarter of the size.
import * as z from 'zod/mini';

export const BOARD_TITLE_MAX = 200;

export const CreateBoardBody = z.object({
  title: z
    .string({ error: 'title must be a string' })
    .check(
      z.trim(),
      z.minLength(1, 'title must not be empty'),
      z.maxLength(BOARD_TITLE_MAX, `title must be at most ${BOARD_TITLE_MAX} characters`),
    ),
  templateId: z.string({ error: 'templateId must be a string' }).check(z.minLength(1, 'templateId must not be empty')),
});
export type CreateBoardBody = z.infer<typeof CreateBoardBody>;

/** What the server says about a board. */
export interface BoardInfo {
  id: string;
  title: string;
  templateId: string;
  templateVersion: string;
  createdAt: string;
  /** When the server deletes the board if nobody uses it before then (only when boards expire, BOARD_RETENTION_DAYS). */
  expiresAt?: string;
}

/** Every 4xx/5xx answer of the API has this body. */
export interface ApiError {
  error: string;
}

/** The y-websocket room path: `WebsocketProvider(origin + WS_PATH, boardId, doc)`. */
export const WS_PATH = '/ws';
