// Scripts that name their language outright (or nearly: Han without kana is read as Chinese).
const SCRIPTS: Array<[RegExp, string]> = [
  [/[\u3040-\u30ff]/gu, 'ja'],
  [/[\uac00-\ud7af]/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];

// The most frequent function words of each Latin-script language; their counts separate them well.
const STOPWORDS: Record<string, string> = {
  en: 'the of and to in is that for it was on with as by at his her from have has had this which were said would their',
  fr: 'le la les de des du et est une un que qui dans pour pas sur au aux ne se ce il elle sont avec par été',
  de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es sie wird wurde nach bei',
  es: 'el la los las de del y que en un una es por con para se no al lo como más su sus fue han ha',
  it: 'il lo la gli le di del della e che è un una per non con si da al alla sono ha nel dei',
  pt: 'o a os as de do da dos das e que em um uma é para com não se no na por mais foi ao pelo',
  nl: 'de het een en van in is dat op te zijn voor met niet aan er ook als door maar bij werd',
};
const STOPWORD_SETS = Object.entries(STOPWORDS).map(
  ([lang, list]) => [lang, new Set(list.split(' '))] as const,
);

/**
 * Guesses the language of a text as a BCP 47 tag from its script and its function words.
 * Returns "und" (undetermined) when there is too little text to tell.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return 'und';
  for (const [pattern, lang] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count / letters > 0.3) return lang;
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best = 'und';
  let bestScore = 0;
  for (const [lang, set] of STOPWORD_SETS) {
    let score = 0;
    for (const w of words) if (set.has(w)) score++;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 2 || (words.length < 8 && bestScore >= 1) ? best : 'und';
}
