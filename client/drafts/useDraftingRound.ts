/** The board's drafting round (`meta.drafting`, written by the server only) as React state. */
import type * as Y from 'yjs';
import { type DraftingRound, isDraftingRound } from '../../shared/workshop/drafting.ts';
import { useMetaValue } from '../board/useMetaValue.ts';

export const useDraftingRound = (doc: Y.Doc | null): DraftingRound | null =>
  useMetaValue(doc, 'drafting', isDraftingRound);
