/**
 * "Eget upplägg" on the start page: start a design blank or from a copy of a
 * template (the server's list), then design it and create the board. The
 * designer is loaded only once the person starts one, so neither the start
 * page nor the board page carries it until it is needed.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { getTemplate, type Template } from '../../shared/template.ts';
import { fetchTemplate, fetchTemplateList, type TemplateSummary } from '../api/templates.ts';
import { FilePickButton } from '../app/FilePickButton.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { problemText } from '../templates/api-problem.ts';

const OwnLayoutDesigner = lazy(() =>
  import('../templates/OwnLayoutDesigner.tsx').then((m) => ({ default: m.OwnLayoutDesigner })),
);

/** What the person chose to start from: nothing yet, a blank design, or a template. */
type Start = null | { template: Template | null };

export function OwnLayoutPanel() {
  const { t, pick, lang } = useI18n();
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [chosen, setChosen] = useState('');
  const [start, setStart] = useState<Start>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchTemplateList()
      .then((list) => {
        if (!live) return;
        setTemplates(list);
        setChosen((current) => current || (list[0]?.id ?? ''));
      })
      .catch((err) => live && setError(t('home.own.listFailed', { error: problemText(err, t) })));
    return () => {
      live = false;
    };
  }, [t]);

  /** A template file to start from, read and checked in the browser (the reader loads with the designer). */
  const upload = async (file: File) => {
    setError(null);
    const { readTemplateFile } = await import('../templates/template-file.ts');
    const result = await readTemplateFile(file, lang);
    if (result.ok) setStart({ template: result.template });
    else setError(t('designer.file.failed', { name: file.name, error: result.message }));
  };

  const copy = async () => {
    setBusy(true);
    setError(null);
    try {
      setStart({ template: await fetchTemplate(chosen) });
    } catch (err) {
      // A template that ships is in the page already: the copy works without the server's answer.
      const local = getTemplate(chosen);
      if (local) setStart({ template: local });
      else setError(t('home.own.copyFailed', { error: problemText(err, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel own-layout" aria-labelledby="own-heading" data-testid="own-layout">
      <h2 id="own-heading">{t('home.own.heading')}</h2>
      <p className="muted">{t('home.own.intro')}</p>
      {start === null ? (
        <div className="own-layout__start">
          <button type="button" className="button" onClick={() => setStart({ template: null })} data-testid="own-blank">
            {t('home.own.blank')}
          </button>
          {templates.length > 0 && (
            <>
              <label className="own-layout__copy">
                <span>{t('home.own.copyFrom')}</span>
                <select
                  value={chosen}
                  onChange={(event) => setChosen(event.target.value)}
                  data-testid="own-copy-choice"
                >
                  {templates.map((template) => (
                    <option key={template.id} value={template.id}>
                      {pick(template.shortTitle)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" onClick={copy} disabled={busy} data-testid="own-copy">
                {busy ? t('home.own.copying') : t('home.own.copy')}
              </button>
            </>
          )}
          <FilePickButton
            label={t('designer.file.upload')}
            accept=".json,application/json"
            onFile={upload}
            testId="own-upload"
          />
        </div>
      ) : (
        <Suspense fallback={<p aria-busy="true">{t('board.loading')}</p>}>
          <OwnLayoutDesigner from={start.template} onClose={() => setStart(null)} />
        </Suspense>
      )}
      {error && (
        <p className="error" role="alert" data-testid="own-error">
          {error}
        </p>
      )}
    </section>
  );
}
