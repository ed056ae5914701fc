/** The board's voting round (`meta.voting`, written by the server only) as React state. */
import type * as Y from 'yjs';
import { isVotingRound, type VotingRound } from '../../shared/voting/voting.ts';
import { useMetaValue } from '../board/useMetaValue.ts';

// isVotingRound also takes null (a round ended): useMetaValue gives null for that anyway.
const isRound = (value: unknown): value is VotingRound => value !== null && isVotingRound(value);

export const useVotingRound = (doc: Y.Doc | null): VotingRound | null => useMetaValue(doc, 'voting', isRound);
