/**
 * A grammar-level check of Mermaid sequence diagrams, for the subset toMermaid writes
 * (participants with aliases, messages, notes, comments).
 *
 * Why not the real parser: the `mermaid` package is not a dependency here, and its `parse()`
 * needs a DOM under Node (DOMPurify; mermaid-js/mermaid#6531). So this file re-implements the
 * relevant rules of Mermaid's own lexer (packages/mermaid/src/diagrams/sequence/parser/
 * sequenceDiagram.jison): the same token patterns, tried in the same order (jison takes the
 * first rule that matches, with `\b` after keywords), the same lexer states (ID, ALIAS, LINE)
 * and the productions for participant, signal and note statements. Anything else is an error.
 */

type Tok = { type: string; text: string; line: number };

const KEYWORDS: [RegExp, string, 'ID' | 'LINE' | null][] = [
  [/^box\b/i, 'box', 'LINE'],
  [/^participant\b/i, 'participant', 'ID'],
  [/^actor\b/i, 'participant_actor', 'ID'],
  [/^create\b/i, 'create', null],
  [/^destroy\b/i, 'destroy', 'ID'],
  [/^(?:loop|rect|opt|alt|else|par_over|par|and|critical|option|break)\b/i, 'block', 'LINE'],
  [/^end\b/i, 'end', null],
  [/^left of\b/i, 'left_of', null],
  [/^right of\b/i, 'right_of', null],
  [/^links\b/i, 'links', null],
  [/^link\b/i, 'link', null],
  [/^properties\b/i, 'properties', null],
  [/^details\b/i, 'details', null],
  [/^over\b/i, 'over', null],
  [/^note\b/i, 'note', null],
  [/^activate\b/i, 'activate', 'ID'],
  [/^deactivate\b/i, 'deactivate', 'ID'],
  [/^title\s[^#\n;]+/i, 'title', null],
  [/^sequenceDiagram\b/i, 'SD', null],
  [/^autonumber\b/i, 'autonumber', null],
  [/^off\b/i, 'off', null],
];

const INITIAL_TAIL: [RegExp, string][] = [
  [/^,/, ','],
  [/^;/, 'NEWLINE'],
  [/^[^+\->:\n,;]+((?!(-x|--x|-\)|--\)))[-]*[^+\->:\n,;]+)*/i, 'ACTOR'],
  [/^->>/, 'ARROW'],
  [/^-->>/, 'ARROW'],
  [/^->/, 'ARROW'],
  [/^-->/, 'ARROW'],
  [/^-x/i, 'ARROW'],
  [/^--x/i, 'ARROW'],
  [/^-\)/, 'ARROW'],
  [/^--\)/, 'ARROW'],
  [/^:(?:(?:no)?wrap:)?[^#\n;]+/i, 'TXT'],
  [/^\+/, '+'],
  [/^-/, '-'],
];

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const states: string[] = ['INITIAL'];
  let rest = src;
  let line = 1;
  const emit = (type: string, text: string): void => {
    toks.push({ type, text, line });
  };
  while (rest.length > 0) {
    const state = states[states.length - 1]!;
    let m: RegExpMatchArray | null;
    const take = (re: RegExp): boolean => {
      m = rest.match(re);
      return m !== null;
    };
    if (state === 'INITIAL' && take(/^\n+/)) emit('NEWLINE', m![0]);
    else if (state === 'INITIAL' && take(/^\s+/)) {
      /* skip */
    } else if (state !== 'INITIAL' && take(/^((?!\n)\s)+/)) {
      /* skip same-line whitespace */
    } else if (take(/^#[^\n]*/)) {
      /* comment */
    } else if (state === 'INITIAL' && (take(/^%%(?!\{)[^\n]*/) || take(/^[^}]%%[^\n]*/))) {
      /* comment */
    } else if (state === 'ID' && take(/^[^\->:\n,;]+?([-]*[^\->:\n,;]+?)*?(?=((?!\n)\s)+as(?!\n)\s|[#\n;]|$)/i)) {
      emit('ACTOR', m![0].trim());
      states.push('ALIAS');
    } else if (state === 'ALIAS') {
      states.pop();
      states.pop();
      if (take(/^as\b/i)) {
        emit('AS', m![0]);
        states.push('LINE');
      } else {
        emit('NEWLINE', '');
        m = [''];
      }
    } else if (state === 'LINE' && take(/^(?:[:]?(?:no)?wrap:)?[^#\n;]*/i)) {
      emit('restOfLine', m![0]);
      states.pop();
    } else if (state === 'INITIAL' && take(/^[0-9]+(?=[ \n]+)/)) emit('NUM', m![0]);
    else if (state === 'INITIAL' && KEYWORDS.some(([re, type, next]) => {
      if (!take(re)) return false;
      emit(type, m![0]);
      if (next) states.push(next);
      return true;
    })) {
      /* keyword */
    } else if (state === 'INITIAL' && INITIAL_TAIL.some(([re, type]) => {
      if (!take(re)) return false;
      emit(type, type === 'ACTOR' ? m![0].trim() : m![0]);
      return true;
    })) {
      /* token */
    } else {
      throw new Error(`line ${line}: no token matches ${JSON.stringify(rest.slice(0, 20))} (state ${state})`);
    }
    const used = m![0].length;
    line += (m![0].match(/\n/g) ?? []).length;
    rest = rest.slice(used || 1);
  }
  emit('NEWLINE', '');
  return toks;
}

/** Throws with the line and the reason when `src` is not a valid diagram of the checked subset. */
export function checkSequenceDiagram(src: string): { participants: string[]; messages: number; notes: number } {
  const toks = tokenize(src);
  let i = 0;
  const peek = (): Tok => toks[i] ?? { type: 'EOF', text: '', line: -1 };
  const expect = (type: string): Tok => {
    const t = peek();
    if (t.type !== type) throw new Error(`line ${t.line}: expected ${type}, found ${t.type} ${JSON.stringify(t.text)}`);
    i++;
    return t;
  };
  while (peek().type === 'NEWLINE') i++;
  expect('SD');
  const participants: string[] = [];
  let messages = 0;
  let notes = 0;
  const actor = (): string => {
    const name = expect('ACTOR').text;
    if (!participants.includes(name)) throw new Error(`actor "${name}" used before being declared`);
    return name;
  };
  while (i < toks.length) {
    const t = peek();
    if (t.type === 'NEWLINE') i++;
    else if (t.type === 'participant') {
      i++;
      participants.push(expect('ACTOR').text);
      if (peek().type === 'AS') {
        i++;
        if (!expect('restOfLine').text.trim()) throw new Error(`line ${t.line}: empty alias`);
      }
      expect('NEWLINE');
    } else if (t.type === 'note') {
      i++;
      const place = peek().type;
      if (place === 'left_of' || place === 'right_of') {
        i++;
        actor();
      } else {
        expect('over');
        actor();
        if (peek().type === ',') {
          i++;
          actor();
        }
      }
      expect('TXT');
      expect('NEWLINE');
      notes++;
    } else if (t.type === 'ACTOR') {
      actor();
      expect('ARROW');
      if (peek().type === '+' || peek().type === '-') i++;
      actor();
      expect('TXT');
      expect('NEWLINE');
      messages++;
    } else throw new Error(`line ${t.line}: unexpected ${t.type} ${JSON.stringify(t.text)}`);
  }
  return { participants, messages, notes };
}
