// Finds English sentences in text meant to be Chinese: runs of plain English words holding a function word
// ("grants * pods via ClusterRole …", "8 finding(s)"), outside identifiers (flags, paths, fields, kinds, names).

/** Words that only a sentence has: an identifier, a kind or an object name is none of these. */
const FUNCTION_WORDS = new Set(
  (
    'the of and or not in to with for via is are be by on no from at per than only every each has have do does ' +
    'this that these those set unset grants binds finding findings excluded enabled disabled must should can cannot ' +
    'when where which a an its their there here was were will would been being see also but if then else'
  ).split(' '),
);

/** An English run: two or more plain words separated by spaces or commas (identifiers have no place in it). */
const RUN = /(?<![\w./:-])[A-Za-z][a-z]*(?:\(s\))?(?:[ ,]+[A-Za-z][a-z]*(?:\(s\))?)*(?![\w/:-])/g;

/** Parts of a Chinese text that may be English: quoted names of Azure built-ins, commands, URLs. */
function withoutIdentifiers(text: string): string {
  return text
    .replace(/“[^”]*”/g, ' ') // names of Azure Policy built-ins, quoted as they are published
    .replace(/`[^`]*`/g, ' ') // commands
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/Azure Policy for Kubernetes|Defender for (?:Containers|Cloud)|Microsoft Entra ID/g, ' ') // product names
    .replace(/(?:^|\s)(?:az|kubectl) [^（）。；，\n]*/g, ' ');
}

/** The English sentences found, each with some context; empty when the text has none. */
export function englishSentences(text: string): string[] {
  const found: string[] = [];
  for (const line of withoutIdentifiers(text).split('\n')) {
    for (const match of line.matchAll(RUN)) {
      const words = match[0].split(/[ ,]+/).map((w) => w.replace(/\(s\)$/, '').toLowerCase());
      const marker = words.some((w) => FUNCTION_WORDS.has(w)) || /\(s\)/.test(match[0]);
      if (marker && (words.length >= 2 || match[0].endsWith('(s)'))) found.push(line.trim().slice(0, 160));
    }
  }
  return [...new Set(found)];
}
