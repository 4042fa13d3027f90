import { describe, expect, it } from 'vitest';
import { factQuestions } from '../../src/quiz/facts.js';
import { LESSON_IDS } from '../../src/quiz/types.js';

const facts = factQuestions();
const byId = new Map(facts.map((f) => [f.id, f]));
const answerText = (id: string) => {
  const q = byId.get(id)!;
  return q.options.find((o) => o.id === q.answerId)!.text;
};

describe('fact questions', () => {
  it('are well formed: unique ids, 4 unique options, a valid answer, an explanation for every option', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) {
      expect(f.kind).toBe('fact');
      expect(f.options).toHaveLength(4);
      expect(new Set(f.options.map((o) => o.text)).size).toBe(4);
      expect(new Set(f.options.map((o) => o.id)).size).toBe(4);
      expect(f.options.some((o) => o.id === f.answerId)).toBe(true);
      for (const o of f.options) {
        expect(o.explanation.length).toBeGreaterThan(20);
        // The screen prints the verdict; no explanation opens with one of its own.
        expect(o.explanation.startsWith('Right'), `${f.id}/${o.id}`).toBe(false);
      }
      expect(f.lessons).toContain('review');
      for (const l of f.lessons) expect(LESSON_IDS).toContain(l);
      expect(f.source).not.toBe('');
    }
  });

  it('cover every teaching lesson', () => {
    for (const lesson of LESSON_IDS) expect(facts.some((f) => f.lessons.includes(lesson))).toBe(true);
  });

  it('state the course facts correctly', () => {
    expect(answerText('fact:msl-rfc1122')).toMatch(/120 s/);
    expect(answerText('fact:msl-bsd')).toMatch(/30 s/);
    expect(answerText('fact:time-wait-range')).toMatch(/1 and 4 minutes/);
    expect(answerText('fact:linux-time-wait')).toMatch(/fixed 60 seconds/);
    expect(answerText('fact:ttl-max')).toMatch(/^255 /);
    expect(answerText('fact:linux-reconnect-plain')).toMatch(/EADDRINUSE/);
    expect(answerText('fact:linux-reuseaddr-no-timestamps')).toMatch(/EADDRNOTAVAIL/);
    expect(answerText('fact:tcp-tw-reuse')).toMatch(/1 second/);
    expect(answerText('fact:ttl-bound')).toMatch(/routers/);
    expect(answerText('fact:who-waits')).toMatch(/active closer/);
    expect(answerText('fact:why-2msl')).toMatch(/one way.*back/);
    expect(answerText('fact:berkeley-rule')).toMatch(/greater than/);
    expect(answerText('fact:berkeley-needs-server-close')).toMatch(/server must have closed actively/);
  });

  it('do not always put the answer in the same place', () => {
    expect(new Set(facts.map((f) => f.answerId)).size).toBeGreaterThan(2);
  });

  it('come out identical on every call (stable ids and order for mastery)', () => {
    expect(factQuestions()).toEqual(facts);
  });
});
