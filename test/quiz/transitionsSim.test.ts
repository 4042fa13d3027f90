// The acceptance test: every transition question the simulator generates is checked against
// the simulator again, case by case.
import { describe, expect, it } from 'vitest';
import { simProber } from '../../src/quiz/probeTypes.js';
import { QUIZ_POLICIES, transitionQuestions } from '../../src/quiz/transitions.js';
import { enumerateProbeCases } from '../../src/sim/probe.js';
import { checkTransitionQuestions } from './transitionChecks.js';

describe('transition questions from the simulator', () => {
  const questions = transitionQuestions();

  it('one question per probe case, each marked with what probeTransition does', () => {
    expect(questions.length).toBe(enumerateProbeCases().length);
    checkTransitionQuestions(questions, simProber, QUIZ_POLICIES);
  });

  it('known rows of tcp-rules.md come out as the reference says', () => {
    const answer = (id: string) => {
      const q = questions.find((x) => x.id === id);
      expect(q, id).toBeDefined();
      return q!.options.find((o) => o.id === q!.answerId)!.text;
    };
    expect(answer('transition:ESTABLISHED:close')).toBe('Sends FIN,ACK; enters FIN_WAIT_1');
    expect(answer('transition:FIN_WAIT_2:fin')).toBe('Sends ACK; enters TIME_WAIT');
    expect(answer('transition:TIME_WAIT:fin-again')).toBe('Sends ACK; stays in TIME_WAIT');
    expect(answer('transition:TIME_WAIT:2msl')).toBe('Sends nothing; enters CLOSED');
    expect(answer('transition:LAST_ACK:ack')).toBe('Sends nothing; enters CLOSED');
  });

  it('the Berkeley-rule questions say which policy is in force', () => {
    const q = questions.find((x) => x.id === 'transition:TIME_WAIT:syn-greater')!;
    expect(q.prompt).toMatch(/Berkeley rule is on/);
    expect(q.lessons).toContain('the-exception');
  });

  it('every lesson but review gets at least one transition question', () => {
    for (const lesson of ['the-close', 'msl', 'lost-final-ack', 'wandering-duplicates', 'the-exception', 'in-practice'] as const) {
      expect(questions.some((q) => q.lessons.includes(lesson)), lesson).toBe(true);
    }
  });
});
