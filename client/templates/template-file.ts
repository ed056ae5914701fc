/**
 * Template files in and out of the designer: an uploaded .json is read and
 * checked against the shared TemplateSchema in the browser, and what is wrong
 * is said in words (where in the file, what is wrong there) instead of zod's;
 * the current design is saved as the same JSON the server and the shipped
 * templates use.
 */
import { type Template, TemplateSchema } from '../../shared/template.ts';
import { saveFile } from '../export/save-file.ts';
import { type Language, type MessageKey, type MessageParams, translate } from '../i18n/messages.ts';

/** A template is a few kilobytes; anything far larger is not one. */
export const TEMPLATE_FILE_MAX_BYTES = 1024 * 1024;

/** A failure's `message` is in the language asked for, ready to show. */
export type TemplateFileResult = { ok: true; template: Template } | { ok: false; message: string };

const WORDS: Record<string, { sv: string; en: string }> = {
  focusAreas: { sv: 'fokusområde', en: 'focus area' },
  goals: { sv: 'mål', en: 'goal' },
  parties: { sv: 'part', en: 'party' },
  suggestedTargetGroups: { sv: 'målgrupp', en: 'target group' },
  followUpStatuses: { sv: 'uppföljningsstatus', en: 'follow-up status' },
  fieldLabels: { sv: 'fältrubriker', en: 'field labels' },
  levelLabels: { sv: 'nivårubriker', en: 'level labels' },
  title: { sv: 'rubrik', en: 'title' },
  shortTitle: { sv: 'kort namn', en: 'short name' },
  description: { sv: 'beskrivning', en: 'description' },
  direction: { sv: 'inriktning', en: 'direction' },
  color: { sv: 'färg', en: 'colour' },
  colorLight: { sv: 'ljus färg', en: 'light colour' },
  period: { sv: 'planperiod', en: 'plan period' },
  name: { sv: 'namn', en: 'name' },
  type: { sv: 'typ', en: 'type' },
  sv: { sv: 'svenska', en: 'Swedish' },
  en: { sv: 'engelska', en: 'English' },
};

/** "fokusområde 2 → mål 1 → rubrik → engelska" for focusAreas[1].goals[0].title.en. */
export function describePath(path: readonly PropertyKey[], lang: Language): string {
  const parts: string[] = [];
  path.forEach((segment, i) => {
    if (typeof segment === 'number') return;
    const word = WORDS[String(segment)]?.[lang] ?? String(segment);
    const next = path[i + 1];
    parts.push(typeof next === 'number' ? `${word} ${next + 1}` : word);
  });
  return parts.join(' → ');
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
}

/** What is wrong, in the person's language: the zod issue's kind, not its English message. */
function issueProblem(issue: Issue): { key: MessageKey; params?: MessageParams } {
  if (issue.code === 'custom') {
    const id = /"([^"]*)"/.exec(issue.message)?.[1] ?? '';
    return { key: 'designer.file.duplicateId', params: { id } };
  }
  if (issue.code === 'too_small') return { key: 'designer.file.empty' };
  if (issue.code === 'too_big') return { key: 'designer.file.tooLong' };
  if (issue.code === 'invalid_format' || issue.code === 'invalid_value') return { key: 'designer.file.badValue' };
  return { key: 'designer.file.missing' };
}

/** Reads a template from a file's text. `lang` names the place of a problem. */
export function parseTemplateText(text: string, lang: Language): TemplateFileResult {
  const fail = (key: MessageKey, params?: MessageParams) => ({
    ok: false as const,
    message: translate(lang, key, params),
  });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('designer.file.notJson');
  }
  if (!data || typeof data !== 'object' || (data as { kind?: unknown }).kind !== 'board-template') {
    return fail('designer.file.notTemplate');
  }
  const result = TemplateSchema.safeParse(data);
  if (result.success) return { ok: true, template: result.data };
  const issue = result.error.issues[0] as Issue;
  const problem = issueProblem(issue);
  const what = translate(lang, problem.key, problem.params);
  return fail('designer.file.invalid', { where: describePath(issue.path, lang) || '–', what });
}

export async function readTemplateFile(file: File, lang: Language): Promise<TemplateFileResult> {
  if (file.size > TEMPLATE_FILE_MAX_BYTES) return { ok: false, message: translate(lang, 'designer.file.tooLarge') };
  return parseTemplateText(await file.text(), lang);
}

/** Saves a template as `<id>.json`, formatted as the shipped templates are. */
export function downloadTemplate(template: Template): void {
  const blob = new Blob([`${JSON.stringify(template, null, 2)}\n`], { type: 'application/json' });
  saveFile(blob, `${template.id}.json`);
}
