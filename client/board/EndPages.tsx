/**
 * The pages shown instead of a board this browser cannot open (any more):
 * the link is not valid (no token, a wrong or rotated one) or the board was
 * deleted. Both forget what this browser stored that no longer works, the
 * board's local copy too (README "Weak networks"): edits kept in it could not
 * be sent any more.
 */
import { useEffect } from 'react';
import { forgetBoardAccess, forgetToken } from '../access/access-store.ts';
import { forgetRecent } from '../home/recent-boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { forgetLocalCopy } from '../sync/local-copy.ts';
import { MessagePage } from './MessagePage.tsx';

export function LinkNotValidPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useI18n();
  useEffect(() => {
    // Only a token the server turned down ends this browser's access; a link without one decides nothing.
    if (!token) return;
    forgetToken(boardId, token);
    void forgetLocalCopy(boardId);
  }, [boardId, token]);
  return (
    <MessagePage heading={t('access.notValid.heading')} testId="link-not-valid">
      {t(token ? 'access.notValid.body' : 'access.noToken.body')}
    </MessagePage>
  );
}

export function BoardDeletedPage({ boardId }: { boardId: string }) {
  const { t } = useI18n();
  useEffect(() => {
    forgetBoardAccess(boardId);
    forgetRecent(boardId);
    void forgetLocalCopy(boardId);
  }, [boardId]);
  return (
    <MessagePage heading={t('access.deleted.heading')} testId="board-deleted">
      {t('access.deleted.body')}
    </MessagePage>
  );
}
