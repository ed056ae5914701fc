/**
 * What checking an update costs the room (room-admission.ts: plan against the
 * document index, the contract rules, commit), per typical update on a
 * 1,000-card board with its canvas: a keystroke, a card created, a card moved
 * (goal and order), a tldraw drag.
 * In process, no server: the figure is the CPU the relay path spends per
 * update on top of decoding it (which protocol.ts does for every update anyway,
 * shown beside it). Also the index's build time and memory for that board.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as Y from 'yjs';
import { DocIndex } from '../../../server/sync/doc-index.ts';
import { refusalOf } from '../../../server/sync/update-rules.ts';
import { cardsMap, initBoardDoc } from '../../../shared/board-doc.ts';
import { createCard, setCardText } from '../../../shared/card.ts';
import { placeCard } from '../../../shared/card-order.ts';
import { addCards, type Scenario } from '../harness.ts';
import { check, distribution, mb, round } from '../stats.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heldBytes = () => {
  gc();
  gc();
  const memory = process.memoryUsage();
  return memory.heapUsed + memory.arrayBuffers;
};

const CARDS = 1_000;

/** A drawn shape as the canvas binding writes it (card shapes are laid out by each client, never stored). */
const drawnShape = (n: number, x: number) => ({
  id: `shape:drawn-${n}`,
  typeName: 'shape',
  type: 'geo',
  x,
  y: 200,
  rotation: 0,
  index: 'b10',
  parentId: 'page:page',
  isLocked: false,
  opacity: 1,
  props: { w: 232, h: 148 },
  meta: {},
});

/** A 1,000-card board with as many drawn shapes, as the server would hold it. */
function seededBoard(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'Bänk', templateId: 'hsvo-2024-2026', templateVersion: '1', createdAt: 'now' });
  addCards(doc, CARDS);
  doc.transact(() => {
    let x = 0;
    for (let n = 0; n < CARDS; n++) doc.getMap('canvas').set(`shape:drawn-${n}`, drawnShape(n, x++));
  });
  return doc;
}

/** `count` updates made by `edit(n)` on a client copy of `doc`. */
function updatesOf(doc: Y.Doc, count: number, edit: (client: Y.Doc, n: number) => void): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  for (let n = 0; n < count; n++) edit(client, n);
  return updates;
}

/** Microseconds per update: decoding, and the admission's check + commit. */
function timeAdmission(index: DocIndex, updates: Uint8Array[]) {
  const decode = new Float64Array(updates.length);
  const admit = new Float64Array(updates.length);
  updates.forEach((update, n) => {
    const t0 = performance.now();
    const decoded = Y.decodeUpdate(update);
    const t1 = performance.now();
    const plan = index.plan(decoded);
    const refusal = refusalOf(index, plan, 'participant', { maxCardsPerBoard: 2_000 });
    if (refusal) throw new Error(`a legit update was refused: ${refusal.reason}`);
    index.commit(plan);
    const t2 = performance.now();
    decode[n] = (t1 - t0) * 1000;
    admit[n] = (t2 - t1) * 1000;
  });
  return { decode: distribution(decode.sort()), admit: distribution(admit.sort()) };
}

export const admission: Scenario = {
  name: 'admission',
  title: 'Cost of checking an update against the board contract (1,000-card board, in process)',
  async run(context) {
    const doc = seededBoard();
    const state = Y.encodeStateAsUpdate(doc);
    const ids = [...cardsMap(doc).keys()];
    const before = heldBytes();
    const started = performance.now();
    const index = DocIndex.fromState(state);
    const buildMs = performance.now() - started;
    const indexBytes = heldBytes() - before;
    const data = index.toData();
    const copied = performance.now();
    DocIndex.fromData(structuredClone(data));
    const handOverMs = performance.now() - copied;
    context.log(
      `  board state ${mb(state.byteLength)}; index built in ${round(buildMs, 0)} ms, held ${mb(indexBytes)}`,
    );
    context.log(
      `  (typed-array columns ${mb(index.columnBytes)}); copied to the main thread and rebuilt in ${round(handOverMs, 0)} ms`,
    );

    const rounds = context.quick ? 500 : 2_000;
    const kinds: [string, Uint8Array[]][] = [
      [
        'keystroke',
        updatesOf(doc, rounds, (client, n) => {
          const id = ids[(n * 7) % ids.length] as string;
          const text = client.getMap('cards').get(id) as Y.Map<Y.Text>;
          setCardText(client, id, 'activity', `${text.get('activity')?.toString() ?? ''}${n % 10}`);
        }),
      ],
      [
        'card created',
        updatesOf(doc, rounds / 10, (client, n) => void createCard(client, { goalId: 'A1', createdBy: `b${n}` })),
      ],
      [
        'card moved',
        updatesOf(doc, rounds, (client, n) => placeCard(client, ids[n % 20] as string, n % 2 ? 'A1' : 'B1', n % 7)),
      ],
      [
        'tldraw drag',
        updatesOf(doc, rounds, (client, n) => {
          client.getMap('canvas').set(`shape:drawn-${n % 20}`, drawnShape(n % 20, n));
        }),
      ],
    ];
    const figures: Record<string, unknown> = { cards: CARDS, stateBytes: state.byteLength, buildMs, indexBytes };
    const checks = [check('document index of a 1,000-card board', indexBytes / 1024 / 1024, 'MB', '<=', 2)];
    for (const [kind, updates] of kinds) {
      const { decode, admit } = timeAdmission(index, updates);
      context.log(
        `  ${kind} (${updates.length}): check + commit p50 ${round(admit.p50, 1)} µs, p95 ${round(admit.p95, 1)} µs; ` +
          `decoding it p50 ${round(decode.p50, 1)} µs`,
      );
      figures[kind] = { admitP50Us: admit.p50, admitP95Us: admit.p95, decodeP50Us: decode.p50 };
      // The frequent kinds (dozens a second per person) must stay far below a relay's own cost.
      if (kind !== 'card created') checks.push(check(`admission check p95, ${kind}`, admit.p95, 'µs', '<=', 200));
    }
    return { name: 'admission', figures, checks };
  },
};
