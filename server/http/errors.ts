/** Every error the API returns is JSON `{ error }` with a 4xx/5xx status, handled here once. */
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import { MAX_JSON_BODY_BYTES, MAX_TEMPLATE_JSON_BYTES } from '../../shared/limits.ts';
import type { Logger } from '../log/logger.ts';
import { StorageError } from '../storage/store.ts';
import { ServerEditRefused } from '../sync/server-edits.ts';

// zod/mini ships without messages ("Invalid input"); the API answers in readable English.
z.config(z.locales.en());

/** Throw to answer with a status and a readable message. */
export class ApiError extends HTTPException {
  constructor(status: ContentfulStatusCode, message: string) {
    super(status, { message });
  }
}

/** The app's error handler; unexpected errors are logged with their stack (the request line follows). */
export function onError(log: Logger): (error: Error, c: Context) => Response {
  return (error, c) => {
    if (error instanceof HTTPException) {
      // A body refused as too large was not read to its end: the rest of it must not be taken for the
      // next request on this connection (the client would see that one fail), so the connection ends here.
      const headers: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
      return c.json({ error: error.message || 'request failed' }, error.status, headers);
    }
    if (error instanceof ServerEditRefused) {
      return c.json({ error: `the board refused the change: ${error.message}` }, 409);
    }
    if (error instanceof StorageError) {
      log.error({ event: 'http.storage-error', path: c.req.path, err: error }, 'storage refused a request');
      return c.json({ error: 'storage is unavailable, nothing was changed; try again shortly' }, 503);
    }
    log.error({ event: 'http.internal-error', path: c.req.path, err: error }, 'internal error');
    return c.json({ error: 'internal server error' }, 500);
  };
}

/** Parses a JSON body and validates it, answering 400/415 with what is wrong. */
export async function readJsonBody<T>(c: Context, schema: z.core.$ZodType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new ApiError(415, 'expected a JSON body (Content-Type: application/json)');
  }
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new ApiError(400, 'the body is not valid JSON');
  }
  const result = z.safeParse(schema, body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    throw new ApiError(400, `${where}${issue?.message ?? 'invalid body'}`);
  }
  return result.data;
}

/** The body limit of every JSON route: a larger body is refused with 413 before it is read. */
export const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, `the body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
  },
});

/** The body limit of the calls that send a whole template (README "Limits"). */
export const templateJsonLimit = bodyLimit({
  maxSize: MAX_TEMPLATE_JSON_BYTES,
  onError: () => {
    throw new ApiError(413, `the body is larger than ${MAX_TEMPLATE_JSON_BYTES} bytes`);
  },
});
