/**
 * The facilitator's private drafting round in the workshop panel (README
 * "Running the workshop"): start it, reveal everyone's drafts, end it. The
 * server answers 403 to anyone else.
 */
import { useState } from 'react';
import type * as Y from 'yjs';
import type { DraftingAction } from '../../shared/workshop/drafting.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { storedName } from '../presence/identity.ts';
import { draftingAction } from './drafting-requests.ts';
import { useDraftingRound } from './useDraftingRound.ts';

type RoundState = 'none' | 'private' | 'revealed';

const ACTIONS: { action: DraftingAction; primary: boolean; when(state: RoundState): boolean }[] = [
  { action: 'start', primary: false, when: (state) => state !== 'private' },
  { action: 'reveal', primary: true, when: (state) => state === 'private' },
  { action: 'end', primary: false, when: (state) => state !== 'none' },
];

const DONE = { start: 'drafts.round.started', reveal: 'drafts.round.revealedDone', end: 'drafts.round.ended' } as const;

export function DraftingControls({ doc, board }: { doc: Y.Doc; board: { id: string; token: string } }) {
  const { t } = useI18n();
  const round = useDraftingRound(doc);
  const [message, setMessage] = useState('');
  // One request at a time: a double click on "start" would otherwise answer with the second one's 409.
  const [busy, setBusy] = useState(false);
  const act = async (action: DraftingAction) => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    try {
      await draftingAction(board.id, board.token, action, storedName() ?? '');
      setMessage(t(DONE[action]));
    } catch (error) {
      setMessage(t('workshop.failed', { error: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const state: RoundState = round?.state ?? 'none';
  return (
    <div className="drafting-controls" data-testid="drafting-controls" data-state={state}>
      <h2>{t('drafts.round.heading')}</h2>
      <p>{t(`drafts.round.${state}`)}</p>
      <div className="workshop-panel__row">
        {/* What the round allows now: start unless private, reveal while private, end once there is one. */}
        {ACTIONS.filter(({ when }) => when(state)).map(({ action, primary }) => (
          <button
            key={action}
            type="button"
            className={primary ? 'button button--primary' : 'button'}
            aria-disabled={busy}
            onClick={() => act(action)}
            data-testid={`drafting-${action}`}
          >
            {t(`drafts.round.${action}`)}
          </button>
        ))}
      </div>
      <p role="status" className="workshop-panel__message" data-testid="drafting-message">
        {message}
      </p>
    </div>
  );
}
