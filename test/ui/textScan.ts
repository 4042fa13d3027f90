/**
 * What must never reach a learner's screen: raw Markdown, the data language's own spellings
 * (alert ids, condition syntax, lesson ids, JSON) and the marks of a broken template. Each rule
 * names what it caught, so a failure says which text to fix.
 */

const LESSON_IDS = ['the-close', 'lost-final-ack', 'wandering-duplicates', 'the-exception', 'in-practice'];

const RULES: Array<[RegExp, string]> = [
  [/\*\*/, 'raw ** markup'],
  // *word* or *a few words*, as Markdown emphasis would be written (not "2 * 30" or "a*b").
  [/(^|[\s("'])\*[^\s*][^*]*[^\s*]\*(?=$|[\s.,;:!?)"'])|(^|[\s("'])\*[^\s*]\*(?=$|[\s.,;:!?)"'])/, 'raw *emphasis* markup'],
  [/`/, 'raw backtick'],
  [/\bold-duplicate-accepted\b/, 'an alert id'],
  [/\(time \d+\)|(?<![Tt]he )\b(?:client|server|an endpoint) enters [A-Z][A-Z_0-9]+|\b(?:any|client|server) [A-Z]+(?:\+[A-Z]+)* is (?:sent|delivered|dropped)\b|\balert [a-z]+-[a-z-]+/, 'condition syntax'],
  [new RegExp(`\\b(?:lesson|Lesson) (?:${[...LESSON_IDS, 'msl', 'review'].join('|')})\\b|\\b(?:${LESSON_IDS.join('|')})\\b`), 'a lesson id'],
  [/\{\s*"?[A-Za-z_]+"?\s*:/, 'JSON'],
  [/Step \d+\/\d+: (?:narrative|setup|perturb|run|predict|questions|challenge|recap)\b/, 'a step kind as its title'],
  [/\bundefined\b/, '"undefined"'],
  [/\bNaN\b/, '"NaN"'],
  [/\[object /, '"[object"'],
];

/** Each problem in `text` as "what: the line it is on". */
export function rawTextProblems(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    for (const [re, what] of RULES) if (re.test(line)) out.push(`${what}: ${JSON.stringify(line.trim())}`);
  }
  return out;
}
