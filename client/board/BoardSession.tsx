/**
 * An open board: one connection, the shared header, and the current view
 * (canvas or table) below it. Asks for the person's name first.
 */
import { useEffect, useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import type { BoardInfo, BoardView } from '../../shared/api.ts';
import { canWrite } from '../../shared/board-doc.ts';
import { getTemplate } from '../../shared/template.ts';
import { storedBoardToken } from '../api/board-token.ts';
import type { BoardVersion } from '../api/history.ts';
import { HistoryControls } from '../history/HistoryControls.tsx';
import { VersionView } from '../history/VersionView.tsx';
import { rememberBoard } from '../home/recent-boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { makePerson, personId, storedName, storeName } from '../presence/identity.ts';
import { NameDialog } from '../presence/NameDialog.tsx';
import { usePeople } from '../presence/usePeople.ts';
import { useBoardConnection } from '../sync/useBoardConnection.ts';
import { BoardUndoLayer } from '../undo/BoardUndoLayer.tsx';
import { BoardHeader } from './BoardHeader.tsx';
import { type BoardContextValue, canEditNow } from './board-context.ts';
import { ConnectionNotice } from './ConnectionNotice.tsx';
import { useBoardMeta } from './useBoardMeta.ts';
import './board.css';

export function BoardSession({ info }: { info: BoardInfo }) {
  const { t } = useI18n();
  const connection = useBoardConnection(info.id);
  const meta = useBoardMeta(connection?.doc ?? null);
  const [name, setName] = useState(storedName);
  const [renaming, setRenaming] = useState(false);
  // A version opened from the history replaces the live views until the person goes back.
  const [version, setVersion] = useState<BoardVersion | null>(null);
  const [historyMessage, setHistoryMessage] = useState('');
  const id = useMemo(personId, []);
  const person = useMemo(() => (name ? makePerson(id, name) : null), [id, name]);
  const people = usePeople(connection?.provider.awareness ?? null, person);

  // The server says which role the token gives (GET /api/boards/:id).
  const role = (info as Partial<BoardView>).role ?? 'viewer';
  const access = useMemo(() => ({ boardId: info.id, token: storedBoardToken(info.id) }), [info.id]);
  const title = meta?.title || info.title;
  const template = getTemplate(meta?.templateId || info.templateId);
  // Before meta arrives we cannot know the schema version; the canvas waits for the sync anyway.
  const writable = meta === null || canWrite(meta);

  useEffect(() => {
    rememberBoard({ ...info, title });
  }, [info, title]);

  const chooseName = (chosen: string) => {
    storeName(chosen);
    setName(chosen);
    setRenaming(false);
  };

  let body: React.ReactNode = null;
  if (!template) {
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
      template,
      doc: connection.doc,
      provider: connection.provider,
      connection: connection.state,
      hasSynced: connection.hasSynced,
      meta,
      writable,
      person,
    };
    body = (
      <>
        <Outlet context={context} />
        <BoardUndoLayer doc={connection.doc} enabled={canEditNow(context)} />
      </>
    );
  }

  return (
    <div className="board-page">
      <BoardHeader
        boardId={info.id}
        title={title}
        connection={connection?.state ?? 'connecting'}
        people={people}
        me={person}
        onRename={() => setRenaming(true)}
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
                setVersion(opened);
              }}
            />
          )
        }
      />
      {historyMessage && (
        <p className="notice history-message" role="status" data-testid="history-message">
          {historyMessage}
          <button type="button" className="button button--quiet" onClick={() => setHistoryMessage('')}>
            {t('history.close')}
          </button>
        </p>
      )}
      {!writable && (
        <p className="notice" role="status">
          {t('board.readOnlyNewer')}
        </p>
      )}
      {connection && <ConnectionNotice problem={connection.problem} state={connection.state} />}
      <div className="board-page__body">{body}</div>
      {(!person || renaming) && <NameDialog initial={person?.name} onDone={chooseName} />}
    </div>
  );
}
