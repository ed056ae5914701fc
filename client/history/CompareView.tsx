/**
 * "Jämför med nu": which cards were added, removed or changed between a
 * version and the live board, and for a changed card which fields differ,
 * with both values. The plan mapping and comparison load on demand (they
 * bring the plan schema, which the board page does not otherwise need), and
 * the comparison follows the live board as people keep editing.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeCards } from '../../shared/card.ts';
import type { PlanCard } from '../../shared/plan/schema.ts';
import type { Template } from '../../shared/template.ts';
import { useCardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { fieldLabel, fieldValue, placeName } from './compare-text.ts';

interface Changed {
  before: PlanCard;
  after: PlanCard;
  /** Plan-data keys that differ; "place" when the card moved to another goal. */
  fields: string[];
  /** Where the card sat in the version and sits now. */
  from: string;
  to: string;
}

interface Result {
  added: { card: PlanCard; place: string }[];
  removed: { card: PlanCard; place: string }[];
  changed: Changed[];
}

/** How long the live board must be still before the comparison is made again. */
const RECOMPARE_MS = 400;

export function CompareView({
  versionDoc,
  liveDoc,
  template,
}: {
  versionDoc: Y.Doc;
  liveDoc: Y.Doc;
  template: Template;
}) {
  const { t, pick } = useI18n();
  const text = useCardText(template);
  const [result, setResult] = useState<Result | null>(null);
  const unplaced = t('trash.noGoal');

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async () => {
      const [{ docToPlan }, { comparePlans, placedCards }] = await Promise.all([
        import('../../shared/plan/to-plan.ts'),
        import('../../shared/plan/compare.ts'),
      ]);
      const before = docToPlan(versionDoc, template);
      const after = docToPlan(liveDoc, template);
      const diff = comparePlans(before, after);
      const placesOf = (plan: typeof before) =>
        new Map(placedCards(plan).map((placed) => [placed.card.id, placed.place]));
      const placesBefore = placesOf(before);
      const placesAfter = placesOf(after);
      const name = (place: string | null | undefined) => placeName(place, template, pick, unplaced);
      if (!live) return;
      setResult({
        added: diff.added.map((card) => ({ card, place: name(placesAfter.get(card.id)) })),
        removed: diff.removed.map((card) => ({ card, place: name(placesBefore.get(card.id)) })),
        changed: diff.changed.map((entry) => ({
          ...entry,
          from: name(placesBefore.get(entry.before.id)),
          to: name(placesAfter.get(entry.after.id)),
        })),
      });
    };
    void run();
    const stop = observeCards(liveDoc, () => {
      clearTimeout(timer);
      timer = setTimeout(() => void run(), RECOMPARE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
    };
  }, [versionDoc, liveDoc, template, pick, unplaced]);

  if (!result) return <p aria-busy="true">{t('compare.loading')}</p>;
  const title = (card: PlanCard) => card.title.trim() || text.t('card.untitled');
  const status = (value: string) => text.t(value === 'agreed' ? 'card.status.agreed' : 'card.status.draft');
  const nothing = result.added.length + result.removed.length + result.changed.length === 0;

  return (
    <section className="compare" aria-labelledby="compare-heading" data-testid="compare-view">
      <h2 id="compare-heading">{t('compare.heading')}</h2>
      {nothing && <p data-testid="compare-none">{t('compare.none')}</p>}
      {result.added.length > 0 && (
        <CardList
          heading={t('compare.added', { count: result.added.length })}
          kind="added"
          items={result.added}
          title={title}
        />
      )}
      {result.removed.length > 0 && (
        <CardList
          heading={t('compare.removed', { count: result.removed.length })}
          kind="removed"
          items={result.removed}
          title={title}
        />
      )}
      {result.changed.length > 0 && (
        <div className="compare__group compare__group--changed">
          <h3>{t('compare.changed', { count: result.changed.length })}</h3>
          <ul className="compare__list">
            {result.changed.map((entry) => (
              <li
                key={entry.after.id}
                className="compare__card"
                data-testid="compare-changed"
                data-card-id={entry.after.id}
              >
                <span className="compare__title">{title(entry.after)}</span>
                <span className="compare__fields">
                  {t('compare.fields', {
                    fields: entry.fields.map((key) => fieldLabel(key, t, text.field)).join(', '),
                  })}
                </span>
                <span className="compare__place">{entry.to}</span>
                <dl className="compare__diff">
                  {entry.fields.map((key) => (
                    <div key={key} className="compare__field" data-field-key={key}>
                      <dt>{fieldLabel(key, t, text.field)}</dt>
                      <dd className="compare__before">
                        <span className="compare__label">{t('compare.before')}</span>
                        <del>
                          {(key === 'place' ? entry.from : fieldValue(entry.before, key, status)) || t('compare.empty')}
                        </del>
                      </dd>
                      <dd className="compare__after">
                        <span className="compare__label">{t('compare.after')}</span>
                        <ins>
                          {(key === 'place' ? entry.to : fieldValue(entry.after, key, status)) || t('compare.empty')}
                        </ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function CardList({
  heading,
  kind,
  items,
  title,
}: {
  heading: string;
  kind: 'added' | 'removed';
  items: { card: PlanCard; place: string }[];
  title: (card: PlanCard) => string;
}) {
  return (
    <div className={`compare__group compare__group--${kind}`}>
      <h3>{heading}</h3>
      <ul className="compare__list">
        {items.map(({ card, place }) => (
          <li key={card.id} className="compare__card" data-testid={`compare-${kind}`} data-card-id={card.id}>
            <span className="compare__title">{title(card)}</span>
            <span className="compare__place">{place}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
