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
