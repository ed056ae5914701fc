/**
 * The strings of roles, share links and the facilitator's controls, Swedish
 * first; messages.ts merges them into its tables (the English table is typed
 * against the Swedish one, so a key missing in either language fails `tsc`).
 */
export const accessSv = {
  'role.facilitator': 'Facilitator',
  'role.participant': 'Deltagare',
  'role.viewer': 'Läsare',
  'role.facilitator.may':
    'Kan allt: ändra kort och tavla, byta namn på tavlan, låsa den, dela och byta länkar, ta bort tavlan och exportera.',
  'role.participant.may':
    'Kan lägga till, ändra och ta bort kort och rita på tavlan, och exportera. Inte när tavlan är låst.',
  'role.viewer.may': 'Kan se tavlan och tabellen live och exportera planen, men inte ändra något.',

  'access.notValid.heading': 'Länken gäller inte längre',
  'access.notValid.body':
    'Länken du använde öppnar inte tavlan: facilitatorn kan ha bytt ut den. Be facilitatorn om en ny länk.',
  'access.noToken.body':
    'Tavlan öppnas bara med en delningslänk, och den här webbläsaren har ingen för den. Be facilitatorn om en länk.',
  'access.deleted.heading': 'Tavlan har tagits bort',
  'access.deleted.body': 'Facilitatorn har tagit bort tavlan. Den och allt på den finns inte längre.',
  'access.viewerNotice': 'Du har en läslänk: du ser tavlan live och kan exportera planen, men inte ändra något.',
  'access.locked.heading': 'Tavlan är låst av facilitatorn.',
  'access.locked.participant': 'Du kan se den men inte ändra något förrän den låses upp.',
  'access.locked.facilitatorHeading': 'Tavlan är låst.',
  'access.locked.facilitator': 'Deltagarna kan inte ändra den. Du kan fortfarande redigera.',

  'modal.close': 'Stäng',

  'share.button': 'Dela',
  'share.heading': 'Dela tavlan',
  'share.intro':
    'Varje länk ger en roll. Den som öppnar länken kommer in med den rollen, utan konto. Skicka bara länkarna till dem som ska ha dem.',
  'share.missing':
    'Den här webbläsaren känner inte till alla länkar (tavlan skapades i en annan webbläsare). Byt länk för en roll för att få en ny; den gamla slutar då gälla.',
  'share.linkLabel': 'Länk för {role}',
  'share.copy': 'Kopiera',
  'share.copied': 'Länken är kopierad.',
  'share.copyFailed': 'Kunde inte kopiera. Länken är markerad: kopiera den med Ctrl+C (⌘C på Mac).',
  'share.unknown': 'Länken finns inte i den här webbläsaren.',
  'share.rotate': 'Byt länk',
  'share.rotateUnknown': 'Skapa ny länk',
  'share.rotateWarning':
    'Den gamla länken slutar gälla direkt, och de som är inne på tavlan med den kopplas bort. Byta länk?',
  'share.rotateConfirm': 'Ja, byt länk',
  'share.rotating': 'Byter…',
  'share.rotateFailed': 'Länken kunde inte bytas: {error}',
  'share.cancel': 'Avbryt',
  'share.footnote':
    'Länkarna sparas i den här webbläsaren. Öppnar du tavlan med facilitatorlänken i en annan webbläsare ser du där bara den länken: byt länk där för att få de andra.',

  'admin.lock': 'Lås tavlan',
  'admin.lockHint': 'Lås tavlan: deltagarna kan se men inte ändra den.',
  'admin.unlockHint': 'Tavlan är låst. Tryck för att låsa upp den för deltagarna.',
  'admin.lockFailed': 'Tavlan kunde inte låsas: {error}',
  'admin.unlockFailed': 'Tavlan kunde inte låsas upp: {error}',
  'admin.settings': 'Inställningar',
  'admin.settings.heading': 'Tavlans inställningar',
  'admin.rename.label': 'Tavlans namn',
  'admin.rename.hint': 'Alla på tavlan ser det nya namnet direkt.',
  'admin.rename.submit': 'Spara namnet',
  'admin.renameFailed': 'Namnet kunde inte sparas: {error}',
  'admin.saving': 'Sparar…',
  'admin.delete.heading': 'Ta bort tavlan',
  'admin.delete.hint': 'Tavlan och alla kort tas bort för alla. Det går inte att ångra.',
  'admin.delete.button': 'Ta bort tavlan…',
  'admin.delete.confirmHeading': 'Ta bort "{title}"?',
  'admin.delete.confirmBody':
    'Tavlan och alla kort på den försvinner för alla, och alla länkar slutar gälla. Det går inte att ångra. Exportera planen först om ni vill spara den.',
  'admin.delete.confirm': 'Ta bort tavlan',
  'admin.deleting': 'Tar bort…',
  'admin.deleteFailed': 'Tavlan kunde inte tas bort: {error}',

  'home.recent.visited': 'senast {when}',
  'home.recent.forgetHint': 'Ta bort ur listan och glöm länken och tavlans kopia på den här datorn',
  'home.deleted': 'Tavlan "{title}" är borttagen.',
} as const;

export const accessEn: Record<keyof typeof accessSv, string> = {
  'role.facilitator': 'Facilitator',
  'role.participant': 'Participant',
  'role.viewer': 'Viewer',
  'role.facilitator.may':
    'Can do everything: edit cards and the board, rename, lock, share and rotate links, delete the board and export.',
  'role.participant.may':
    'Can add, edit and delete cards, draw on the board and export. Not while the board is locked.',
  'role.viewer.may': 'Can watch the board and the table live and export the plan, but not change anything.',

  'access.notValid.heading': 'This link is no longer valid',
  'access.notValid.body':
    'The link you used does not open the board: the facilitator may have replaced it. Ask the facilitator for a new link.',
  'access.noToken.body':
    'The board opens only with a share link, and this browser has none for it. Ask the facilitator for a link.',
  'access.deleted.heading': 'The board has been deleted',
  'access.deleted.body': 'The facilitator has deleted the board. It and everything on it no longer exist.',
  'access.viewerNotice':
    'You have a view-only link: you see the board live and can export the plan, but not change it.',
  'access.locked.heading': 'The board is locked by the facilitator.',
  'access.locked.participant': 'You can see it but not change anything until it is unlocked.',
  'access.locked.facilitatorHeading': 'The board is locked.',
  'access.locked.facilitator': 'Participants cannot change it. You can still edit.',

  'modal.close': 'Close',

  'share.button': 'Share',
  'share.heading': 'Share the board',
  'share.intro':
    'Each link gives a role. Whoever opens a link gets in with that role, without an account. Send the links only to those who should have them.',
  'share.missing':
    'This browser does not know all the links (the board was created in another browser). Rotate a role’s link to get a new one; the old one then stops working.',
  'share.linkLabel': 'Link for {role}',
  'share.copy': 'Copy',
  'share.copied': 'The link is copied.',
  'share.copyFailed': 'Could not copy. The link is selected: copy it with Ctrl+C (⌘C on a Mac).',
  'share.unknown': 'This browser does not know this link.',
  'share.rotate': 'Rotate link',
  'share.rotateUnknown': 'Make a new link',
  'share.rotateWarning':
    'The old link stops working at once, and people on the board with it are disconnected. Rotate the link?',
  'share.rotateConfirm': 'Yes, rotate',
  'share.rotating': 'Rotating…',
  'share.rotateFailed': 'The link could not be rotated: {error}',
  'share.cancel': 'Cancel',
  'share.footnote':
    'The links are kept in this browser. If you open the board with the facilitator link in another browser, you see only that link there: rotate the others there to get them.',

  'admin.lock': 'Lock board',
  'admin.lockHint': 'Lock the board: participants can see but not change it.',
  'admin.unlockHint': 'The board is locked. Press to unlock it for participants.',
  'admin.lockFailed': 'The board could not be locked: {error}',
  'admin.unlockFailed': 'The board could not be unlocked: {error}',
  'admin.settings': 'Settings',
  'admin.settings.heading': 'Board settings',
  'admin.rename.label': 'Board name',
  'admin.rename.hint': 'Everyone on the board sees the new name at once.',
  'admin.rename.submit': 'Save the name',
  'admin.renameFailed': 'The name could not be saved: {error}',
  'admin.saving': 'Saving…',
  'admin.delete.heading': 'Delete the board',
  'admin.delete.hint': 'The board and all cards are deleted for everyone. This cannot be undone.',
  'admin.delete.button': 'Delete the board…',
  'admin.delete.confirmHeading': 'Delete "{title}"?',
  'admin.delete.confirmBody':
    'The board and every card on it disappear for everyone, and all links stop working. This cannot be undone. Export the plan first if you want to keep it.',
  'admin.delete.confirm': 'Delete the board',
  'admin.deleting': 'Deleting…',
  'admin.deleteFailed': 'The board could not be deleted: {error}',

  'home.recent.visited': 'last visit {when}',
  'home.recent.forgetHint': "Remove from the list and forget the link and the board's copy on this computer",
  'home.deleted': 'The board "{title}" is deleted.',
};
