/**
 * `/b/:boardId/table`: the plan as a table. A placeholder until the table
 * view is built; it already receives the open board (document, template,
 * person) through useBoard(), under the same header as the canvas.
 */
import { useBoard } from '../board/board-context.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function TablePage() {
  const { t } = useI18n();
  useBoard();
  return (
    <section className="table-placeholder" data-testid="table-view">
      <p>{t('table.placeholder')}</p>
    </section>
  );
}
