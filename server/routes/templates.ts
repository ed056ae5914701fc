/**
 * Template routes (README "Templates"): the templates this server offers,
 * one template whole, the published JSON Schema of the format, a board's
 * own copy of its template (any role; `?download=1` as a file), and the
 * facilitator's change of a board's layout (PUT, live through the open room).
 */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { TemplateSummary } from '../../shared/api.ts';
import templateSchema from '../../shared/template.schema.json' with { type: 'json' };
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { attachment } from '../http/attachment.ts';
import { ApiError, readJsonBody, templateJsonLimit } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import { DEFAULT_PLAN_WAITING_PER_QUEUE } from '../plans/plan-pool.ts';
import { PlanBusy, PlanQueues } from '../plans/plan-queues.ts';
import type { BoardStore } from '../storage/store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { ownTemplateId, templateFromBody } from '../templates/template-body.ts';
import type { TemplateCatalog } from '../templates/template-catalog.ts';

export interface TemplateRouteDeps {
  store: BoardStore;
  catalog: TemplateCatalog;
  failedAuth: FailedAuth;
  rooms: RoomRegistry;
}

const placeId = z.string().check(z.minLength(1), z.maxLength(64));
const PutTemplateBody = z.object({
  template: z.unknown(),
  /** Removed place id → the place of the new template its cards go to. */
  moves: z.optional(
    z.record(placeId, placeId).check(z.refine((moves) => Object.keys(moves).length <= 600, 'at most 600 moves')),
  ),
});

export function templateRoutes({ store, catalog, failedAuth, rooms }: TemplateRouteDeps): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  // Reading a board's template loads its whole state into the state worker, which every room shares
  // (compaction, restores): one board's reads run one at a time, and past a few waiting they are refused,
  // so a viewer link sending many at once cannot queue unbounded work there (as exports, plan-pool.ts).
  const templateReads = new PlanQueues(DEFAULT_PLAN_WAITING_PER_QUEUE);

  app.get('/templates', (c) =>
    c.json(
      catalog.list().map(
        ({ template: t, source }): TemplateSummary => ({
          id: t.id,
          version: t.version,
          title: t.title,
          shortTitle: t.shortTitle,
          source,
        }),
      ),
    ),
  );

  // Before /templates/:id; template ids are slugs, so no template is called "schema.json".
  app.get('/templates/schema.json', (c) => c.json(templateSchema, 200, { 'Content-Type': 'application/schema+json' }));

  app.get('/templates/:id', (c) => {
    const template = catalog.get(c.req.param('id'));
    if (!template) throw new ApiError(404, 'no template with this id');
    return c.json(template);
  });

  // The board's own copy, as stored (every acknowledged layout edit is stored before it is relayed).
  app.get('/boards/:id/template', boardAccess(store, 'viewer', failedAuth), async (c) => {
    const { board } = c.var.access;
    // Read in the state worker: a large board's state takes a while to load into a document.
    let template: Awaited<ReturnType<RoomRegistry['readTemplate']>>;
    try {
      template = await templateReads.run(board.id, "this board's template is being read already", async () =>
        rooms.readTemplate((await store.loadBoard(board.id)).updates),
      );
    } catch (error) {
      if (!(error instanceof PlanBusy)) throw error;
      return c.json({ error: error.message }, 429, { 'Retry-After': String(error.retryAfterSeconds) });
    }
    if (!template)
      throw new ApiError(404, `the board's template "${board.templateId.slice(0, 100)}" is not known here`);
    const download = c.req.query('download');
    const headers: Record<string, string> =
      download === '1' || download === 'true'
        ? { 'Content-Disposition': attachment(`${template.id}.template.json`) }
        : {};
    return c.json(template, 200, headers);
  });

  // The facilitator lays the board out anew. Cards stay on ids that still exist; a removed goal or area
  // that holds cards needs `moves`, else 409 and nothing changes. The template keeps the board's id,
  // unless that is an offered template's and the layout now differs from it (ownTemplateId).
  app.put('/boards/:id/template', boardAccess(store, 'facilitator', failedAuth), templateJsonLimit, async (c) => {
    const { board } = c.var.access;
    const body = await readJsonBody(c, PutTemplateBody);
    const template = ownTemplateId({ ...templateFromBody(body.template), id: board.templateId }, (id) =>
      catalog.get(id),
    );
    const result = await rooms.withRoom(board.id, (room) =>
      room.edits.setTemplate(template, body.moves ?? {}, 'Före ändrad layout'),
    );
    if ('placesWithCards' in result) {
      const names = result.placesWithCards.map((place) => `${place.id} (${place.cardCount})`).join(', ');
      return c.json(
        {
          error: `cards would be left without a place: ${names}; send moves for them to places of the new template`,
          placesWithCards: result.placesWithCards,
        },
        409,
      );
    }
    return c.json({ template, versionId: result.version.id });
  });

  return app;
}
