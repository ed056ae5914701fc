/** Limits the server enforces; documented in README.md. */

/** Largest WebSocket message the server accepts; a larger one closes the connection with 1009. */
export const MAX_WS_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Most cards one board holds: a live board refuses the update that would pass it
 * (close 4413) and an import with more is refused (no board created). One
 * number, so that no way in makes a board the live limit would not allow.
 */
export const MAX_CARDS_PER_BOARD = 2_000;

/** Largest JSON body of an ordinary API call. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Largest board template as JSON: the body limit of the calls that send one
 * (POST /api/boards with `template`, PUT /api/boards/:id/template) and the
 * largest `meta.template` a document holds. The built-in templates are ≈ 9 KB;
 * a template at every bound of shared/template-bounds.ts with short texts is
 * ≈ 100 KB.
 */
export const MAX_TEMPLATE_JSON_BYTES = 256 * 1024;

/**
 * Largest document update the server stores (a sync step 2 or an update). A
 * realistic 1,000-card board's whole state is under 1 MB, so even a client
 * resending a whole board it kept offline passes; an update over it closes
 * the connection with 4414. Measured figures behind every cap: README "Limits".
 */
export const MAX_UPDATE_BYTES = 2 * 1024 * 1024;

/**
 * Largest stored document of one board (state plus the log not yet compacted).
 * 2,000 cards with every field at its limit would take 82 MB; 32 MB holds a full
 * board averaging 15,000 characters per card, ten times what workshops write.
 */
export const MAX_BOARD_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** Records in `canvas`: drawings, notes, arrows, pages and assets (zones and card shapes are laid out, not stored). */
export const MAX_CANVAS_RECORDS = 10_000;

/** One canvas record as JSON; a long freehand stroke or a long text shape is ≈ 10 KB. */
export const MAX_CANVAS_RECORD_CHARS = 128 * 1024;

/** An asset record as JSON: a pasted image is stored inline as a data: URL. */
export const MAX_CANVAS_ASSET_CHARS = 1536 * 1024;
