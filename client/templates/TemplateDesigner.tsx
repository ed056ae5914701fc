/**
 * The template designer: the form's sections on the left, a live preview of
 * the board on the right, and the file bar and submit button. Used on the
 * start page (a new board from an own template) and, lazily loaded, in the
 * board's "Upplägg" dialog (the board's template, edited in place).
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { AreasSection } from './AreasSection.tsx';
import { problemText } from './api-problem.ts';
import { BasicsSection } from './BasicsSection.tsx';
import { BoardPreview } from './BoardPreview.tsx';
import { DesignFileBar } from './DesignFileBar.tsx';
import { type Design, designFromTemplate } from './design.ts';
import { type DesignProblem, previewShape, templateFromDesign } from './design-template.ts';
import { ListsSection } from './ListsSection.tsx';
import { PartiesSection } from './PartiesSection.tsx';
import './designer.css';

export interface TemplateDesignerProps {
  design: Design;
  onChange(design: Design): void;
  /** For a new board: asks for its name, and the template gets an id of its own. */
  creating: boolean;
  submitLabel: string;
  busyLabel: string;
  /** Sends the template; a thrown error's message is shown beside the button. */
  onSubmit(template: Template): Promise<void>;
  /** More buttons beside submit (cancel). */
  actions?: ReactNode;
}

export function TemplateDesigner({
  design,
  onChange,
  creating,
  submitLabel,
  busyLabel,
  onSubmit,
  actions,
}: TemplateDesignerProps) {
  const { t } = useI18n();
  // Shown once the person tried to save or download; from then on they follow the form as it is fixed.
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (changes: Partial<Design>) => onChange({ ...design, ...changes });
  const current = checked ? templateFromDesign(design, creating) : null;
  const problems: DesignProblem[] = current && !current.ok ? current.problems : [];

  const asTemplate = (): Template | null => {
    const result = templateFromDesign(design, creating);
    setChecked(true);
    return result.ok ? result.template : null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const template = asTemplate();
    if (!template) return;
    setBusy(true);
    try {
      await onSubmit(template);
    } catch (err) {
      setError(t('designer.saveFailed', { error: problemText(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  const upload = (template: Template) => {
    const loaded = designFromTemplate(template, design.boardTitle);
    // Editing a board: its own template stays the base, so ids it used are never handed out again.
    onChange(creating ? loaded : { ...loaded, base: design.base });
    setChecked(false);
  };

  return (
    <form className="designer" onSubmit={submit} noValidate data-testid="template-designer">
      <div className="designer__form">
        <DesignFileBar onUpload={upload} current={asTemplate} />
        <BasicsSection design={design} creating={creating} onChange={change} />
        <AreasSection areas={design.areas} onChange={(areas) => change({ areas })} />
        <PartiesSection parties={design.parties} onChange={(parties) => change({ parties })} />
        <ListsSection design={design} onChange={change} />
      </div>
      <aside className="designer__side" aria-label={t('designer.preview.heading')}>
        <div className="designer__sticky">
          <h3>{t('designer.preview.heading')}</h3>
          <BoardPreview shape={previewShape(design)} />
          <p className="muted designer__hint">{t('designer.englishHint')}</p>
          {problems.length > 0 && (
            <div className="error" role="alert" data-testid="designer-problems">
              <p>{t('designer.problems')}</p>
              <ul>
                {problems.map((problem) => (
                  <li key={`${problem.key}${JSON.stringify(problem.params ?? {})}`}>
                    {t(problem.key, problem.params)}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {error && (
            <p className="error" role="alert" data-testid="designer-error">
              {error}
            </p>
          )}
          <div className="designer__actions">
            {actions}
            <button type="submit" className="button button--primary" disabled={busy} data-testid="designer-submit">
              {busy ? busyLabel : submitLabel}
            </button>
          </div>
        </div>
      </aside>
    </form>
  );
}
