/**
 * "Importera plan" on the start page: a plan file (JSON from Samtavla, or a
 * CSV/XLSX sheet) becomes a new board, and the browser goes to it. A refused
 * file shows the server's own message, which names the line, row or field.
 */
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { listTemplates } from '../../../shared/template.ts';
import { ApiError, importPlanFile } from '../../api/boards.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { BoardTitleField } from '../BoardTitleField.tsx';
import { openCreatedBoard } from '../open-created-board.ts';
import { ACCEPT, checkFile, type FileCheck, fileSize, MAX_IMPORT_MB } from './import-file.ts';
import './import.css';

/** A problem to show: our own sentence, or the server's words (as they come) after a lead-in in the interface language. */
interface Problem {
  fromServer: boolean;
  text: string;
}

export function ImportPlanPanel() {
  const { t } = useI18n();
  return (
    <section className="panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('home.import.heading')}</h2>
      <p className="import-form__intro muted">{t('home.import.intro')}</p>
      <ImportPlanForm />
    </section>
  );
}

/** The template choice "the file's own focus areas" (no template id: those are slugs, without underscores). */
const FILE_LAYOUT = '__file__';

function ImportPlanForm() {
  const { t, pick, lang } = useI18n();
  const navigate = useNavigate();
  const fieldId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [templateId, setTemplateId] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  /** A board made from a file the server had something to say about: shown before it opens. */
  const [imported, setImported] = useState<{ path: string; notices: string[] } | null>(null);

  const checked: FileCheck | null = file ? checkFile(file) : null;
  // JSON files carry their template and title; the choices only matter for sheets.
  const isSheet = checked?.ok === true && checked.format !== 'json';

  const describe = (f: File, check: FileCheck): Problem | null => {
    if (check.ok) return null;
    if (check.problem === 'wrong-type')
      return { fromServer: false, text: t('home.import.wrongType', { name: f.name }) };
    return { fromServer: false, text: t('home.import.tooLarge', { size: fileSize(f.size, lang), max: MAX_IMPORT_MB }) };
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    // Say at once what is wrong with the file, before anyone presses the button.
    setProblem(chosen ? describe(chosen, checkFile(chosen)) : null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !checked) {
      setProblem({ fromServer: false, text: t('home.import.noFile') });
      return;
    }
    const local = describe(file, checked);
    if (local) {
      setProblem(local);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const board = await importPlanFile(
        file,
        isSheet
          ? {
              ...(templateId === FILE_LAYOUT ? { layout: 'file' as const } : { templateId: templateId || undefined }),
              title: title.trim() || undefined,
            }
          : {},
      );
      const path = openCreatedBoard(board);
      if (board.notices && board.notices.length > 0) {
        setImported({ path, notices: board.notices });
        setBusy(false);
      } else navigate(path);
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setProblem({ fromServer: true, text: reason });
      setBusy(false);
    }
  };

  if (imported) {
    return (
      <div className="import-form" role="status" data-testid="import-notices">
        <p>
          <strong>{t('home.import.doneWithNotices')}</strong>
        </p>
        <ul className="import-form__notices">
          {imported.notices.map((notice, i) => (
            // Two notices may read the same; their order is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered.
            <li key={i}>{notice}</li>
          ))}
        </ul>
        <button type="button" className="button button--primary" onClick={() => navigate(imported.path)}>
          {t('home.import.openBoard')}
        </button>
      </div>
    );
  }

  return (
    <form className="import-form" onSubmit={submit} noValidate data-testid="import-form">
      <div className="field">
        <span className="field__label" id={`${fieldId}label`}>
          {t('home.import.file')}
        </span>
        {/* The native input stays focusable and does the work; the label beside it is the visible,
            translated button (the browser would label its own in the browser's language). */}
        <div className="file-pick">
          <input
            id={`${fieldId}input`}
            type="file"
            name="file"
            accept={ACCEPT}
            onChange={choose}
            aria-labelledby={`${fieldId}label`}
            aria-describedby={`${fieldId}name ${fieldId}hint`}
            className="file-pick__input"
            data-testid="import-file"
          />
          <label htmlFor={`${fieldId}input`} className="button file-pick__button">
            {t('home.import.choose')}
          </label>
          <span id={`${fieldId}name`} className={file ? 'file-pick__name' : 'file-pick__name muted'}>
            {file
              ? t('home.import.chosen', { name: file.name, size: fileSize(file.size, lang) })
              : t('home.import.none')}
          </span>
        </div>
        <span id={`${fieldId}hint`} className="muted import-form__hint">
          {t('home.import.fileHint', { max: MAX_IMPORT_MB })}
        </span>
      </div>
      {checked?.ok && checked.format === 'json' && <p className="import-form__note">{t('home.import.jsonNote')}</p>}
      {isSheet && (
        <div className="import-form__options">
          <label className="field">
            <span className="field__label">{t('home.import.template')}</span>
            <select
              name="templateId"
              value={templateId}
              onChange={(e) => setTemplateId(e.target.value)}
              data-testid="import-template"
            >
              <option value="">{t('home.import.templateAuto')}</option>
              <option value={FILE_LAYOUT}>{t('home.import.templateFile')}</option>
              {listTemplates().map((template) => (
                <option key={template.id} value={template.id}>
                  {pick(template.shortTitle)}
                </option>
              ))}
            </select>
          </label>
          <BoardTitleField
            label={t('home.import.title')}
            placeholder={t('home.import.titlePlaceholder')}
            value={title}
            onChange={setTitle}
            testId="import-title"
          />
        </div>
      )}
      {problem && (
        <div className="error import-form__error" role="alert" data-testid="import-error">
          {problem.fromServer && <strong className="import-form__lead">{t('home.import.failed')}</strong>}
          <span data-testid="import-error-message">{problem.text}</span>
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="import-submit">
        {busy ? t('home.import.submitting') : t('home.import.submit')}
      </button>
    </form>
  );
}
