/**
 * The people list (README "Following and summoning"): each person's colour,
 * name, role and whether they are idle, "du" for oneself; a button to follow
 * anyone else's view on the canvas and, for the facilitator, "Samla alla hit".
 */
import { useState } from 'react';
import type { Role } from '../../shared/roles.ts';
import { Modal } from '../app/Modal.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCanvasLink } from './canvas-link.ts';
import type { Person } from './identity.ts';
import { summonEveryone } from './summon-request.ts';
import type { AwarenessUser } from './usePeople.ts';

export interface PeoplePanelProps {
  people: AwarenessUser[];
  me: Person | null;
  board: { id: string; token: string; role: Role };
  onClose(): void;
}

export function PeoplePanel({ people, me, board, onClose }: PeoplePanelProps) {
  const { t } = useI18n();
  const canvas = useCanvasLink();
  const [message, setMessage] = useState('');

  const follow = (personId: string) => {
    canvas?.follow(personId);
    onClose();
  };
  const summon = async (followMe: boolean) => {
    if (!canvas) return;
    setMessage('');
    try {
      const follow = followMe && me ? me.id : undefined;
      await summonEveryone(board.id, board.token, { bounds: canvas.viewBounds(), by: me?.name, follow });
      onClose();
    } catch (error) {
      setMessage(t('people.summon.failed', { error: (error as Error).message }));
    }
  };

  return (
    <Modal heading={t('people.heading')} onClose={onClose} testId="people-panel">
      <ul className="people-panel__list">
        {people.map((person) => {
          const isMe = person.id === me?.id;
          return (
            <li key={person.id} className="people-panel__person" data-testid="people-row" data-person={person.id}>
              <span className="people-panel__swatch" style={{ background: person.color }} aria-hidden="true" />
              <span className="people-panel__name">
                {person.name}
                {isMe && <span className="people-panel__me"> ({t('people.me')})</span>}
              </span>
              <span className="people-panel__role" data-testid="people-role">
                {person.role ? t(`role.${person.role}`) : t('people.roleUnknown')}
              </span>
              {person.idle && (
                <span className="people-panel__idle" data-testid="people-idle">
                  {t('people.idle')}
                </span>
              )}
              {!isMe && (
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={!canvas}
                  aria-label={t('people.follow.label', { name: person.name })}
                  aria-pressed={canvas?.following?.id === person.id}
                  onClick={() => follow(person.id)}
                >
                  {t('people.follow')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {!canvas && <p className="people-panel__hint">{t('people.follow.canvasOnly')}</p>}
      {board.role === 'facilitator' && (
        <div className="people-panel__summon">
          <button
            type="button"
            className="button"
            disabled={!canvas}
            onClick={() => summon(false)}
            data-testid="summon"
          >
            {t('people.summon')}
          </button>
          <p className="people-panel__hint">{t('people.summon.hint')}</p>
          <button
            type="button"
            className="button"
            disabled={!canvas || !me}
            onClick={() => summon(true)}
            data-testid="follow-me"
          >
            {t('people.followMe')}
          </button>
          <p className="people-panel__hint">{t('people.followMe.hint')}</p>
        </div>
      )}
      {message && (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      )}
    </Modal>
  );
}
