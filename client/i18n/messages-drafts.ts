/**
 * The strings of private drafting (README "Running the workshop"): the
 * notice, the "Mina utkast" panel and the facilitator's round controls,
 * Swedish first; messages.ts merges them (the English table is typed against
 * the Swedish one).
 */
export const draftsSv = {
  'drafts.notice': 'Enskilt skrivande pågår – dina utkast syns bara för dig',
  'drafts.notice.viewer': 'Enskilt skrivande pågår – deltagarnas utkast visas när facilitatorn släpper dem',
  'drafts.heading': 'Mina utkast ({count})',
  'drafts.intro':
    'Bara du ser dina utkast: de sparas i den här webbläsaren och skickas inte förrän facilitatorn visar allas utkast. Då läggs de på tavlan som vanliga aktiviteter.',
  'drafts.waiting':
    'Utkasten finns kvar i den här webbläsaren och läggs på tavlan när facilitatorn visar utkasten i nästa runda.',
  'drafts.show': 'Visa mina utkast ({count})',
  'drafts.hide': 'Dölj utkasten',
  'drafts.empty': 'Inga utkast ännu.',
  'drafts.add': 'Nytt utkast',
  'drafts.item': 'Utkast {number}',
  'drafts.of': 'utkast {number}',
  'drafts.remove': 'Ta bort utkast {number}',
  'drafts.removeShort': 'Ta bort',
  'drafts.close': 'Stäng',
  'drafts.added': 'Utkast {number} lades till.',
  'drafts.removed': 'Utkastet togs bort.',
  'drafts.published.one': 'Ditt utkast ligger nu på tavlan.',
  'drafts.published.many': 'Dina {count} utkast ligger nu på tavlan.',
  'drafts.refused':
    'Dina utkast kunde inte läggas på tavlan: du kan inte skriva på tavlan just nu ({reason}). De finns kvar här och läggs på tavlan så fort du kan skriva igen.',
  'drafts.refused.locked': 'tavlan eller fasen är låst',
  'drafts.refused.closed': 'anslutningen är stängd',
  'drafts.refused.readOnly': 'tavlan är skrivskyddad',
  'drafts.round.heading': 'Enskilt skrivande',
  'drafts.round.none': 'Deltagarna skriver utkast som bara de själva ser, tills du visar dem.',
  'drafts.round.private': 'Pågår: allas utkast stannar i deras egna webbläsare.',
  'drafts.round.revealed': 'Utkasten är visade: varje deltagares sida lägger sina utkast på tavlan.',
  'drafts.round.start': 'Starta enskilt skrivande',
  'drafts.round.reveal': 'Visa allas utkast',
  'drafts.round.end': 'Avsluta skrivrundan',
  'drafts.round.started': 'Enskilt skrivande har startat.',
  'drafts.round.revealedDone': 'Utkasten visas nu på tavlan.',
  'drafts.round.ended': 'Skrivrundan är avslutad.',
};

export const draftsEn: Record<keyof typeof draftsSv, string> = {
  'drafts.notice': 'Private drafting in progress – your drafts are visible only to you',
  'drafts.notice.viewer':
    'Private drafting in progress – participants’ drafts appear when the facilitator reveals them',
  'drafts.heading': 'My drafts ({count})',
  'drafts.intro':
    'Only you see your drafts: they are kept in this browser and not sent until the facilitator reveals everyone’s drafts. Then they go on the board as ordinary activities.',
  'drafts.waiting':
    'The drafts stay in this browser and go on the board when the facilitator reveals the drafts of the next round.',
  'drafts.show': 'Show my drafts ({count})',
  'drafts.hide': 'Hide the drafts',
  'drafts.empty': 'No drafts yet.',
  'drafts.add': 'New draft',
  'drafts.item': 'Draft {number}',
  'drafts.of': 'draft {number}',
  'drafts.remove': 'Delete draft {number}',
  'drafts.removeShort': 'Delete',
  'drafts.close': 'Close',
  'drafts.added': 'Draft {number} added.',
  'drafts.removed': 'The draft was deleted.',
  'drafts.published.one': 'Your draft is now on the board.',
  'drafts.published.many': 'Your {count} drafts are now on the board.',
  'drafts.refused':
    'Your drafts could not go on the board: you cannot write on the board right now ({reason}). They stay here and go on the board as soon as you can write again.',
  'drafts.refused.locked': 'the board or the phase is locked',
  'drafts.refused.closed': 'the connection is closed',
  'drafts.refused.readOnly': 'the board is read-only',
  'drafts.round.heading': 'Private drafting',
  'drafts.round.none': 'Participants write drafts that only they see, until you reveal them.',
  'drafts.round.private': 'In progress: everyone’s drafts stay in their own browsers.',
  'drafts.round.revealed': 'The drafts are revealed: each participant’s page puts its drafts on the board.',
  'drafts.round.start': 'Start private drafting',
  'drafts.round.reveal': 'Reveal everyone’s drafts',
  'drafts.round.end': 'End the drafting round',
  'drafts.round.started': 'Private drafting has started.',
  'drafts.round.revealedDone': 'The drafts are now shown on the board.',
  'drafts.round.ended': 'The drafting round has ended.',
};
