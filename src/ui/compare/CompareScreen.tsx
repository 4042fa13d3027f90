/**
 * Compare mode: the run and its rerun under a policy change, in step by simulated time, the
 * first divergence marked on both ladders and said in a sentence under them. Side by side from
 * 160 columns; below that one run at a time (Tab or s shows the other).
 *
 * From the sandbox it opens on a picker of changes and Esc hands back to the sandbox, left as
 * it was. A lesson's compare step gives the change itself, its text to show above the ladders,
 * and its own keys (`lesson`): those come back through `onOther`, told whether the clock has
 * reached the divergence (the step goes on only then).
 */
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { compareRuns, type Comparison } from '../../compare/compareRuns.js';
import { secondsText } from '../../compare/sentence.js';
import { verdictLines } from '../../compare/sideBySide.js';
import { fmtSeconds, wrapText } from '../../diagram/format.js';
import type { Perturbation, Policies, ScenarioSpec } from '../../sim/index.js';
import { Footer } from '../components/Footer.js';
import { HelpScreen } from '../components/HelpScreen.js';
import { ListPicker } from '../components/ListPicker.js';
import type { Binding, KeyContext } from '../keys/bindings.js';
import { useKeys } from '../keys/useKeys.js';
import { useSyncReducer } from '../keys/useSyncState.js';
import { useTheme } from '../theme.js';
import { CompareLadder } from './CompareLadder.js';
import { compareFrame } from './compareFrame.js';
import { compareNarration } from './compareNarration.js';
import { compareReducer, compareVariants, initialCompareState, lockstepTimes, SIDE_BY_SIDE_COLUMNS, type CompareState } from './compareModel.js';

export interface CompareScreenProps {
  spec: ScenarioSpec;
  seed: number;
  /** Run A's own policy settings, and the policies in force now (what the picker is relative to). */
  base: Partial<Policies>;
  now: Policies;
  /** Perturbations both runs get (a learner's pinned by step). */
  perturbations: readonly Perturbation[];
  columns: number;
  rows: number;
  /** Run B's change, given: no picker (a lesson's compare step). */
  variant?: Partial<Policies> | undefined;
  /** The top line (default "Compare · SCENARIO"), and a heading and text shown above the ladders. */
  title?: string | undefined;
  heading?: string | undefined;
  intro?: string | undefined;
  /** Further key contexts after the view's own (a lesson's), handled by `onOther`. */
  extraContexts?: readonly KeyContext[] | undefined;
  /** A key of `extraContexts`; what it returns is shown in the footer. */
  onOther?: ((b: Binding, key: string, reached: boolean) => string | void) | undefined;
  /** Esc: back to where the comparison was opened. Absent: Esc does nothing here. */
  onClose?: (() => void) | undefined;
}

/** Rows under the ladders for the sentence, and at most this many rows of intro text. */
const SENTENCE_ROWS = 2;
const INTRO_SHARE = 4;

export function CompareScreen(props: CompareScreenProps) {
  const { spec, seed, base, now, perturbations, columns, rows, variant: given, onClose } = props;
  const theme = useTheme();
  const reader = useIsScreenReaderEnabled();
  const fixed = given !== undefined;
  const [state, dispatch, ref] = useSyncReducer(compareReducer, () => (fixed ? compareReducer(initialCompareState, { type: 'choose' }) : initialCompareState));
  const [message, setMessage] = useState<string | null>(null);
  /** How far the ladders can scroll back, as last drawn (for the scroll keys). */
  const maxScroll = useRef(0);
  const pageRows = useRef(1);
  const variants = useMemo(() => compareVariants(now), [now]);
  const overrides = given ?? (state.chosen === null ? null : variants[state.chosen]!.overrides);
  const comparison: Comparison | null = useMemo(
    () => (overrides ? compareRuns(spec, { seed, perturbations, base, variant: overrides }) : null),
    [overrides, spec, seed, perturbations, base],
  );
  const times = useMemo(() => (comparison ? lockstepTimes(comparison.a.trace, comparison.b.trace) : []), [comparison]);
  const extra = props.extraContexts ?? [];
  const contextsOf = (s: CompareState): KeyContext[] => {
    if (s.help) return ['help'];
    if (s.phase === 'pick') return ['comparePick', ...extra];
    return ['compare', ...(onClose ? (['compareExit'] as const) : []), ...extra];
  };
  const helpContexts: KeyContext[] = [...(fixed ? [] : (['comparePick'] as const)), 'compare', ...(onClose ? (['compareExit'] as const) : []), ...extra, 'global'];
  /** The clock has reached the divergence, or the end when the runs never part. */
  const reachedAt = (index: number): boolean => {
    const d = comparison?.divergence;
    return d ? (times[index] ?? 0) >= d.at : index >= times.length - 1;
  };

  useKeys(
    () => contextsOf(ref.current),
    (b, key) => {
      const s = ref.current;
      setMessage(null);
      if (b.action === 'help' || (s.help && b.action === 'close')) return dispatch({ type: 'toggleHelp' });
      if (s.help) return;
      if (b.context !== 'comparePick' && b.context !== 'compare' && b.context !== 'compareExit') {
        const said = props.onOther?.(b, key, reachedAt(s.index));
        if (said) setMessage(said);
        return;
      }
      switch (b.action) {
        case 'up':
          return dispatch({ type: 'cursor', delta: -1, length: variants.length });
        case 'down':
          return dispatch({ type: 'cursor', delta: 1, length: variants.length });
        case 'scrollBack':
        case 'scrollForward': {
          // A page key moves by a screen of rows less one, so no row is skipped.
          const by = key === 'pageup' || key === 'pagedown' ? Math.max(1, pageRows.current) : 1;
          return dispatch({ type: 'scroll', by: b.action === 'scrollBack' ? by : -by, max: maxScroll.current });
        }
        case 'select':
          return dispatch({ type: 'choose' });
        case 'step':
          return dispatch({ type: 'step', delta: 1, length: times.length });
        case 'stepBack':
          return dispatch({ type: 'step', delta: -1, length: times.length });
        case 'toStart':
          return dispatch({ type: 'toStart' });
        case 'toEnd':
          return dispatch({ type: 'toEnd', length: times.length });
        case 'switchSide':
          return dispatch({ type: 'switchSide' });
        case 'close':
          return onClose?.();
      }
    },
  );

  const wide = columns >= SIDE_BY_SIDE_COLUMNS;
  const ladderW = wide ? Math.floor((columns - 1) / 2) : columns;
  const clock = times[Math.min(state.index, Math.max(0, times.length - 1))] ?? 0;
  const frame = useMemo(() => (comparison ? compareFrame(comparison, clock, ladderW) : null), [comparison, clock, ladderW]);
  const intro = (props.intro ?? '')
    .split('\n')
    .filter((p) => p.trim() !== '')
    .flatMap((p) => wrapText(p, columns))
    .slice(0, Math.floor(rows / INTRO_SHARE));
  const headed = props.heading ? 1 : 0;
  const bodyH = Math.max(3, rows - 2 - headed - intro.length);
  let body;
  let title = props.title ?? `Compare · ${spec.name}`;
  if (state.help) {
    body = <HelpScreen contexts={helpContexts} width={columns} height={bodyH} scroll={0} />;
  } else if (!comparison || !frame) {
    const items = variants.map((v) => v.label);
    body = <ListPicker title="Compare this run with the same run under... (enter runs both, esc goes back)" items={items} cursor={state.cursor} width={columns} height={bodyH} />;
  } else {
    title = `${title} · t=${fmtSeconds(clock)} (${state.index + 1} of ${times.length})`;
    const d = comparison.divergence;
    const said = !d ? verdictLines(comparison)[0]! : frame.reached ? d.sentence : `The runs diverge at ${secondsText(d.at)}: step on (→) or press G to see how.`;
    const sentence = wrapText(said, columns).slice(0, SENTENCE_ROWS);
    const ladderH = Math.max(3, bodyH - 1 - SENTENCE_ROWS);
    // The ladder's header takes one of its rows.
    maxScroll.current = Math.max(0, frame.rows - (ladderH - 1));
    pageRows.current = ladderH - 2;
    if (reader) {
      // Sentences instead of the ladders (the picker and help above are read as lists already).
      return (
        <Box flexDirection="column">
          <Text>{title}</Text>
          {props.heading && <Text>{props.heading}</Text>}
          {intro.map((line, i) => (
            <Text key={`i${i}`}>{line}</Text>
          ))}
          {compareNarration(comparison, frame, state.index, times.length).map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
          <Footer contexts={contextsOf(state)} width={columns} message={message} />
        </Box>
      );
    }
    const labelA = `run A: ${comparison.a.label}`;
    const labelB = `run B: ${comparison.b.label}`;
    body = (
      <Box flexDirection="column" height={bodyH}>
        {wide ? (
          <Box height={1}>
            <Box width={ladderW + 1}>
              <Text {...theme.heading} wrap="truncate">
                {labelA}
              </Text>
            </Box>
            <Text {...theme.heading} wrap="truncate">
              {labelB}
            </Text>
          </Box>
        ) : (
          <Text wrap="truncate">
            <Text {...theme.heading}>{`${state.side === 'a' ? labelA : labelB} (${state.side === 'a' ? 1 : 2} of 2)`}</Text>
            <Text {...theme.muted}>{` · tab: ${state.side === 'a' ? labelB : labelA}`}</Text>
          </Text>
        )}
        {wide ? (
          <Box height={ladderH}>
            <CompareLadder side={frame.a} clock={clock} width={ladderW} height={ladderH} scroll={state.scroll} />
            <Box width={1} />
            <CompareLadder side={frame.b} clock={clock} width={ladderW} height={ladderH} scroll={state.scroll} />
          </Box>
        ) : (
          <CompareLadder side={state.side === 'a' ? frame.a : frame.b} clock={clock} width={ladderW} height={ladderH} scroll={state.scroll} />
        )}
        {sentence.map((line, i) => (
          <Text key={i} wrap="truncate" {...(frame.reached ? theme.focus : theme.accent)}>
            {line}
          </Text>
        ))}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={rows} overflowY="hidden">
      <Text wrap="truncate" {...theme.heading}>
        {title}
      </Text>
      {props.heading && (
        <Text wrap="truncate" {...theme.focus}>
          {props.heading}
        </Text>
      )}
      {intro.map((line, i) => (
        <Text key={`i${i}`} wrap="truncate">
          {line}
        </Text>
      ))}
      <Box height={bodyH} overflowY="hidden">
        {body}
      </Box>
      <Box height={1}>
        <Footer contexts={contextsOf(state)} width={columns} message={message} />
      </Box>
    </Box>
  );
}
