/**
 * The facilitator's timer and agenda edits (README "Running the workshop"),
 * computed from the whole state in the state worker as one update of the
 * server's own, like round-edit.ts. The time is the server's, passed in, so
 * every page counts down to the same `endsAt`. A refused edit comes back as
 * plain data (errors lose their class on the way back from the worker).
 */
import * as Y from 'yjs';
import { metaMap, Origin } from '../../shared/board-doc.ts';
import { type Agenda, isAgenda, type Phase, replacePhases } from '../../shared/workshop/agenda.ts';
import type { DraftingAction, DraftingRound } from '../../shared/workshop/drafting.ts';
import type { Summon } from '../../shared/workshop/summon.ts';
import {
  applyTimerAction,
  isTimerState,
  type TimerAction,
  TimerConflict,
  type TimerState,
} from '../../shared/workshop/timer.ts';
import { editDrafting } from './drafting-edit.ts';

export type WorkshopEdit =
  | { op: 'timer'; action: TimerAction; by: string }
  | { op: 'phases'; phases: Phase[] }
  | { op: 'current'; phaseId: string | null }
  | { op: 'summon'; summon: Summon }
  | { op: 'drafting'; action: DraftingAction; by: string; roundId: string };

export interface WorkshopState {
  timer: TimerState | null;
  agenda: Agenda | null;
}

export type WorkshopEditResult =
  | ({ update: Uint8Array } & WorkshopState & { drafting?: DraftingRound | null })
  | { refused: { kind: 'conflict' | 'unknown'; message: string } };

export function readWorkshop(doc: Y.Doc): WorkshopState {
  const meta = metaMap(doc);
  const timer = meta.get('timer') ?? null;
  const agenda = meta.get('agenda') ?? null;
  return { timer: isTimerState(timer) ? timer : null, agenda: isAgenda(agenda) ? agenda : null };
}

export function editWorkshop(state: Uint8Array, edit: WorkshopEdit, now: number): WorkshopEditResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const { timer, agenda } = readWorkshop(doc);
    const meta = metaMap(doc);
    if (edit.op === 'summon') {
      // Everyone's view to the facilitator's (README "Following and summoning"): only the summon changes.
      doc.transact(() => meta.set('summon', edit.summon), Origin.server);
      return { update: Y.encodeStateAsUpdate(doc, before), timer, agenda };
    }
    if (edit.op === 'drafting') {
      const drafting = editDrafting(doc, edit, now);
      if ('refused' in drafting) return drafting;
      return { update: Y.encodeStateAsUpdate(doc, before), timer, agenda, ...drafting };
    }
    let nextTimer = timer;
    let nextAgenda = agenda;
    try {
      if (edit.op === 'timer') nextTimer = applyTimerAction(timer, edit.action, now, edit.by);
      else if (edit.op === 'phases') nextAgenda = replacePhases(agenda, edit.phases);
      else {
        const phase = edit.phaseId === null ? null : agenda?.phases.find((p) => p.id === edit.phaseId);
        if (phase === undefined) return { refused: { kind: 'unknown', message: 'no such phase on the agenda' } };
        nextAgenda = { phases: agenda?.phases ?? [], currentPhaseId: phase?.id ?? null };
        // A phase with minutes starts the timer with them; one without leaves the timer as it is.
        if (phase?.minutes)
          nextTimer = applyTimerAction(timer, { action: 'start', seconds: phase.minutes * 60 }, now, phase.name);
      }
    } catch (error) {
      if (error instanceof TimerConflict) return { refused: { kind: 'conflict', message: error.message } };
      throw error;
    }
    doc.transact(() => {
      if (nextTimer !== timer) meta.set('timer', nextTimer);
      if (nextAgenda !== agenda) meta.set('agenda', nextAgenda);
    }, Origin.server);
    return { update: Y.encodeStateAsUpdate(doc, before), timer: nextTimer, agenda: nextAgenda };
  } finally {
    doc.destroy();
  }
}
