/**
 * Canvas records shaped as tldraw writes them: the server refuses anything in
 * `canvas` that is not a document-scope tldraw record (shared/canvas-contract.ts).
 */
export function geoShape(id: string, x = 0, y = 0): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: { w: 100, h: 100, geo: 'rectangle', color: 'black', fill: 'none', dash: 'draw', size: 'm' },
    meta: {},
  };
}

/** A sticky note as tldraw writes it, with `text` as its rich text (one paragraph a line) and the goal in meta. */
export function noteShape(
  id: string,
  text: string,
  meta: Record<string, unknown> = {},
  at: { x: number; y: number } = { x: 0, y: 0 },
): Record<string, unknown> {
  return {
    id,
    typeName: 'shape',
    type: 'note',
    x: at.x,
    y: at.y,
    rotation: 0,
    index: 'a2',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: {
        type: 'doc',
        content: text.split('\n').map((line) => ({
          type: 'paragraph',
          ...(line ? { content: [{ type: 'text', text: line }] } : {}),
        })),
      },
    },
    meta,
  };
}
