/**
 * The strings of what the server's operator decides (README "The tldraw
 * licence key"), Swedish first; messages.ts merges them.
 */
export const operationsSv = {
  'canvas.unlicensed.title': 'Ritytan är inte tillgänglig på den här adressen',
  'canvas.unlicensed.everyone':
    'Tavlan visas därför som tabell. Här finns hela planen, och ni kan skriva, ändra och exportera den som vanligt.',
  'canvas.unlicensed.operator':
    'Ritytan (tldraw) behöver en licensnyckel när Samtavla körs på en egen webbadress över https. Be den som driftar Samtavla att sätta TLDRAW_LICENSE_KEY i serverns miljö och starta om servern; ingen ny byggning behövs.',
};

export const operationsEn: Record<keyof typeof operationsSv, string> = {
  'canvas.unlicensed.title': 'The drawing canvas is not available at this address',
  'canvas.unlicensed.everyone':
    'The board is shown as a table instead. The whole plan is here, and you can write, change and export it as usual.',
  'canvas.unlicensed.operator':
    'The canvas (tldraw) needs a licence key when Samtavla runs on its own web address over https. Ask whoever runs Samtavla to set TLDRAW_LICENSE_KEY in the server’s environment and restart it; no rebuild is needed.',
};
