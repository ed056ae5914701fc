/**
 * The workshop in the board header (README "Running the workshop"): the timer
 * pill counting down to the server's `endsAt`, the current phase, the sound
 * toggle and, for the facilitator, the workshop panel. The countdown is not
 * announced each second: a polite live region says only a new phase and that
 * the time is up.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import { currentPhase } from '../../shared/workshop/agenda.ts';
import { formatRemaining, remainingMs } from '../../shared/workshop/timer.ts';
import { isFacilitator } from '../access/permissions.ts';
import { DecisionLogButton } from '../decisions/DecisionLogButton.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { VotingPanel } from '../voting/VotingPanel.tsx';
import { VotingPill } from '../voting/VotingPill.tsx';
import { useVotingView } from '../voting/voting-context.ts';
import { useServerClock } from './server-clock.ts';
import { playTimeUp, rememberSound, soundOn } from './time-up-sound.ts';
import { useWorkshop } from './useWorkshop.ts';
import { WorkshopPanel } from './WorkshopPanel.tsx';
import './workshop.css';

export interface WorkshopPillsProps {
  doc: Y.Doc;
  board: { id: string; token: string; role: Role };
  /** The board's template, for the voting round's focus areas (null until the document has it). */
  template: Template | null;
}

/** A bell (struck through when off): system fonts may lack the emoji. */
function BellIcon({ off }: { off: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 2a4 4 0 0 0-4 4v3l-1.5 2h11L12 9V6a4 4 0 0 0-4-4zm-1.5 10a1.5 1.5 0 0 0 3 0"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      {off && <path d="M2 2l12 12" stroke="currentColor" strokeWidth="1.4" />}
    </svg>
  );
}

/** Re-renders every second while `on`, so the countdown moves. */
function useTick(on: boolean): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [on]);
}

export function WorkshopPills({ doc, board, template }: WorkshopPillsProps) {
  const { t } = useI18n();
  const workshop = useWorkshop(doc);
  const { round } = useVotingView();
  const now = useServerClock();
  const [sound, setSound] = useState(soundOn);
  const { timer } = workshop;
  const phase = currentPhase(workshop.agenda);
  const left = timer ? remainingMs(timer, now()) : null;
  const up = timer?.state === 'running' && left === 0;
  useTick(timer?.state === 'running' && !up);

  // Said once each: the time running out (while this page watched it run) and a new phase.
  const [announcement, setAnnouncement] = useState('');
  const endsAt = timer?.state === 'running' ? timer.endsAt : null;
  const wasRunning = useRef<number | null>(null);
  useEffect(() => {
    if (endsAt !== null && !up) wasRunning.current = endsAt;
    if (!up || wasRunning.current !== endsAt) return;
    wasRunning.current = null;
    setAnnouncement(t('workshop.timer.up'));
    if (soundOn()) playTimeUp();
  }, [endsAt, up, t]);
  const phaseId = phase?.phase.id ?? null;
  const shownPhase = useRef(phaseId);
  useEffect(() => {
    if (shownPhase.current === phaseId) return;
    shownPhase.current = phaseId;
    if (phase) {
      const allows = t(`workshop.phase.${phase.phase.restriction}`);
      setAnnouncement(t('workshop.phase.announce', { name: phase.phase.name, allows }));
    }
  }, [phaseId, phase, t]);

  const toggleSound = () => {
    rememberSound(!sound);
    setSound(!sound);
  };

  return (
    <div className="workshop-pills">
      {timer && left !== null && (
        <span
          className={`workshop-pill workshop-pill--timer${up ? ' is-up' : ''}${timer.state === 'paused' ? ' is-paused' : ''}`}
          role="timer"
          aria-live="off"
          data-testid="workshop-timer"
          data-state={up ? 'up' : timer.state}
        >
          {up
            ? t('workshop.timer.up')
            : t(timer.state === 'paused' ? 'workshop.timer.paused' : 'workshop.timer.pill', {
                time: formatRemaining(left),
              })}
        </span>
      )}
      {timer && (
        <button
          type="button"
          className="workshop-sound"
          aria-pressed={sound}
          onClick={toggleSound}
          title={t(sound ? 'workshop.sound.on' : 'workshop.sound.off')}
          aria-label={t(sound ? 'workshop.sound.on' : 'workshop.sound.off')}
        >
          <BellIcon off={!sound} />
        </button>
      )}
      {phase && (
        <span
          className="workshop-pill workshop-pill--phase"
          data-testid="workshop-phase"
          data-restriction={phase.phase.restriction}
          title={t(`workshop.phase.${phase.phase.restriction}`)}
        >
          {t('workshop.phase.pill', { name: phase.phase.name, number: phase.number, of: phase.of })}
        </span>
      )}
      <span className="sr-only" aria-live="polite" data-testid="workshop-announcement">
        {announcement}
      </span>
      {template && <VotingPill template={template} />}
      {isFacilitator(board.role) && <WorkshopPanel board={board} workshop={workshop} />}
      {isFacilitator(board.role) && template && <VotingPanel board={board} round={round} template={template} />}
      {/* After the panel's button, so the panel opens where it always did. */}
      <DecisionLogButton doc={doc} />
    </div>
  );
}
