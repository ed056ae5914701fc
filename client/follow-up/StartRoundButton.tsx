/** The facilitator's "Starta uppföljning" on the follow-up view, opening the start dialog. */
import { useState } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { StartRoundDialog } from './StartRoundDialog.tsx';
import { useRounds } from './useRounds.ts';

export function StartRoundButton({ boardId, token, doc }: { boardId: string; token: string; doc: Y.Doc }) {
  const { t } = useI18n();
  const { rounds } = useRounds(doc);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="start-round-button"
      >
        {t('followUp.start')}
      </button>
      {open && (
        <StartRoundDialog
          boardId={boardId}
          token={token}
          taken={rounds.map((round) => round.label)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
