/** Plan files for import tests, written as a person's spreadsheet would be. */

/** A CSV plan of `count` cards on goal A1 with only the columns an import needs. */
export const csvOfCards = (count: number): string =>
  ['Delmål-id;Aktivitet', ...Array.from({ length: count }, (_, i) => `A1;Aktivitet ${i + 1}`)].join('\r\n');
