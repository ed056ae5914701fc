/**
 * An open board: one connection, the shared header, and the current view
 * (canvas or table) below it. Asks for the person's name first. What the
 * person may do follows the token's role and, for participants, the lock.
 */
import { useEffect, useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import type { BoardView } from '../../shared/api.ts';
import { canWrite } from '../../shared/board-doc.ts';
import type { Role } from '../../shared/roles.ts';
import { rememberRotated } from '../access/access-store.ts';
import { lockedOut, writesDocument } from '../access/permissions.ts';
import { rotateToken } from '../api/board-admin.ts';
import type { BoardVersion } from '../api/history.ts';
import { MAIN_CONTENT_ID, SkipLink } from '../app/SkipLink.tsx';
import { HistoryControls } from '../history/HistoryControls.tsx';
import { VersionView } from '../history/VersionView.tsx';
import { rememberBoard } from '../home/recent-boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { makePerson, personId, storedName, storeName } from '../presence/identity.ts';
import { useIdle } from '../presence/idle.ts';
import { NameDialog } from '../presence/NameDialog.tsx';
import { SummonNotice } from '../presence/SummonNotice.tsx';
import { usePeople } from '../presence/usePeople.ts';
import { useBoardConnection } from '../sync/useBoardConnection.ts';
import { BoardUndoLayer } from '../undo/BoardUndoLayer.tsx';
import { dismissDeleted } from '../undo/deletion-notice.ts';
import { useVoting } from '../voting/useVoting.ts';
import { VotingContext } from '../voting/voting-context.ts';
import { PhaseNotice } from '../workshop/PhaseNotice.tsx';
import { usePhaseRestriction } from '../workshop/useWorkshop.ts';
import { WorkshopPills } from '../workshop/WorkshopPills.tsx';
import { BoardHeader } from './BoardHeader.tsx';
import { type BoardContextValue, canEditNow } from './board-context.ts';
import { ConnectionNotice } from './ConnectionNotice.tsx';
import { BoardDeletedPage, LinkNotValidPage } from './EndPages.tsx';
import { ExpiryNotice } from './ExpiryNotice.tsx';
import { RoleNotice } from './RoleNotice.tsx';
import { useBoardMeta } from './useBoardMeta.ts';
import { useBoardTemplate } from './useBoardTemplate.ts';
import './board.css';

export function BoardSession({ info, token: linkToken }: { info: BoardView; token: string }) {
  const { t } = useI18n();
  const [token, setToken] = useState(linkToken);
  // While the facilitator rotates their own link, the server's close of the old one (4401) is expected.
  const [rotatingOwn, setRotatingOwn] = useState(false);
  // A viewer never edits, so its page keeps no copy of the board in the browser (README "Weak networks").
  const connection = useBoardConnection(info.id, token, writesDocument(info.role));
  const meta = useBoardMeta(connection?.doc ?? null);
  const [name, setName] = useState(storedName);
  const [renaming, setRenaming] = useState(false);
  // A version opened from the history replaces the live views until the person goes back.
  const [version, setVersion] = useState<BoardVersion | null>(null);
  const [historyMessage, setHistoryMessage] = useState('');
  const id = useMemo(personId, []);
  const person = useMemo(() => (name ? makePerson(id, name) : null), [id, name]);
  const { role } = info;
  const idle = useIdle();
  // The role announced is checked by the server against this link's (README "Following and summoning").
  const people = usePeople(connection?.provider.awareness ?? null, person, { role, idle });

  // The history calls carry the token this page opened the board with (it changes when the facilitator rotates it).
  const access = useMemo(() => ({ boardId: info.id, token }), [info.id, token]);
  const title = meta?.title || info.title;
  // The board's own copy of its template (older boards: the built-in one of its id).
  const template = useBoardTemplate(connection?.doc ?? null, meta?.templateId || info.templateId);
  const locked = meta ? meta.locked : info.locked;
  // A workshop phase that restricts participants makes their page read-only too (README "Running the workshop").
  const restriction = usePhaseRestriction(connection?.doc ?? null);
  // Before meta arrives we cannot know the schema version; the canvas waits for the sync anyway.
  const writable = writesDocument(role) && (meta === null || canWrite(meta));
  const voting = useVoting({
    doc: connection?.doc ?? null,
    board: { id: info.id, token, role },
    template,
    locked,
    restriction,
  });

  useEffect(() => {
    rememberBoard({ ...info, title }, role);
  }, [info, title, role]);

  const rotate = async (rotated: Role) => {
    const own = rotated === role;
    if (own) setRotatingOwn(true);
    try {
      const answer = await rotateToken(info.id, token, rotated);
      rememberRotated(info.id, rotated, answer.token);
      // A new token means a new connection (and document): the old one is closed by the server.
      if (own) setToken(answer.token);
      return answer.token;
    } finally {
      if (own) setRotatingOwn(false);
    }
  };

  if (connection?.ended === 'revoked' && !rotatingOwn) return <LinkNotValidPage boardId={info.id} token={token} />;
  if (connection?.ended === 'deleted') return <BoardDeletedPage boardId={info.id} />;

  const chooseName = (chosen: string) => {
    storeName(chosen);
    setName(chosen);
    setRenaming(false);
  };

  let body: React.ReactNode = null;
  if (!template && connection && !connection.hasSynced) {
    // A board on its own template has none to show until its document arrives.
    body = null;
  } else if (!template) {
    body = <p className="notice notice--error">{t('board.templateUnknown', { templateId: info.templateId })}</p>;
  } else if (connection && person && version) {
    body = (
      <VersionView
        board={access}
        version={version}
        template={template}
        liveDoc={connection.doc}
        mayRestore={role === 'facilitator'}
        onBack={(message) => {
          setVersion(null);
          setHistoryMessage(message ?? '');
        }}
      />
    );
  } else if (connection && person) {
    const context: BoardContextValue = {
      info,
      role,
      template,
      doc: connection.doc,
      provider: connection.provider,
      connection: connection.state,
      hasSynced: connection.hasSynced,
      meta,
      writable,
      lockedOut: lockedOut(role, locked || restriction !== 'none'),
      person,
      token,
    };
    body = (
      <>
        <Outlet context={context} />
        <BoardUndoLayer doc={connection.doc} enabled={canEditNow(context)} />
      </>
    );
  }

  return (
    <VotingContext.Provider value={voting}>
      <div className="board-page">
        <SkipLink />
        <BoardHeader
          board={{ id: info.id, title, role, token, locked }}
          connection={connection?.state ?? 'connecting'}
          pending={connection?.pending ?? 0}
          people={people}
          me={person}
          onRename={() => setRenaming(true)}
          rotate={rotate}
          workshop={
            connection && (
              <WorkshopPills doc={connection.doc} board={{ id: info.id, token, role }} template={template} />
            )
          }
          history={
            template &&
            connection && (
              <HistoryControls
                board={access}
                doc={connection.doc}
                role={role}
                template={template}
                onOpenVersion={(opened) => {
                  setHistoryMessage('');
                  // An offer to undo a deletion means nothing any more once the person looks at (or restores) a version.
                  dismissDeleted(connection.doc);
                  setVersion(opened);
                }}
              />
            )
          }
        />
        <ExpiryNotice expiresAt={info.expiresAt} />
        {historyMessage && (
          <p className="notice history-message" role="status" data-testid="history-message">
            {historyMessage}
            <button type="button" className="button button--quiet" onClick={() => setHistoryMessage('')}>
              {t('history.close')}
            </button>
          </p>
        )}
        {meta && !canWrite(meta) && (
          <p className="notice" role="status">
            {t('board.readOnlyNewer')}
          </p>
        )}
        <RoleNotice role={role} locked={locked} />
        <PhaseNotice role={role} restriction={restriction} />
        {connection && (
          <ConnectionNotice
            problem={connection.problem}
            state={connection.state}
            localCopyDiscarded={connection.localCopyDiscarded}
          />
        )}
        <div className="board-page__body" id={MAIN_CONTENT_ID} tabIndex={-1}>
          {body}
          {connection && <SummonNotice boardId={info.id} doc={connection.doc} hasSynced={connection.hasSynced} />}
        </div>
        {(!person || renaming) && <NameDialog initial={person?.name} onDone={chooseName} />}
      </div>
    </VotingContext.Provider>
  );
}
