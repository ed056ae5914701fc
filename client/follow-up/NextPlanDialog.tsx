/**
 * "Ny plan från den här": the facilitator picks which activities go on into
 * the next plan period — offered as the server would choose them, every card
 * not done or ended in the round — names the new board (or leaves the server's
 * "<title> <next years>"), and is taken to the new board as its facilitator.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { BOARD_TITLE_MAX } from '../../shared/api.ts';
import type { Card } from '../../shared/card-schema.ts';
import { FINISHED_STATUSES } from '../../shared/follow-up/next-plan.ts';
import { ApiError } from '../api/boards.ts';
import { createNextPlan } from '../api/rounds.ts';
import { Modal } from '../app/Modal.tsx';
import { openCreatedBoard } from '../home/open-created-board.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { roundStatusOf } from './follow-up-values.ts';

export interface NextPlanDialogProps {
  boardId: string;
  token: string;
  round: string;
  /** The board's cards in plan order, each with the code of its place ("1.2") when it has one. */
  cards: readonly { card: Card; code: string | null }[];
  untitled: string;
  onClose(): void;
}

const goesOn = (card: Card, round: string) =>
  !(FINISHED_STATUSES as readonly string[]).includes(roundStatusOf(card, round));

export function NextPlanDialog({ boardId, token, round, cards, untitled, onClose }: NextPlanDialogProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState(
    () => new Set(cards.filter(({ card }) => goesOn(card, round)).map(({ card }) => card.id)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string, on: boolean) =>
    setChosen((before) => {
      const after = new Set(before);
      if (on) after.add(id);
      else after.delete(id);
      return after;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const cardIds = cards.filter(({ card }) => chosen.has(card.id)).map(({ card }) => card.id);
      const board = await createNextPlan(boardId, token, { title: title.trim() || undefined, round, cardIds });
      navigate(openCreatedBoard(board));
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('followUp.next.failed', { error: reason }));
      setBusy(false);
    }
  };

  return (
    <Modal heading={t('followUp.next.heading')} onClose={onClose} testId="next-plan-dialog" wide>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('followUp.next.intro', { round })}</p>
        <label className="field">
          <span className="field__label">{t('followUp.next.title')}</span>
          <input
            value={title}
            maxLength={BOARD_TITLE_MAX}
            placeholder={t('followUp.next.titleDefault')}
            onChange={(event) => setTitle(event.target.value)}
            data-testid="next-plan-title"
          />
        </label>
        <fieldset className="next-plan__cards">
          <legend>{t('followUp.next.cards', { chosen: chosen.size, all: cards.length })}</legend>
          <ul>
            {cards.map(({ card, code }) => (
              <li key={card.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(card.id)}
                    onChange={(event) => toggle(card.id, event.target.checked)}
                    data-card-id={card.id}
                  />
                  <span>
                    {code && <span className="next-plan__code">{code} </span>}
                    {card.title || untitled}
                    <span className="muted"> · {t(`followUp.status.${roundStatusOf(card, round)}`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {error && (
          <p className="error" role="alert" data-testid="next-plan-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('followUp.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="next-plan-submit">
            {busy ? t('followUp.next.submitting') : t('followUp.next.submit', { count: chosen.size })}
          </button>
        </div>
      </form>
    </Modal>
  );
}
