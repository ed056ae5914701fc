/**
 * The facilitator's workshop panel (README "Running the workshop"): the timer
 * (start with minutes, pause/resume, +1/+5 min, stop) and the agenda (phases
 * with name, minutes and what participants may do; add, remove, reorder;
 * "Next phase"). Every button calls the server, which answers 403 to anyone else.
 */
import { type ReactNode, useState } from 'react';
import {
  defaultPhases,
  nextPhaseId,
  PHASE_MINUTES_MAX,
  PHASE_NAME_MAX,
  type Phase,
  RESTRICTIONS,
  type Restriction,
} from '../../shared/workshop/agenda.ts';
import type { TimerBody } from '../../shared/workshop/workshop-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HeaderPanel } from './HeaderPanel.tsx';
import { NumberField } from './NumberField.tsx';
import type { WorkshopView } from './useWorkshop.ts';
import { makePhaseCurrent, saveAgenda, timerAction } from './workshop-requests.ts';

export interface WorkshopPanelProps {
  board: { id: string; token: string };
  workshop: WorkshopView;
  /** Further facilitation controls, after the agenda (private drafting: client/drafts/DraftingControls.tsx). */
  children?: ReactNode;
}

export function WorkshopPanel({ board, workshop, children }: WorkshopPanelProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(10);
  const [draft, setDraft] = useState<Phase[] | null>(null);
  const [message, setMessage] = useState('');
  const phases = draft ?? workshop.agenda?.phases ?? [];
  const { timer } = workshop;

  const run = async (work: () => Promise<unknown>, done = '') => {
    setMessage('');
    try {
      await work();
      setMessage(done);
    } catch (error) {
      setMessage(t('workshop.failed', { error: (error as Error).message }));
    }
  };
  const act = (body: TimerBody) => run(() => timerAction(board.id, board.token, body));
  const edit = (at: number, change: Partial<Phase>) =>
    setDraft(phases.map((phase, i) => (i === at ? { ...phase, ...change } : phase)));
  const move = (at: number, by: number) => {
    const next = [...phases];
    const [phase] = next.splice(at, 1);
    if (phase) next.splice(at + by, 0, phase);
    setDraft(next);
  };
  const next = nextPhaseId(workshop.agenda);

  return (
    <HeaderPanel
      open={open}
      onOpenChange={setOpen}
      buttonLabel={t('workshop.button')}
      panelLabel={t('workshop.panel')}
      buttonTestId="workshop-button"
    >
      <h2>{t('workshop.timer.heading')}</h2>
      <div className="workshop-panel__row">
        <NumberField
          label={t('workshop.timer.minutes')}
          min={1}
          max={PHASE_MINUTES_MAX}
          value={minutes}
          onChange={setMinutes}
          testId="workshop-minutes"
        />
        <button
          type="button"
          className="button button--primary"
          onClick={() => act({ action: 'start', seconds: Math.max(1, Math.round(minutes * 60)) })}
          data-testid="workshop-start"
        >
          {t('workshop.timer.start')}
        </button>
        {timer?.state === 'running' && (
          <button type="button" className="button" onClick={() => act({ action: 'pause' })}>
            {t('workshop.timer.pause')}
          </button>
        )}
        {timer?.state === 'paused' && (
          <button type="button" className="button" onClick={() => act({ action: 'resume' })}>
            {t('workshop.timer.resume')}
          </button>
        )}
        {timer && (
          <>
            <button
              type="button"
              className="button"
              aria-label={t('workshop.timer.add1.label')}
              onClick={() => act({ action: 'add', seconds: 60 })}
            >
              {t('workshop.timer.add1')}
            </button>
            <button
              type="button"
              className="button"
              aria-label={t('workshop.timer.add5.label')}
              onClick={() => act({ action: 'add', seconds: 300 })}
            >
              {t('workshop.timer.add5')}
            </button>
            <button type="button" className="button" onClick={() => act({ action: 'stop' })}>
              {t('workshop.timer.stop')}
            </button>
          </>
        )}
      </div>

      <h2>{t('workshop.agenda.heading')}</h2>
      {phases.length === 0 && <p>{t('workshop.agenda.empty')}</p>}
      <ol className="workshop-phases">
        {phases.map((phase, at) => {
          const number = at + 1;
          const current = workshop.agenda?.currentPhaseId === phase.id && draft === null;
          return (
            <li key={phase.id} className={current ? 'is-current' : ''}>
              <input
                aria-label={t('workshop.agenda.name', { number })}
                value={phase.name}
                maxLength={PHASE_NAME_MAX}
                onChange={(event) => edit(at, { name: event.target.value })}
              />
              <input
                type="number"
                min={1}
                max={PHASE_MINUTES_MAX}
                aria-label={t('workshop.agenda.minutes', { number })}
                value={phase.minutes ?? ''}
                onChange={(event) => edit(at, { minutes: event.target.value ? Number(event.target.value) : undefined })}
              />
              <select
                aria-label={t('workshop.agenda.restriction', { number })}
                value={phase.restriction}
                onChange={(event) => edit(at, { restriction: event.target.value as Restriction })}
              >
                {RESTRICTIONS.map((restriction) => (
                  <option key={restriction} value={restriction}>
                    {t(`workshop.restriction.${restriction}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={t('workshop.agenda.up', { number })}
                disabled={at === 0}
                onClick={() => move(at, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={t('workshop.agenda.down', { number })}
                disabled={at === phases.length - 1}
                onClick={() => move(at, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={t('workshop.agenda.remove', { number })}
                onClick={() => setDraft(phases.filter((_, i) => i !== at))}
              >
                ×
              </button>
              {current && <span className="workshop-phases__now">{t('workshop.agenda.current')}</span>}
            </li>
          );
        })}
      </ol>
      <div className="workshop-panel__row">
        {phases.length === 0 && (
          <button
            type="button"
            className="button"
            onClick={() =>
              setDraft(
                defaultPhases([
                  t('workshop.default.ideas'),
                  t('workshop.default.discussion'),
                  t('workshop.default.prioritising'),
                  t('workshop.default.agreement'),
                ]),
              )
            }
          >
            {t('workshop.agenda.defaults')}
          </button>
        )}
        {phases.length < 12 && (
          <button
            type="button"
            className="button"
            onClick={() =>
              setDraft([
                ...phases,
                {
                  id: `p${crypto.randomUUID().slice(0, 8)}`,
                  name: t('workshop.agenda.newPhase'),
                  restriction: 'none',
                },
              ])
            }
          >
            {t('workshop.agenda.add')}
          </button>
        )}
        {draft && (
          <button
            type="button"
            className="button button--primary"
            data-testid="workshop-save"
            onClick={() =>
              run(async () => {
                await saveAgenda(board.id, board.token, draft);
                setDraft(null);
              }, t('workshop.agenda.saved'))
            }
          >
            {t('workshop.agenda.save')}
          </button>
        )}
        {!draft && workshop.agenda && (
          <button
            type="button"
            className="button button--primary"
            data-testid="workshop-next"
            onClick={() => run(() => makePhaseCurrent(board.id, board.token, next))}
          >
            {next ? t('workshop.agenda.next') : t('workshop.agenda.end')}
          </button>
        )}
      </div>
      <p role="status" className="workshop-panel__message">
        {message}
      </p>
      {children}
      <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
        {t('workshop.close')}
      </button>
    </HeaderPanel>
  );
}
