/**
 * The bar above every view of a board: title, the person's role, connection
 * state, the canvas/table switch, the facilitator's controls, the export menu
 * and who is here. Shared by the canvas and table views.
 */
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import type { Role } from '../../shared/roles.ts';
import { isFacilitator } from '../access/permissions.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageToggle } from '../i18n/LanguageToggle.tsx';
import type { Person } from '../presence/identity.ts';
import type { AwarenessUser } from '../presence/usePeople.ts';
import type { ConnectionState } from '../sync/connection-state.ts';
import { FacilitatorControls } from './admin/FacilitatorControls.tsx';
import { ConnectionBadge } from './ConnectionBadge.tsx';
import { PeopleList } from './PeopleList.tsx';

/** The board as the header shows it: what it is called and what this person may do with it. */
export interface HeaderBoard {
  id: string;
  title: string;
  role: Role;
  token: string;
  locked: boolean;
}

export interface BoardHeaderProps {
  board: HeaderBoard;
  connection: ConnectionState;
  /** Local edits not yet sent (shown while not connected). */
  pending?: number;
  people: AwarenessUser[];
  me: Person | null;
  onRename(): void;
  /** Facilitators: makes a new share link for a role and returns its token. */
  rotate(role: Role): Promise<string>;
  /** The history and deleted-cards buttons (client/history/HistoryControls.tsx). */
  history?: ReactNode;
  /** The workshop timer and phase pills (client/workshop/WorkshopPills.tsx). */
  workshop?: ReactNode;
}

export function BoardHeader(props: BoardHeaderProps) {
  const { board, connection, pending, people, me, onRename, rotate, history, workshop } = props;
  const { t } = useI18n();
  const viewClass = ({ isActive }: { isActive: boolean }) => `view-toggle__link${isActive ? ' is-active' : ''}`;
  return (
    <header className="board-header">
      <Link to="/" className="brand" title={t('board.backHome')}>
        {t('app.name')}
      </Link>
      <h1 className="board-header__title" data-testid="board-title" title={board.title}>
        {board.title}
      </h1>
      <span className="role-chip" data-testid="my-role" data-role={board.role} title={t(`role.${board.role}.may`)}>
        {t(`role.${board.role}`)}
      </span>
      <ConnectionBadge state={connection} pending={pending} />
      {workshop}
      <nav className="view-toggle" aria-label={t('view.label')}>
        <NavLink to={`/b/${board.id}`} end className={viewClass}>
          {t('view.canvas')}
        </NavLink>
        <NavLink to={`/b/${board.id}/table`} className={viewClass}>
          {t('view.table')}
        </NavLink>
        <NavLink to={`/b/${board.id}/follow-up`} className={viewClass} data-testid="follow-up-link">
          {t('view.followUp')}
        </NavLink>
      </nav>
      {isFacilitator(board.role) && <FacilitatorControls board={board} rotate={rotate} />}
      {history}
      <ExportMenu boardId={board.id} token={board.token} />
      <PeopleList people={people} me={me} board={board} onRename={onRename} />
      <LanguageToggle />
    </header>
  );
}
