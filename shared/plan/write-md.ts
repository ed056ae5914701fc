/**
 * Markdown export: the Word document's content as CommonMark with GFM
 * tables. Board text is escaped, so a card cannot inject markup or HTML into
 * whatever renders the file; line breaks inside a cell become <br>.
 */
import { decisionLogRows } from './decision-log.ts';
import { type PlanLang, type PlanWords, planWords } from './labels.ts';
import { formatPlanPeriod } from './period.ts';
import type { PlanData } from './schema.ts';
import { type CardCells, cellLines, numbered, type PlanGroup, planSections, TITLE_COLUMN } from './sections.ts';

/*
 * Line breaks and other control characters (C0, DEL, C1, the Unicode line and
 * paragraph separators). Every caller passes one line (paragraphs and cells are
 * split first), so any left over would end a heading or a table row early and
 * let the rest of a title or card field start markup of its own: they become spaces.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Escapes inline Markdown and HTML so text renders literally, on one line. */
export function mdText(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_{}[\]<>|#!~]/g, (c) => (c === '<' ? '&lt;' : `\\${c}`));
}

/** A line of a paragraph; one that would start a list item is escaped too. */
const mdLine = (line: string): string =>
  mdText(line.trim())
    .replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3')
    .replace(/^([-+])(\s|$)/, '\\$1$2');

/** A paragraph of one or more lines, kept as hard line breaks. */
const mdParagraph = (text: string): string => text.split(/\r?\n/).map(mdLine).join('  \n');

const mdCell = (lines: string[]): string => lines.map(mdText).join('<br>');

function cardRow(cells: CardCells): string {
  const columns = cellLines(cells).map(mdCell);
  if (cells.title) {
    const rest = cellLines(cells)[TITLE_COLUMN]?.slice(1) ?? [];
    columns[TITLE_COLUMN] = [`**${mdText(cells.title)}**`, ...rest.map(mdText)].join('<br>');
  }
  return `| ${columns.join(' | ')} |`;
}

function groupLines(group: PlanGroup, plan: PlanData, words: PlanWords): string[] {
  const lines: string[] = [];
  if (group.title) lines.push(`### ${mdText(numbered(group))}`, '');
  if (group.direction) {
    lines.push(`**${mdText(plan.template.labels.direction ?? words.direction)}:** ${mdParagraph(group.direction)}`, '');
  }
  if (group.cards.length > 0) {
    lines.push(
      `| ${words.tableHeadings.join(' | ')} |`,
      `|${words.tableHeadings.map(() => ' --- ').join('|')}|`,
      ...group.cards.map(cardRow),
      '',
    );
  } else if (group.id !== null) lines.push(`*${words.noCards}*`, '');
  return [...lines, ...noteLines(group.notes, words.notes)];
}

/** The notes left on a goal as a list under its table; a note's lines stay lines of its item. */
function noteLines(notes: string[], heading: string): string[] {
  if (notes.length === 0) return [];
  const item = (text: string) => `- ${text.split(/\r?\n/).map(mdLine).join('  \n  ')}`;
  return [`**${heading}**`, '', ...notes.map(item), ''];
}

/** `lang`: the export's language (headings, labels, statuses); Swedish by default. */
export function writeMarkdown(plan: PlanData, lang: PlanLang = 'sv'): string {
  const { board, template } = plan;
  const words = planWords(lang);
  const lines = [
    `# ${mdText(board.title || words.untitled)}`,
    '',
    `*${mdText(template.title)}*`,
    '',
    `**${words.planPeriod}:** ${formatPlanPeriod(board.planPeriod, lang)}  `,
    ...(board.parties.length > 0
      ? [`**${words.parties}:** ${mdText(board.parties.map((p) => p.name).join(', '))}`]
      : []),
    '',
  ];
  if (template.vision) lines.push(`## ${words.vision}`, '', mdParagraph(template.vision), '');
  for (const section of planSections(plan, words)) {
    const heading = section.code ? `${template.labels.focusArea} ${section.code}: ${section.title}` : section.title;
    lines.push(`## ${mdText(heading)}`, '');
    for (const group of section.groups) lines.push(...groupLines(group, plan, words));
  }
  lines.push(...decisionLogLines(plan, words));
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The decision log after the plan, as a table (none when no decision was taken). */
function decisionLogLines(plan: PlanData, words: PlanWords): string[] {
  const rows = decisionLogRows(plan, words);
  if (rows.length === 0) return [];
  return [
    `## ${words.decisionLog}`,
    '',
    `| ${words.decisionLogHeadings.join(' | ')} |`,
    `|${words.decisionLogHeadings.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${row.map((cell) => mdCell(cell.split(/\r?\n/))).join(' | ')} |`),
    '',
  ];
}
