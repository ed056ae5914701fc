/**
 * Starting a follow-up round or switching the current one (POST and PUT
 * /api/boards/:id/rounds…), computed from the whole state in the state worker
 * as one update of the server's own. A refused edit (a label in use, a full
 * board, an unknown round) comes back as plain data: errors lose their class
 * on the way back from the worker thread.
 */
import * as Y from 'yjs';
import { Origin } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { type BoardRound, currentRoundLabel, readRounds } from '../../shared/follow-up/round-meta.ts';
import { RoundError, setCurrentRound, startRound } from '../../shared/follow-up/rounds.ts';
import { placeIds } from '../../shared/template.ts';

export type RoundEdit = { op: 'start'; round: BoardRound } | { op: 'set-current'; label: string | null };

export interface RoundsState {
  rounds: BoardRound[];
  currentRound: string | null;
}

export type RoundEditResult =
  | ({ update: Uint8Array } & RoundsState)
  | { refused: { kind: RoundError['kind'] | 'too-large'; message: string } };

export function editRounds(state: Uint8Array, edit: RoundEdit): RoundEditResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    try {
      if (edit.op === 'start') {
        // Every focus area and goal of the board's own layout takes a comment in the round.
        const template = readBoardTemplate(doc);
        startRound(doc, edit.round, template ? [...placeIds(template)] : [], Origin.server);
      } else {
        setCurrentRound(doc, edit.label, Origin.server);
      }
    } catch (error) {
      if (error instanceof RoundError) return { refused: { kind: error.kind, message: error.message } };
      throw error;
    }
    return {
      update: Y.encodeStateAsUpdate(doc, before),
      rounds: readRounds(doc),
      currentRound: currentRoundLabel(doc),
    };
  } finally {
    doc.destroy();
  }
}
