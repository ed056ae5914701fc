/**
 * The pages shown instead of a board this browser cannot open (any more):
 * the link is not valid (no token, a wrong or rotated one) or the board was
 * deleted. Both forget what this browser stored that no longer works.
 */
import { useEffect } from 'react';
import { forgetBoardAccess, forgetToken } from '../access/access-store.ts';
import { forgetRecent } from '../home/recent-boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { MessagePage } from './MessagePage.tsx';

export function LinkNotValidPage({ boardId, token }: { boardId: string; token: string | null }) {
  const { t } = useI18n();
  useEffect(() => {
    if (token) forgetToken(boardId, token);
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
  }, [boardId]);
  return (
    <MessagePage heading={t('access.deleted.heading')} testId="board-deleted">
      {t('access.deleted.body')}
    </MessagePage>
  );
}
