/**
 * Every interface string, Swedish first. The English table is typed against
 * the Swedish one, so a key missing in either language fails `tsc`.
 * Placeholders are written `{name}` and filled by `format()`.
 */

import { accessEn, accessSv } from './messages-access.ts';
import { decisionsEn, decisionsSv } from './messages-decisions.ts';
import { followUpEn, followUpSv } from './messages-follow-up.ts';
import { historyEn, historySv } from './messages-history.ts';
import { navigationEn, navigationSv } from './messages-navigation.ts';
import { operationsEn, operationsSv } from './messages-operations.ts';
import { peopleEn, peopleSv } from './messages-people.ts';
import { rollupEn, rollupSv } from './messages-rollup.ts';
import { templatesEn, templatesSv } from './messages-templates.ts';
import { votingEn, votingSv } from './messages-voting.ts';
import { workshopEn, workshopSv } from './messages-workshop.ts';

const sv = {
  'app.name': 'Samtavla',
  'app.tagline': 'En gemensam tavla för att ta fram samverkansplaner tillsammans.',
  'lang.label': 'Språk',
  'lang.switchTo': 'In English',
  'app.skipToContent': 'Hoppa till innehållet',

  'home.create.heading': 'Skapa en ny tavla',
  'home.create.title': 'Namn på tavlan',
  'home.create.titlePlaceholder': 'Till exempel: Samverkansplan Heby 2025',
  'home.create.template': 'Mall',
  'home.create.templateHint': '{areas} fokusområden, {goals} mål',
  'home.create.serverTemplate': 'Mall från den här servern',
  'home.create.submit': 'Skapa tavla',
  'home.create.submitting': 'Skapar…',
  'home.create.failed': 'Tavlan kunde inte skapas: {error}',
  'home.create.titleRequired': 'Ge tavlan ett namn.',
  'home.recent.heading': 'Senast öppnade tavlor',
  'home.recent.empty': 'Tavlor du öppnar visas här, på den här datorn.',
  'home.recent.forget': 'Ta bort ur listan',
  'home.import.heading': 'Importera plan',
  'home.import.intro':
    'Gör en ny tavla av en plan: en JSON-fil exporterad från Samtavla, eller ett kalkylblad (CSV eller Excel) med planens kolumner.',
  'home.import.file': 'Planfil',
  'home.import.fileHint': '.json, .csv eller .xlsx, högst {max} MB.',
  'home.import.choose': 'Välj fil…',
  'home.import.none': 'Ingen fil vald',
  'home.import.chosen': '{name} ({size})',
  'home.import.jsonNote': 'JSON-filen har med sig sin mall och tavlans namn.',
  'home.import.template': 'Mall',
  'home.import.templateAuto': 'Välj utifrån filen',
  'home.import.templateFile': 'Filens egna fokusområden',
  'home.import.title': 'Namn på tavlan (valfritt)',
  'home.import.titlePlaceholder': 'Annars arbetsbokens titel eller filens namn',
  'home.import.submit': 'Importera plan',
  'home.import.submitting': 'Importerar…',
  'home.import.noFile': 'Välj en fil att importera.',
  'home.import.tooLarge':
    'Filen är {size}. Samtavla importerar filer på högst {max} MB; dela upp planen eller ta bort bilder.',
  'home.import.wrongType': 'Samtavla importerar .json, .csv och .xlsx; "{name}" är ingen av dessa.',
  'home.import.failed': 'Planen kunde inte importeras:',
  'home.import.doneWithNotices': 'Planen är importerad. Det här bör du veta om filen:',
  'home.import.openBoard': 'Öppna tavlan',

  'api.unreachable': 'servern svarar inte. Kontrollera nätverket och försök igen.',

  'board.loading': 'Öppnar tavlan…',
  'board.notFound.heading': 'Tavlan finns inte',
  'board.notFound.body': 'Det finns ingen tavla med den här adressen. Kontrollera länken, eller skapa en ny tavla.',
  'board.loadFailed': 'Tavlan kunde inte öppnas: {error}',
  'board.backHome': 'Till startsidan',
  'board.templateUnknown': 'Tavlan använder mallen "{templateId}", som den här versionen av Samtavla inte känner till.',
  'board.expiry':
    'Tavlan raderas automatiskt {date} om ingen öppnar eller ändrar den innan dess. Exportera planen om du vill spara en kopia.',
  'board.readOnlyNewer': 'Tavlan är sparad med en nyare version av Samtavla. Den visas skrivskyddad här.',
  'board.readOnlyCanvas': 'Tavlans rityta är sparad med en annan version av Samtavla. Den visas skrivskyddad här.',
  'board.readOnlyCanvasUpgrade':
    'Tavlans rityta är sparad med en äldre version av Samtavla och visas skrivskyddad tills facilitatorn har öppnat tavlan. Kort kan ändras i tabellen.',
  'board.waitingForSync': 'Hämtar tavlans innehåll…',

  'connection.connecting': 'Ansluter…',
  'connection.connected': 'Ansluten',
  'connection.offline': 'Offline – återansluter…',
  'connection.closed': 'Frånkopplad',
  'connection.pending.one': '{label} – 1 ändring väntar',
  'connection.pending.many': '{label} – {count} ändringar väntar',
  'connection.reload': 'Ladda om sidan',
  'connection.localCopyDiscarded':
    'Ändringarna som inte hade sparats har tagits bort ur den här webbläsarens kopia av tavlan, så att de inte skickas igen.',
  'connection.problem.board-full':
    'Tavlan är full och rymmer inte fler kort eller former. Dina senaste ändringar sparades inte, och anslutningen till tavlan har stängts. Ladda om sidan för att fortsätta. Ta bort kort och former som inte behövs innan du lägger till nya.',
  'connection.problem.too-large':
    'En ändring var för stor för att sparas (till exempel en mycket stor bild eller inklistring), eller så har tavlan nått sin största storlek. Anslutningen till tavlan har stängts. Ladda om sidan för att fortsätta med det som är sparat.',
  'connection.problem.edit-refused':
    'En ändring kunde inte sparas eftersom den inte passar tavlans uppbyggnad, och anslutningen till tavlan har stängts. Ladda om sidan för att fortsätta med det som är sparat.',
  'connection.problem.presence-refused':
    'Webbläsaren skickade mer information om markör och markering än tavlan tar emot, så anslutningen till tavlan har stängts. Ladda om sidan för att fortsätta; det som redan är sparat finns kvar.',
  'connection.problem.closed':
    'Anslutningen till tavlan har stängts. Ladda om sidan för att fortsätta. Ändringar som inte hunnit sparas kan saknas.',
  'connection.problem.storage':
    'Servern kan inte nå tavlans lagring just nu. Dina ändringar finns kvar i webbläsaren och skickas så snart servern svarar igen. Stäng inte sidan.',
  'connection.problem.rate-limited':
    'Det kom många ändringar på kort tid från den här webbläsaren. Anslutningen pausades ett ögonblick, och ändringarna skickas igen automatiskt.',
  'connection.problem.too-slow': 'Anslutningen var för långsam, så tavlan läses in på nytt. Dina ändringar finns kvar.',
  'connection.problem.restarting':
    'Servern startar om. Allt som hunnit skickas är sparat; det du skriver nu finns kvar och skickas när servern är tillbaka, om några sekunder.',

  'view.label': 'Vy',
  'view.canvas': 'Tavla',
  'view.table': 'Tabell',

  'export.button': 'Exportera',
  'export.menu': 'Exportera planen som fil',
  'export.xlsx': 'Excel (.xlsx)',
  'export.xlsx.hint': 'Ett blad per fokusområde och bladet "Alla"',
  'export.docx': 'Word (.docx)',
  'export.docx.hint': 'Planen som dokument med tabeller',
  'export.csv': 'CSV för Excel (;)',
  'export.csv.hint': 'Semikolon – öppnas direkt i svensk Excel',
  'export.csvComma': 'CSV med komma (,)',
  'export.csvComma.hint': 'För andra program och engelsk Excel',
  'export.json': 'JSON (plandata)',
  'export.json.hint': 'Hela planen, för import och andra system',
  'export.md': 'Markdown (.md)',
  'export.md.hint': 'Ren text, till exempel för en wiki',
  'export.busy': 'Exporterar…',
  'export.failed': 'Exporten misslyckades: {error}',
  'export.dismiss': 'Stäng meddelandet',

  'people.label': 'Här nu',
  'people.you': '{name} (du)',

  'name.heading': 'Vad heter du?',
  'name.body': 'Ditt namn visas för de andra på tavlan, vid din markör. Det sparas bara på den här datorn.',
  'name.label': 'Namn',
  'name.placeholder': 'Förnamn och organisation',
  'name.submit': 'Gå in på tavlan',
  'name.change': 'Byt namn',

  'page.notFound': 'Sidan finns inte',

  'table.placeholder': 'Tabellvyn kommer snart: här visas planens aktiviteter som en tabell.',
  ...historySv,
  ...followUpSv,
  ...accessSv,
  ...navigationSv,
  ...templatesSv,
  ...workshopSv,
  ...votingSv,
  ...rollupSv,
  ...operationsSv,
  ...decisionsSv,
  ...peopleSv,
} as const;

export type MessageKey = keyof typeof sv;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.name': 'Samtavla',
  'app.tagline': 'A shared board for drafting collaboration plans together.',
  'lang.label': 'Language',
  'lang.switchTo': 'På svenska',
  'app.skipToContent': 'Skip to content',

  'home.create.heading': 'Create a new board',
  'home.create.title': 'Board name',
  'home.create.titlePlaceholder': 'For example: Collaboration plan Heby 2025',
  'home.create.template': 'Template',
  'home.create.templateHint': '{areas} focus areas, {goals} goals',
  'home.create.serverTemplate': "This server's template",
  'home.create.submit': 'Create board',
  'home.create.submitting': 'Creating…',
  'home.create.failed': 'The board could not be created: {error}',
  'home.create.titleRequired': 'Give the board a name.',
  'home.recent.heading': 'Recently opened boards',
  'home.recent.empty': 'Boards you open are listed here, on this computer.',
  'home.recent.forget': 'Remove from list',
  'home.import.heading': 'Import a plan',
  'home.import.intro':
    "Make a new board from a plan: a JSON file exported from Samtavla, or a spreadsheet (CSV or Excel) with the plan's columns.",
  'home.import.file': 'Plan file',
  'home.import.fileHint': '.json, .csv or .xlsx, at most {max} MB.',
  'home.import.choose': 'Choose file…',
  'home.import.none': 'No file chosen',
  'home.import.chosen': '{name} ({size})',
  'home.import.jsonNote': "The JSON file brings its template and the board's name along.",
  'home.import.template': 'Template',
  'home.import.templateAuto': 'Choose from the file',
  'home.import.templateFile': "The file's own focus areas",
  'home.import.title': 'Board name (optional)',
  'home.import.titlePlaceholder': "Otherwise the workbook's title or the file name",
  'home.import.submit': 'Import plan',
  'home.import.submitting': 'Importing…',
  'home.import.noFile': 'Choose a file to import.',
  'home.import.tooLarge':
    'The file is {size}. Samtavla imports files of at most {max} MB; split the plan or remove images.',
  'home.import.wrongType': 'Samtavla imports .json, .csv and .xlsx; "{name}" is none of these.',
  'home.import.failed': 'The plan could not be imported:',
  'home.import.doneWithNotices': 'The plan was imported. What you should know about the file:',
  'home.import.openBoard': 'Open the board',

  'api.unreachable': 'the server does not answer. Check the network and try again.',

  'board.loading': 'Opening the board…',
  'board.notFound.heading': 'Board not found',
  'board.notFound.body': 'There is no board at this address. Check the link, or create a new board.',
  'board.loadFailed': 'The board could not be opened: {error}',
  'board.backHome': 'To the start page',
  'board.templateUnknown': 'The board uses the template "{templateId}", which this version of Samtavla does not know.',
  'board.expiry':
    'This board will be deleted automatically on {date} unless someone opens or edits it before then. Export the plan to keep a copy.',
  'board.readOnlyNewer': 'The board was saved by a newer version of Samtavla. It is shown read-only here.',
  'board.readOnlyCanvas': "The board's canvas was saved by another version of Samtavla. It is shown read-only here.",
  'board.readOnlyCanvasUpgrade':
    "The board's canvas was saved by an older version of Samtavla and is read-only until the facilitator has opened the board. Cards can be edited in the table.",
  'board.waitingForSync': 'Fetching the board…',

  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.offline': 'Offline – reconnecting…',
  'connection.closed': 'Disconnected',
  'connection.pending.one': '{label} – 1 change waiting',
  'connection.pending.many': '{label} – {count} changes waiting',
  'connection.reload': 'Reload the page',
  'connection.localCopyDiscarded':
    "The changes that were not saved have been removed from this browser's copy of the board, so they are not sent again.",
  'connection.problem.board-full':
    'The board is full and holds no more cards or shapes. Your latest changes were not saved, and the connection to the board has been closed. Reload the page to continue. Remove cards and shapes that are not needed before adding new ones.',
  'connection.problem.too-large':
    'A change was too large to be saved (a very large image or paste, for example), or the board has reached its largest size. The connection to the board has been closed. Reload the page to continue with what is saved.',
  'connection.problem.edit-refused':
    "A change could not be saved because it does not fit the board's structure, and the connection to the board has been closed. Reload the page to continue with what is saved.",
  'connection.problem.presence-refused':
    'This browser sent more cursor and selection information than the board accepts, so the connection to the board has been closed. Reload the page to continue; what is already saved is kept.',
  'connection.problem.closed':
    'The connection to the board has been closed. Reload the page to continue. Changes that were not saved yet may be missing.',
  'connection.problem.storage':
    "The server cannot reach the board's storage right now. Your changes are kept in the browser and sent as soon as the server answers again. Do not close the page.",
  'connection.problem.rate-limited':
    'A lot of changes were sent from this browser in a short time. The connection was paused for a moment, and the changes are sent again automatically.',
  'connection.problem.too-slow': 'The connection was too slow, so the board is loaded again. Your changes are kept.',
  'connection.problem.restarting':
    'The server is restarting. Everything sent so far is saved; what you type now is kept and sent when the server is back, in a few seconds.',

  'view.label': 'View',
  'view.canvas': 'Board',
  'view.table': 'Table',

  'export.button': 'Export',
  'export.menu': 'Export the plan as a file',
  'export.xlsx': 'Excel (.xlsx)',
  'export.xlsx.hint': 'One sheet per focus area and the sheet "Alla"',
  'export.docx': 'Word (.docx)',
  'export.docx.hint': 'The plan as a document with tables',
  'export.csv': 'CSV for Excel (;)',
  'export.csv.hint': 'Semicolons – opens directly in Swedish Excel',
  'export.csvComma': 'CSV with commas (,)',
  'export.csvComma.hint': 'For other programs and English Excel',
  'export.json': 'JSON (plan data)',
  'export.json.hint': 'The whole plan, for import and other systems',
  'export.md': 'Markdown (.md)',
  'export.md.hint': 'Plain text, for a wiki for example',
  'export.busy': 'Exporting…',
  'export.failed': 'The export failed: {error}',
  'export.dismiss': 'Close the message',

  'people.label': 'Here now',
  'people.you': '{name} (you)',

  'name.heading': 'What is your name?',
  'name.body': 'Your name is shown to the others on the board, next to your cursor. It is only saved on this computer.',
  'name.label': 'Name',
  'name.placeholder': 'First name and organisation',
  'name.submit': 'Enter the board',
  'name.change': 'Change name',

  'page.notFound': 'Page not found',

  'table.placeholder': "The table view is coming soon: it will list the plan's activities as a table.",
  ...historyEn,
  ...followUpEn,
  ...accessEn,
  ...navigationEn,
  ...templatesEn,
  ...workshopEn,
  ...votingEn,
  ...rollupEn,
  ...operationsEn,
  ...decisionsEn,
  ...peopleEn,
};

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

export const MESSAGES: Record<Language, Messages> = { sv, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;

/** Fills `{placeholders}`; an unknown placeholder is left visible so the gap is noticed, not hidden. */
export function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/** Looks a message up in one language. */
export function translate(lang: Language, key: MessageKey, params?: MessageParams): string {
  return format(MESSAGES[lang][key], params);
}
