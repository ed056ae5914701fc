/**
 * The boards this browser has opened, newest first: title, the role it opens
 * them with and the last visit. Each entry opens with the token stored in
 * this browser; removing one also forgets that token here, and the board's
 * copy in this browser (README "On the board page": what stays on this device).
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { listTemplates } from '../../shared/template.ts';
import { forgetBoardAccess, roleFor } from '../access/access-store.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { forgetLocalCopy } from '../sync/local-copy.ts';
import { loadRecent, type RecentBoard, saveRecent, withoutRecent } from './recent-boards.ts';

export function RecentBoards() {
  const { t, pick, lang } = useI18n();
  const [recent, setRecent] = useState<RecentBoard[]>(loadRecent);
  const templateTitle = (id: string) => {
    const template = listTemplates().find((tpl) => tpl.id === id);
    return template ? pick(template.shortTitle) : id;
  };
  const visited = (iso: string) =>
    new Date(iso).toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  const forget = (boardId: string) => {
    const next = withoutRecent(recent, boardId);
    saveRecent(next);
    forgetBoardAccess(boardId);
    void forgetLocalCopy(boardId);
    setRecent(next);
  };

  if (recent.length === 0) return <p className="muted">{t('home.recent.empty')}</p>;
  return (
    <ul className="recent" data-testid="recent-boards">
      {recent.map((entry) => {
        // The role the entry opens with (the strongest stored link), else the one of the last visit.
        const board = { ...entry, role: roleFor(entry.id) ?? entry.role };
        return (
          <li key={board.id} className="recent__item" data-board-id={board.id}>
            <Link to={`/b/${board.id}`} className="recent__link">
              <span className="recent__title">{board.title}</span>
              <span className="muted">
                {board.role && (
                  <span className="role-chip" data-testid="recent-role" data-role={board.role}>
                    {t(`role.${board.role}`)}
                  </span>
                )}
                {templateTitle(board.templateId)} · {t('home.recent.visited', { when: visited(board.openedAt) })}
              </span>
            </Link>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => forget(board.id)}
              aria-label={`${t('home.recent.forget')}: ${board.title}`}
              title={t('home.recent.forgetHint')}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
