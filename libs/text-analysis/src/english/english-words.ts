import { porterStem } from './porter-stemmer';

/**
 * Function words and help-desk small talk that say nothing about the problem ("please", "hi"). Negations
 * are here too: "won't start" and "starts" find the same articles.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
  between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
  few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
  him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
  mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she
  she'd she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
  there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
  we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's
  will with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
  also just get got gets getting keep keeps still anymore any anything something thing things way ways
  please pls plz thanks thank thx hi hello hey dear regards help helps need needs want wants trying try tried
  able unable work works working worked even since now today yesterday really keeps etc via using use used
  ive im dont doesnt didnt cant wont isnt arent wasnt couldnt shouldnt wouldnt`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The index term of one English (or other non-Japanese) word: apostrophes resolved ("user's" → "user"),
 * then Porter-stemmed. Words with digits ("win11", "0x80070005") are kept whole.
 */
export function englishTerm(word: string): string {
  let w = word.replace(/’/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = w.replace(/'/g, '');
  return /\d/.test(w) ? w : porterStem(w);
}

export function isEnglishStopWord(word: string): boolean {
  return ENGLISH_STOP_WORDS.has(word.replace(/’/g, "'"));
}
