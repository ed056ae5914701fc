/** The "new board" form: a title and a template; on success the browser goes to the new board. */
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { DEFAULT_TEMPLATE_ID, listTemplates, templateGoals } from '../../shared/template.ts';
import { ApiError, createBoard } from '../api/boards.ts';
import { fetchTemplateList, type TemplateSummary } from '../api/templates.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { BoardTitleField } from './BoardTitleField.tsx';
import { openCreatedBoard } from './open-created-board.ts';

export function CreateBoardForm() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [templateId, setTemplateId] = useState(DEFAULT_TEMPLATE_ID);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Templates of this server's TEMPLATES_DIR, beside the built-in ones the page carries (with their colours).
  const [serverTemplates, setServerTemplates] = useState<TemplateSummary[]>([]);

  useEffect(() => {
    let live = true;
    fetchTemplateList()
      .then((list) => live && setServerTemplates(list.filter((entry) => entry.source === 'server')))
      // Without the list the built-in templates still serve; "Eget upplägg" reports the failure.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setError(t('home.create.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const board = await createBoard({ title: title.trim(), templateId });
      navigate(openCreatedBoard(board));
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('home.create.failed', { error: reason }));
      setBusy(false);
    }
  };

  return (
    <form className="create-form" onSubmit={submit} noValidate>
      <BoardTitleField
        label={t('home.create.title')}
        placeholder={t('home.create.titlePlaceholder')}
        value={title}
        onChange={setTitle}
        testId="board-title-input"
      />
      <fieldset className="field">
        <legend className="field__label">{t('home.create.template')}</legend>
        <div className="template-choices">
          {listTemplates().map((template) => (
            <TemplateChoice key={template.id} id={template.id} chosen={templateId} onChoose={setTemplateId}>
              <span className="template-choice__title">{pick(template.shortTitle)}</span>
              <span className="template-choice__swatches" aria-hidden="true">
                {template.focusAreas.map((area) => (
                  <span key={area.id} className="swatch" style={{ background: area.color }} />
                ))}
              </span>
              <span className="muted">
                {t('home.create.templateHint', {
                  areas: template.focusAreas.length,
                  goals: templateGoals(template).length,
                })}
              </span>
            </TemplateChoice>
          ))}
          {serverTemplates.map((template) => (
            <TemplateChoice key={template.id} id={template.id} chosen={templateId} onChoose={setTemplateId}>
              <span className="template-choice__title">{pick(template.shortTitle)}</span>
              <span className="muted">{t('home.create.serverTemplate')}</span>
            </TemplateChoice>
          ))}
        </div>
      </fieldset>
      {error && (
        <p className="error" role="alert" data-testid="create-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="create-board">
        {busy ? t('home.create.submitting') : t('home.create.submit')}
      </button>
    </form>
  );
}

/** One template to choose in the form: a radio button with what it says about the template. */
function TemplateChoice(props: { id: string; chosen: string; onChoose(id: string): void; children: ReactNode }) {
  const { id, chosen, onChoose, children } = props;
  return (
    <label className="template-choice">
      <input type="radio" name="templateId" value={id} checked={chosen === id} onChange={() => onChoose(id)} />
      <span className="template-choice__body">{children}</span>
    </label>
  );
}
