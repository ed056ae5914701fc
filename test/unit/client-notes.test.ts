import { describe, expect, it } from 'vitest';
import { cardFieldsFromNote } from '../../client/canvas/notes/note-to-card.ts';
import { TITLE_MAX } from '../../shared/card-schema.ts';

describe('a sticky note as a new card', () => {
  it('keeps a short note as the title, on one line', () => {
    expect(cardFieldsFromNote('Gemensam\nföräldrautbildning')).toEqual({ title: 'Gemensam föräldrautbildning' });
  });

  it('cuts a long note to the title limit and keeps the whole text as the activity', () => {
    const text = `${'Lång idé '.repeat(40)}\nmed en rad till`;
    const fields = cardFieldsFromNote(text);
    expect(fields.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(fields.title.endsWith('…')).toBe(true);
    expect(fields.activity).toBe(text);
  });
});
