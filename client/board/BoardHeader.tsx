/**
 * The bar above every view of a board: title, connection state, the
 * canvas/table switch, the export menu and who is here. Shared by the canvas and table views.
 */
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageToggle } from '../i18n/LanguageToggle.tsx';
import type { Person } from '../presence/identity.ts';
import type { AwarenessUser } from '../presence/usePeople.ts';
import type { ConnectionState } from '../sync/connection-state.ts';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { PeopleList } from './PeopleList.tsx';

export interface BoardHeaderProps {
  boardId: string;
  title: string;
  connection: ConnectionState;
  people: AwarenessUser[];
  me: Person | null;
  onRename(): void;
  /** The history and deleted-cards buttons (client/history/HistoryControls.tsx). */
  history?: ReactNode;
}

export function BoardHeader({ boardId, title, connection, people, me, onRename, history }: BoardHeaderProps) {
  const { t } = useI18n();
  const viewClass = ({ isActive }: { isActive: boolean }) => `view-toggle__link${isActive ? ' is-active' : ''}`;
  return (
    <header className="board-header">
      <Link to="/" className="brand" title={t('board.backHome')}>
        {t('app.name')}
      </Link>
      <h1 className="board-header__title" data-testid="board-title">
        {title}
      </h1>
      <ConnectionBadge state={connection} />
      <nav className="view-toggle" aria-label={t('view.label')}>
        <NavLink to={`/b/${boardId}`} end className={viewClass}>
          {t('view.canvas')}
        </NavLink>
        <NavLink to={`/b/${boardId}/table`} className={viewClass}>
          {t('view.table')}
        </NavLink>
      </nav>
      {history}
      <ExportMenu boardId={boardId} />
      <PeopleList people={people} me={me} onRename={onRename} />
      <LanguageToggle />
    </header>
  );
}
