/**
 * The strings of the people list, following and summoning (README "Following
 * and summoning"), Swedish first; messages.ts merges them (the English table
 * is typed against the Swedish one).
 */
export const peopleSv = {
  'people.open': 'Deltagare ({count})',
  'people.heading': 'Deltagare på tavlan',
  'people.close': 'Stäng',
  'people.me': 'du',
  'people.idle': 'inaktiv',
  'people.roleUnknown': 'Okänd roll',
  'people.follow': 'Följ',
  'people.follow.label': 'Följ {name}s vy',
  'people.follow.avatar': '{name} – följ',
  'people.follow.canvasOnly': 'Följa går på tavlan, inte i tabellen.',
  'people.following': 'Du följer {name}',
  'people.following.unknown': 'Du följer en deltagare',
  'people.unfollow': 'Sluta följa',
  'people.summon': 'Samla alla hit',
  'people.summon.hint': 'Flyttar allas vy på tavlan till det du ser nu.',
  'people.summon.failed': 'Det gick inte att samla alla: {error}',
  'people.summoned': '{name} samlade alla hit',
  'people.followMe': 'Följ mig',
  'people.followMe.hint': 'Allas vy följer din tills de slutar följa.',
  'people.followMe.called': '{name} bad alla följa med',
  'people.summoned.toCanvas': 'Gå till tavlan',
  'people.summoned.close': 'Stäng',
};

export const peopleEn: Record<keyof typeof peopleSv, string> = {
  'people.open': 'People ({count})',
  'people.heading': 'People on the board',
  'people.close': 'Close',
  'people.me': 'you',
  'people.idle': 'idle',
  'people.roleUnknown': 'Unknown role',
  'people.follow': 'Follow',
  'people.follow.label': "Follow {name}'s view",
  'people.follow.avatar': '{name} – follow',
  'people.follow.canvasOnly': 'Following works on the canvas, not in the table.',
  'people.following': 'You are following {name}',
  'people.following.unknown': 'You are following someone',
  'people.unfollow': 'Stop following',
  'people.summon': 'Bring everyone here',
  'people.summon.hint': 'Moves everyone’s canvas view to what you see now.',
  'people.summon.failed': 'Could not bring everyone here: {error}',
  'people.summoned': '{name} brought everyone here',
  'people.followMe': 'Follow me',
  'people.followMe.hint': 'Everyone’s view follows yours until they stop following.',
  'people.followMe.called': '{name} asked everyone to follow along',
  'people.summoned.toCanvas': 'Go to the canvas',
  'people.summoned.close': 'Close',
};
