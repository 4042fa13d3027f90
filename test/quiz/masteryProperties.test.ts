import fc from 'fast-check';
import { expect, it } from 'vitest';
import { MAX_BOX, intervalFor, reviewItem } from '../../src/quiz/mastery.js';
import { masteryRecordSchema, type MasteryRecord } from '../../src/store/schema.js';

it('any answer sequence keeps a card valid: box 1-5, due in the future, counts adding up', () => {
  fc.assert(
    fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 40 }), (answers) => {
      let rec: MasteryRecord | undefined;
      answers.forEach((correct, i) => {
        const session = i + 1;
        const before = rec;
        rec = reviewItem(rec, correct, session);
        expect(masteryRecordSchema.safeParse(rec).success).toBe(true);
        expect(rec.due).toBe(session + intervalFor(rec.box));
        expect(rec.seen).toBe(rec.correct + rec.wrong);
        if (!correct) expect(rec.box).toBe(1);
        else expect(rec.box).toBe(Math.min(MAX_BOX, (before?.box ?? 1) + 1));
      });
    }),
  );
});
