/** A round's comment on one focus area or goal, bound live like the card texts. */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
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
  // A place added after the round started has no text yet: the first write makes it, and a re-render binds it.
  const [, made] = useState(0);
  const ytext = roundCommentText(doc, round, placeId);
  const { ref, initialValue } = useBoundText(ytext, readOnly, (value) => {
    setRoundComment(doc, round, placeId, value);
    if (!ytext) made((n) => n + 1);
  });
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
