/**
 * "Upplägg" on the board page (facilitator): the board's own template in the
 * designer. Saving replaces it on the server, which writes it into the
 * document's meta, so every open page redraws its zones live. When removed
 * goals or areas still hold cards the server answers 409 with them, and the
 * dialog asks where their cards go before sending the save again with the moves.
 */
import { useEffect, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { type CardMoves, fetchBoardTemplate, type PlaceWithCards, saveBoardTemplate } from '../api/templates.ts';
import { Modal } from '../app/Modal.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { problemText } from './api-problem.ts';
import { CardMovesForm } from './CardMovesForm.tsx';
import { type Design, designFromTemplate } from './design.ts';
import { TemplateDesigner } from './TemplateDesigner.tsx';

export interface LayoutDialogProps {
  boardId: string;
  token: string;
  onClose(): void;
}

type Step =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'design' }
  | { kind: 'moves'; template: Template; places: PlaceWithCards[] };

export function LayoutDialog({ boardId, token, onClose }: LayoutDialogProps) {
  const { t } = useI18n();
  const [design, setDesign] = useState<Design | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [movesError, setMovesError] = useState<string | null>(null);

  const reason = (err: unknown) => problemText(err, t);

  // Loaded once when the dialog opens: a change of language must not fetch it again and drop the edits.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t and reason only word a failure
  useEffect(() => {
    let live = true;
    fetchBoardTemplate(boardId, token)
      .then((template) => {
        if (!live) return;
        setDesign(designFromTemplate(template));
        setStep({ kind: 'design' });
      })
      .catch((err) => live && setStep({ kind: 'failed', message: t('layout.loadFailed', { error: reason(err) }) }));
    return () => {
      live = false;
    };
  }, [boardId, token]);

  /** Sends the layout; a refusal for cards without a place turns the dialog to the moves. */
  const save = async (template: Template, moves?: CardMoves) => {
    const result = await saveBoardTemplate(boardId, token, template, moves);
    if (result.ok) onClose();
    else setStep({ kind: 'moves', template, places: result.placesWithCards });
  };

  const saveWithMoves = async (template: Template, moves: CardMoves) => {
    setBusy(true);
    setMovesError(null);
    try {
      await save(template, moves);
    } catch (err) {
      setMovesError(t('designer.saveFailed', { error: reason(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal heading={t('layout.heading')} onClose={onClose} testId="layout-dialog" wide>
      {step.kind === 'loading' && <p aria-busy="true">{t('layout.loading')}</p>}
      {step.kind === 'failed' && (
        <p className="error" role="alert">
          {step.message}
        </p>
      )}
      {step.kind === 'design' && design && (
        <>
          <p className="muted">{t('layout.intro')}</p>
          <TemplateDesigner
            design={design}
            onChange={setDesign}
            creating={false}
            submitLabel={t('layout.save')}
            busyLabel={t('layout.saving')}
            onSubmit={(template) => save(template)}
            actions={
              <button type="button" className="button button--quiet" onClick={onClose}>
                {t('layout.cancel')}
              </button>
            }
          />
        </>
      )}
      {step.kind === 'moves' && (
        <>
          <CardMovesForm
            places={step.places}
            template={step.template}
            previous={design?.base ?? null}
            busy={busy}
            onSubmit={(moves) => saveWithMoves(step.template, moves)}
            onBack={() => setStep({ kind: 'design' })}
          />
          {movesError && (
            <p className="error" role="alert" data-testid="card-moves-error">
              {movesError}
            </p>
          )}
        </>
      )}
    </Modal>
  );
}
