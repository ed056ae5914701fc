/**
 * The board page's dot voting (README "Dot voting"): the round from the document and this
 * person's ballot from the server, fetched when a round opens and after each vote. Votes are
 * sent one after another, so quick clicks cannot overtake each other; each answer replaces the
 * ballot shown, and a refusal shows the server's reason.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import { findGoal, type Template } from '../../shared/template.ts';
import { type Ballot, votesUsed, withVote } from '../../shared/voting/voting.ts';
import type { BallotAnswer } from '../../shared/voting/voting-api.ts';
import type { Restriction } from '../../shared/workshop/agenda.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useVotingRound } from './useVotingRound.ts';
import type { VotingView } from './voting-context.ts';
import { castVote, fetchBallot } from './voting-requests.ts';

/** One empty ballot for every render, so the context's value holds still until something changes. */
const NO_VOTES: Ballot = {};

export interface VotingSessionProps {
  doc: Y.Doc | null;
  board: { id: string; token: string; role: Role };
  template: Template | null;
  locked: boolean;
  restriction: Restriction;
}

export function useVoting({ doc, board, template, locked, restriction }: VotingSessionProps): VotingView {
  const { t } = useI18n();
  const round = useVotingRound(doc);
  const [ballot, setBallot] = useState<{ roundId: string; ballot: Ballot } | null>(null);
  const [problem, setProblem] = useState('');
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const roundId = round?.id ?? null;
  const mayVote = board.role === 'facilitator' || (board.role === 'participant' && !locked && restriction !== 'locked');
  const { id, token } = board;

  useEffect(() => {
    setProblem('');
    if (roundId === null || board.role === 'viewer') return;
    let current = true;
    fetchBallot(id, token)
      .then((answer) => current && answer.roundId === roundId && setBallot({ roundId, ballot: answer.ballot }))
      .catch(() => current && setBallot({ roundId, ballot: {} }));
    return () => {
      current = false;
    };
  }, [id, token, roundId, board.role]);

  const mine = ballot && ballot.roundId === roundId ? ballot.ballot : NO_VOTES;
  const vote = useCallback(
    (cardId: string, count: number) => {
      if (roundId === null) return;
      setProblem('');
      // Shown at once; the server's answer (or refusal) then says what was stored.
      setBallot((before) => ({ roundId, ballot: withVote(before?.ballot ?? {}, cardId, count) }));
      queue.current = queue.current.then(() =>
        castVote(id, token, cardId, count)
          .then((answer: BallotAnswer) => answer.roundId === roundId && setBallot({ roundId, ballot: answer.ballot }))
          .catch(async (error: Error) => {
            setProblem(t('voting.failed', { error: error.message }));
            const answer = await fetchBallot(id, token).catch(() => null);
            if (answer?.roundId === roundId) setBallot({ roundId, ballot: answer.ballot });
          }),
      );
    },
    [id, token, roundId, t],
  );

  return useMemo(() => {
    const areaId = round?.areaId ?? null;
    return {
      round,
      canVote: round?.stage === 'open' && mayVote,
      ballot: mine,
      left: round ? Math.max(0, round.votesPerPerson - votesUsed(mine)) : 0,
      problem,
      covers: (card) =>
        areaId === null || (!!template && card.goalId !== null && findGoal(template, card.goalId)?.area.id === areaId),
      vote,
    };
  }, [round, mayVote, mine, problem, template, vote]);
}
