/**
 * The board page where tldraw would hide its canvas for want of a licence key
 * (README "The tldraw licence key"): the table view, fully usable, under a
 * short notice — for the facilitator also what the operator has to do. tldraw
 * is never loaded here, so nothing of it calls tldraw's servers.
 */
import { useI18n } from '../i18n/I18nProvider.tsx';
import { TablePage } from '../table/TablePage.tsx';
import { useBoard } from './board-context.ts';

export function CanvasUnavailable() {
  const { t } = useI18n();
  const { role } = useBoard();
  return (
    <>
      <section className="notice notice--licence" aria-labelledby="canvas-unlicensed" data-testid="canvas-unlicensed">
        <h2 id="canvas-unlicensed" className="notice__title">
          {t('canvas.unlicensed.title')}
        </h2>
        <p>{t('canvas.unlicensed.everyone')}</p>
        {role === 'facilitator' && <p data-testid="canvas-unlicensed-operator">{t('canvas.unlicensed.operator')}</p>}
      </section>
      <TablePage />
    </>
  );
}
