/**
 * The facilitator's share dialog: one link per role, what that role may do,
 * a copy button and a rotate button. The links this browser knows come from
 * the access store (the creator's browser keeps all three; the server stores
 * tokens hashed and cannot show them again); rotating a role makes a new link,
 * which is also how a facilitator on another browser gets the other links.
 */
import { useState } from 'react';
import { type BoardTokens, ROLES, type Role } from '../../../shared/roles.ts';
import { accessFor } from '../../access/access-store.ts';
import { shareLink } from '../../access/url-token.ts';
import { Modal } from '../../app/Modal.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ShareLinkRow } from './ShareLinkRow.tsx';
import './share.css';

export interface ShareDialogProps {
  boardId: string;
  /** This browser's own token (a facilitator's). */
  token: string;
  /** Makes a new token for `role` and returns it; the caller stores it (and switches to it for its own role). */
  rotate(role: Role): Promise<string>;
  onClose(): void;
}

function knownLinks(boardId: string, token: string): Partial<BoardTokens> {
  return { ...accessFor(boardId)?.links, facilitator: token };
}

export function ShareDialog({ boardId, token, rotate, onClose }: ShareDialogProps) {
  const { t } = useI18n();
  const [links, setLinks] = useState(() => knownLinks(boardId, token));
  const missing = ROLES.some((role) => !links[role]);

  const rotateRole = async (role: Role) => {
    const fresh = await rotate(role);
    setLinks((previous) => ({ ...previous, [role]: fresh }));
  };

  return (
    <Modal heading={t('share.heading')} onClose={onClose} testId="share-dialog">
      <p className="share__intro">{t('share.intro')}</p>
      {missing && (
        <p className="share__missing" data-testid="share-missing">
          {t('share.missing')}
        </p>
      )}
      <ul className="share__roles">
        {ROLES.map((role) => {
          const known = links[role];
          return (
            <ShareLinkRow
              key={role}
              role={role}
              link={known ? shareLink(window.location.origin, boardId, known) : null}
              onRotate={() => rotateRole(role)}
            />
          );
        })}
      </ul>
      <p className="muted share__footnote">{t('share.footnote')}</p>
    </Modal>
  );
}
