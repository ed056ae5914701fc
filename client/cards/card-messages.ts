/**
 * The interface strings of activity cards, the card editor and the table view,
 * Swedish first (English typed against it, so a missing key fails `tsc`).
 * Kept beside the cards rather than in the app dictionary; field names come
 * from the board's template (template.fieldLabels), not from here.
 */
import { useMemo } from 'react';
import { cardField } from '../../shared/fields/card-fields.ts';
import type { Template } from '../../shared/template.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { format, type Language, type MessageParams } from '../i18n/messages.ts';

const sv = {
  'card.add': 'Ny aktivitet',
  'card.addHint': 'Dubbelklicka i ett mål för att lägga en aktivitet där.',
  'card.addToGoal': 'Lägg till aktivitet i {goal}',
  'card.addWhere': 'Lägg den nya aktiviteten i',
  'card.addConfirm': 'Lägg till',
  'card.addCancel': 'Avbryt',
  'card.placedIn': 'Aktiviteten lades sist i {goal}.',
  'card.placedUnplaced': 'Aktiviteten lades bland de ej placerade, under tavlan.',
  'card.open': 'Öppna',
  'card.openNamed': 'Öppna aktiviteten {title}',
  'card.untitled': 'Namnlös aktivitet',
  'card.shapeKind': 'aktivitetskort',
  'card.unplaced': 'Ej placerad',
  'card.unplacedHint': 'Dra kortet till ett mål.',
  'card.goal': 'Mål',
  'card.noGoal': 'Ej placerad (inget mål)',
  'card.goalKeys': 'Piltangenterna väljer ett mål, Enter flyttar aktiviteten dit.',
  'card.status.draft': 'Utkast',
  'card.status.agreed': 'Överenskommen',
  'card.status': 'Status',
  'card.missing': 'Saknas för att bli överenskommen: {fields}',
  'card.refused': 'Kan inte markeras som överenskommen. Fyll i: {fields}.',
  'card.agreedMissing': 'Överenskommen, men saknar: {fields}',
  'card.parties.register': 'Parter i mallen',
  'card.parties.free': 'Andra parter',
  'card.parties.addLabel': 'Lägg till annan part',
  'card.parties.add': 'Lägg till',
  'card.parties.remove': 'Ta bort {name}',
  'card.parties.none': 'Inga parter valda',
  'card.parties.edit': 'Välj parter',
  'card.parties.tooLong': 'Namnet är för långt.',
  'card.parties.tooMany': 'Högst {max} parter per aktivitet.',
  'card.delete': 'Ta bort aktiviteten',
  'card.deleteConfirm': 'Ta bort aktiviteten "{title}" för alla på tavlan?',
  'card.deleted': 'Aktiviteten togs bort av någon annan. Redigeringen stängdes.',
  'card.close': 'Stäng',
  'card.editorHeading': 'Redigera aktivitet',
  'card.readOnly': 'Tavlan är skrivskyddad.',
  'card.indicators.none': 'Ingen indikator',
  'card.indicators.one': '1 indikator',
  'card.indicators.many': '{count} indikatorer',
  'table.heading': 'Planens aktiviteter',
  'table.summary': '{count} aktiviteter, varav {agreed} överenskomna.',
  'table.caption': '{goal} – aktiviteter',
  'table.empty': 'Inga aktiviteter ännu.',
  'table.unplaced': 'Ej placerade aktiviteter',
  'table.unplacedHint': 'Aktiviteter som inte ligger i något mål på tavlan.',
  'table.col.manage': 'Hantera',
  'table.delete': 'Ta bort',
  'table.waiting': 'Hämtar tavlans innehåll…',
  'table.live.added': 'Tillagt av andra: {titles}.',
  'table.live.edited': 'Ändrat av andra: {titles}.',
  'table.live.removedOne': 'En aktivitet togs bort av andra.',
  'table.live.removedMany': '{count} aktiviteter togs bort av andra.',
  'table.live.more': '{titles} och {count} till',
  'note.toCard': 'Gör till aktivitet',
  'note.toCardHint': 'Gör den markerade lappen till en aktivitet i sitt mål, med lappens text som rubrik (Skift+A).',
} as const;

export type CardMessageKey = keyof typeof sv;

const en: Record<CardMessageKey, string> = {
  'card.add': 'New activity',
  'card.addHint': 'Double-click inside a goal to put an activity there.',
  'card.addWhere': 'Put the new activity in',
  'card.addConfirm': 'Add',
  'card.addCancel': 'Cancel',
  'card.placedIn': 'The activity was added at the end of {goal}.',
  'card.placedUnplaced': 'The activity was put with the unplaced ones, below the board.',
  'card.addToGoal': 'Add activity to {goal}',
  'card.open': 'Open',
  'card.openNamed': 'Open the activity {title}',
  'card.untitled': 'Untitled activity',
  'card.shapeKind': 'activity card',
  'card.unplaced': 'Not placed',
  'card.unplacedHint': 'Drag the card into a goal.',
  'card.goal': 'Goal',
  'card.noGoal': 'Not placed (no goal)',
  'card.goalKeys': 'The arrow keys choose a goal; Enter moves the activity there.',
  'card.status.draft': 'Draft',
  'card.status.agreed': 'Agreed',
  'card.status': 'Status',
  'card.missing': 'Missing before it can be agreed: {fields}',
  'card.refused': 'Cannot be marked as agreed. Fill in: {fields}.',
  'card.agreedMissing': 'Agreed, but missing: {fields}',
  'card.parties.register': 'Parties in the template',
  'card.parties.free': 'Other parties',
  'card.parties.addLabel': 'Add another party',
  'card.parties.add': 'Add',
  'card.parties.remove': 'Remove {name}',
  'card.parties.none': 'No parties chosen',
  'card.parties.edit': 'Choose parties',
  'card.parties.tooLong': 'The name is too long.',
  'card.parties.tooMany': 'At most {max} parties per activity.',
  'card.delete': 'Delete the activity',
  'card.deleteConfirm': 'Delete the activity "{title}" for everyone on the board?',
  'card.deleted': 'Someone else deleted this activity. The editor was closed.',
  'card.close': 'Close',
  'card.editorHeading': 'Edit activity',
  'card.readOnly': 'The board is read-only.',
  'card.indicators.none': 'No indicator',
  'card.indicators.one': '1 indicator',
  'card.indicators.many': '{count} indicators',
  'table.heading': "The plan's activities",
  'table.summary': '{count} activities, {agreed} of them agreed.',
  'table.caption': '{goal} – activities',
  'table.empty': 'No activities yet.',
  'table.unplaced': 'Activities not placed',
  'table.unplacedHint': 'Activities that are not inside any goal on the board.',
  'table.col.manage': 'Manage',
  'table.delete': 'Delete',
  'table.waiting': 'Fetching the board…',
  'table.live.added': 'Added by others: {titles}.',
  'table.live.edited': 'Changed by others: {titles}.',
  'table.live.removedOne': 'Others deleted an activity.',
  'table.live.removedMany': 'Others deleted {count} activities.',
  'table.live.more': '{titles} and {count} more',
  'note.toCard': 'Make an activity',
  'note.toCardHint': 'Turns the selected sticky note into an activity of its goal, its text the title (Shift+A).',
};

const MESSAGES: Record<Language, Record<CardMessageKey, string>> = { sv, en };

export interface CardText {
  lang: Language;
  t(key: CardMessageKey, params?: MessageParams): string;
  /** A card field's name from the template, else the field registry's, in the interface language. */
  field(field: string): string;
}

export function cardText(lang: Language, template: Template | null): CardText {
  return {
    lang,
    t: (key, params) => format(MESSAGES[lang][key], params),
    field: (field) => {
      const label =
        (template && Object.hasOwn(template.fieldLabels, field) ? template.fieldLabels[field] : undefined) ??
        cardField(field)?.label;
      return label ? label[lang] : field;
    },
  };
}

/** The card strings for the current interface language and board template. */
export function useCardText(template: Template | null): CardText {
  const { lang } = useI18n();
  return useMemo(() => cardText(lang, template), [lang, template]);
}
