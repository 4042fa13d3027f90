/**
 * How the lesson screen's keys stop a run or predict step, in one place so a test can drive the
 * same path the screen does: Space (playing) pauses on the step's goal event or stops the clock
 * at its time target / limit, → (stepping) steps to that moment, and Enter jumps there.
 */
import type { LessonPlayer } from '../lessons/player.js';
import type { ControllerOptions, SimController } from './simController.js';

/** A latch the screen sets once the goal has been seen, so the learner can then play on. */
export interface GoalLatch {
  current: boolean;
}

/** The controller options that make playing and stepping stop where the step says. */
export function stepStopOptions(player: LessonPlayer, goalSeen: GoalLatch): Required<Pick<ControllerOptions, 'shouldPause' | 'stopAt'>> {
  return {
    shouldPause: () => {
      if (goalSeen.current || !player.target()) return false;
      const p = player.progress();
      if (p.reached) goalSeen.current = true;
      return p.reached;
    },
    stopAt: (clock) => (goalSeen.current ? undefined : player.stopMicros(clock)),
  };
}

/**
 * Enter on a run or predict step: jump to where the step stops, from where the screen stands,
 * and show that moment (the clock can be ahead of the last event). Returns true when the
 * player replaced its simulation (a reveal replays from the step's start).
 */
export function jumpToStop(player: LessonPlayer, ctrl: SimController): boolean {
  const s = player.step;
  if (s.kind === 'run') {
    player.play(ctrl.getState().clock);
    ctrl.refresh(player.clockSeconds * 1e6);
    return false;
  }
  if (s.kind === 'predict' && player.sim) {
    player.reveal();
    ctrl.setSim(player.sim!, player.clockSeconds * 1e6);
    return true;
  }
  return false;
}
