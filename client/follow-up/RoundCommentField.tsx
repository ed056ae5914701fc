/** A round's comment on one focus area or goal, bound live like the card texts. */
import { useCallback, useId, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { TEXT_FIELD_MAX } from '../../shared/card-schema.ts';
import { roundCommentText, setRoundComment } from '../../shared/follow-up/rounds.ts';
import { useBoundText } from './follow-up-binding.ts';

export interface RoundCommentFieldProps {
  doc: Y.Doc;
  round: string;
  placeId: string;
  label: string;
  readOnly: boolean;
}

export function RoundCommentField({ doc, round, placeId, label, readOnly }: RoundCommentFieldProps) {
  const id = useId();
  const ytext = useRoundCommentText(doc, round, placeId);
  const { ref, initialValue } = useBoundText(ytext, readOnly, (value) => setRoundComment(doc, round, placeId, value));
  return (
    <div className="card-field round-comment">
      <label htmlFor={id} className="card-field__label">
        {label}
      </label>
      <textarea
        key={`${round}:${placeId}`}
        id={id}
        ref={ref}
        rows={2}
        defaultValue={initialValue}
        maxLength={TEXT_FIELD_MAX}
        readOnly={readOnly}
        className="card-field__input"
        data-round-comment={placeId}
      />
    </div>
  );
}

/**
 * The comment's Y.Text, re-read when meta changes below the top: a place added after the
 * round started gets its text at its first write (here or in another browser), and then binds.
 */
function useRoundCommentText(doc: Y.Doc, round: string, placeId: string): Y.Text | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = metaMap(doc);
      map.observeDeep(onChange);
      return () => map.unobserveDeep(onChange);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => roundCommentText(doc, round, placeId));
}
