/**
 * "Mina utkast / My drafts" (README "Running the workshop", private drafting):
 * the person's drafts of this board, kept in this browser only. While the
 * round is private they add, edit and delete drafts here; after it the panel
 * stays only while drafts wait (a refused publish, or a round ended without a
 * reveal). Focus never drops to the top of the page: a new draft's title
 * takes it, and a deleted draft hands it to its neighbour or the add button.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Template } from '../../shared/template.ts';
import { useCardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { DraftItem } from './DraftItem.tsx';
import { addDraft, type Draft, removeDrafts } from './drafts-doc.ts';

export interface DraftsPanelProps {
  doc: Y.Doc;
  drafts: Draft[];
  template: Template;
  /** Whether new drafts may be begun (the round is private). */
  writing: boolean;
  /** What the panel says about the drafts' fate, under the list (refused publish, waiting). */
  note: string;
  /** Where the panel sits (drafts.css): clear of tldraw's own panels on the canvas. */
  onCanvas: boolean;
  /** Whose drafts these are (the person's name): new ones are theirs. */
  author: string;
}

/** Once React has drawn the change, focuses the first of `selectors` found in `panel`. */
const focusLater = (panel: HTMLElement | null, ...selectors: string[]) =>
  requestAnimationFrame(() => {
    for (const selector of selectors) {
      const target = panel?.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  });

export function DraftsPanel({ doc, drafts, template, writing, note, onCanvas, author }: DraftsPanelProps) {
  const { t } = useI18n();
  const text = useCardText(template);
  const [open, setOpen] = useState(true);
  const [said, setSaid] = useState('');
  const panel = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const count = drafts.length;
  // Folding the panel or opening it again replaces the button pressed: the focus goes to what took its place.
  const toggled = useRef(false);
  useEffect(() => {
    if (!toggled.current) return;
    toggled.current = false;
    (open ? panel.current?.querySelector<HTMLElement>('h2') : toggle.current)?.focus();
  }, [open]);
  const setShown = (shown: boolean) => {
    toggled.current = true;
    setOpen(shown);
  };

  const add = () => {
    const draft = addDraft(doc, drafts.at(-1)?.goalId ?? null, author);
    setSaid(t('drafts.added', { number: count + 1 }));
    focusLater(panel.current, `[data-draft-id="${CSS.escape(draft.id)}"] textarea`);
  };
  const remove = (id: string) => {
    const at = drafts.findIndex((draft) => draft.id === id);
    const neighbour = drafts[at + 1] ?? drafts[at - 1];
    removeDrafts(doc, [id]);
    setSaid(t('drafts.removed'));
    const next = neighbour ? `[data-draft-id="${CSS.escape(neighbour.id)}"] textarea` : '.drafts-panel__add';
    focusLater(panel.current, next, '.drafts-panel__add', 'h2');
  };

  if (!open) {
    return (
      <button
        ref={toggle}
        type="button"
        className="button drafts-toggle"
        data-on-canvas={onCanvas}
        aria-expanded={false}
        onClick={() => setShown(true)}
        data-testid="drafts-show"
      >
        {t('drafts.show', { count })}
      </button>
    );
  }
  return (
    <section
      ref={panel}
      className="drafts-panel"
      aria-labelledby="drafts-heading"
      data-on-canvas={onCanvas}
      data-testid="drafts-panel"
    >
      <div className="drafts-panel__head">
        <h2 id="drafts-heading" tabIndex={-1}>
          {t('drafts.heading', { count })}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          aria-expanded={true}
          onClick={() => setShown(false)}
          data-testid="drafts-hide"
        >
          {t('drafts.hide')}
        </button>
      </div>
      {writing && <p className="drafts-panel__intro">{t('drafts.intro')}</p>}
      {count === 0 && <p className="drafts-panel__empty">{t('drafts.empty')}</p>}
      {count > 0 && (
        <ol className="drafts-panel__list">
          {drafts.map((draft, at) => (
            <DraftItem
              key={draft.id}
              doc={doc}
              draft={draft}
              number={at + 1}
              template={template}
              text={text}
              onRemove={remove}
            />
          ))}
        </ol>
      )}
      {note && (
        <p className="drafts-panel__note" role="status" data-testid="drafts-note">
          {note}
        </p>
      )}
      {writing && (
        <button
          type="button"
          className="button button--primary drafts-panel__add"
          onClick={add}
          data-testid="draft-add"
        >
          {t('drafts.add')}
        </button>
      )}
      <p className="sr-only" role="status">
        {said}
      </p>
    </section>
  );
}
