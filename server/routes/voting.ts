/**
 * Dot voting (README "Dot voting"). The facilitator opens a round, reveals it and ends it, each a
 * server edit of `meta.voting` through the board's live room. People vote through PUT …/votes/:cardId
 * with their own voter secret: the ballot is stored beside the document (BoardStore's VoteStore),
 * checked in one transaction against the round's cap, and answered to its voter alone. Nothing of
 * anyone's ballot is in the document, or sent to any client, until the reveal writes the totals.
 */
import { Hono } from 'hono';
import { ID_MAX } from '../../shared/card-schema.ts';
import { randomId } from '../../shared/ids.ts';
import { VOTERS_PER_ROUND_MAX, type VotingRound, voteProblem, votesUsed } from '../../shared/voting/voting.ts';
import {
  type BallotAnswer,
  OpenVotingBody,
  VOTER_HEADER,
  VOTER_KEY_PATTERN,
  VoteBody,
  type VotingAnswer,
} from '../../shared/voting/voting-api.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { hashToken } from '../auth/tokens.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { BoardStore, VoteRefusal } from '../storage/store.ts';
import type { Room } from '../sync/room.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { VotingEdit } from '../sync/voting-edit.ts';

const REFUSAL_STATUS = { conflict: 409, unknown: 404 } as const;
const CAST_REFUSED: Record<VoteRefusal, [409 | 422, string]> = {
  closed: [409, 'voting is not open'],
  over: [422, 'you have no votes left for this; take a vote off another card first'],
  voters: [409, `this round has the most voters it takes (${VOTERS_PER_ROUND_MAX})`],
};

/** The ballot's key: the voter's secret hashed with the board, so a secret is worth nothing elsewhere. */
function voterOf(boardId: string, header: string | undefined): string {
  if (!header || !VOTER_KEY_PATTERN.test(header)) {
    throw new ApiError(400, `${VOTER_HEADER} must be the voter's key (24–64 letters, digits, - or _)`);
  }
  return hashToken(`${boardId}:${header}`);
}

async function edit(room: Room, change: VotingEdit): Promise<VotingRound | null> {
  const result = await room.edits.editVoting(change);
  if ('refused' in result) throw new ApiError(REFUSAL_STATUS[result.refused.kind], result.refused.message);
  return result.voting;
}

export function votingRoutes(store: BoardStore, rooms: RoomRegistry, failedAuth: FailedAuth): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);
  const voter = boardAccess(store, 'participant', failedAuth);

  app.post('/boards/:id/voting', facilitator, jsonLimit, async (c) => {
    const body = await readJsonBody(c, OpenVotingBody);
    const boardId = c.var.access.board.id;
    const round: VotingRound = {
      id: randomId(12),
      stage: 'open',
      votesPerPerson: body.votesPerPerson,
      areaId: body.areaId ?? null,
      openedAt: new Date().toISOString(),
    };
    const voting = await rooms.withRoom(boardId, async (room) => {
      // The document first: it says whether a round is open already and whether the area exists.
      const opened = await edit(room, { op: 'open', round });
      try {
        await store.openVoteRound(boardId, round.id, round.votesPerPerson, VOTERS_PER_ROUND_MAX);
      } catch (error) {
        await edit(room, { op: 'end' }).catch(() => {});
        throw error;
      }
      return opened;
    });
    return c.json({ voting } satisfies VotingAnswer);
  });

  app.post('/boards/:id/voting/reveal', facilitator, async (c) => {
    const boardId = c.var.access.board.id;
    const voting = await rooms.withRoom(boardId, async (room) => {
      const current = await room.votingRound();
      if (!current) throw new ApiError(404, 'no voting round to reveal');
      // Closed in storage first, in the transaction that sums it: no vote lands after the count.
      const result = await store.closeVoteRound(boardId, current.id);
      if (!result) throw new ApiError(409, 'the round has no ballots stored; end it and open a new one');
      const at = new Date().toISOString();
      return edit(room, { op: 'reveal', roundId: current.id, totals: result.totals, voters: result.voters, at });
    });
    return c.json({ voting } satisfies VotingAnswer);
  });

  app.post('/boards/:id/voting/end', facilitator, async (c) => {
    const boardId = c.var.access.board.id;
    await rooms.withRoom(boardId, (room) => edit(room, { op: 'end' }));
    await store.deleteVoteRounds(boardId);
    return c.json({ voting: null } satisfies VotingAnswer);
  });

  app.get('/boards/:id/voting/ballot', voter, async (c) => {
    const boardId = c.var.access.board.id;
    const key = voterOf(boardId, c.req.header(VOTER_HEADER));
    const round = await rooms.withRoom(boardId, (room) => room.votingRound());
    if (!round) throw new ApiError(404, 'no voting round on this board');
    c.header('Cache-Control', 'no-store');
    return c.json(answer(round, await store.ballotOf(boardId, round.id, key)));
  });

  app.put('/boards/:id/voting/votes/:cardId', voter, jsonLimit, async (c) => {
    const { board, role } = c.var.access;
    const key = voterOf(board.id, c.req.header(VOTER_HEADER));
    const cardId = c.req.param('cardId');
    if (cardId.length > ID_MAX) throw new ApiError(404, 'no card with that id on the board');
    const { count } = await readJsonBody(c, VoteBody);
    const ballot = await rooms.withRoom(board.id, async (room) => {
      const round = await room.votingRound();
      if (round?.stage !== 'open') throw new ApiError(409, 'voting is not open');
      // After votingRound: it waits for the document's analysis, which the phase is read from.
      if (role === 'participant' && board.locked) throw new ApiError(409, 'the board is locked by the facilitator');
      if (role === 'participant' && room.phaseRestriction() === 'locked') {
        throw new ApiError(409, 'the current phase is locked by the facilitator');
      }
      const problem = voteProblem(await store.ballotOf(board.id, round.id, key), cardId, count, round.votesPerPerson);
      if (problem) throw new ApiError(422, problem);
      const target =
        round.areaId === null
          ? (await room.liveCards([cardId])).length > 0
            ? 'ok'
            : 'unknown'
          : await room.edits.voteTarget(cardId, round.areaId);
      if (target === 'unknown') throw new ApiError(404, 'no card with that id on the board');
      if (target === 'outside') throw new ApiError(422, 'this round is on another focus area than the card');
      const result = await store.castVote(board.id, round.id, key, cardId, count);
      if ('refused' in result) throw new ApiError(...CAST_REFUSED[result.refused]);
      return answer(round, result.ballot);
    });
    return c.json(ballot);
  });

  return app;
}

const answer = (round: VotingRound, ballot: BallotAnswer['ballot']): BallotAnswer => ({
  roundId: round.id,
  votesPerPerson: round.votesPerPerson,
  ballot,
  left: round.votesPerPerson - votesUsed(ballot),
});
