/**
 * The live lab: real TCP on 127.0.0.1 beside the simulation. The learner picks an experiment
 * (1-5 or ←/→ and enter); its records come in live. Every socket and server belongs to a
 * LabSession, closed when the experiment ends, when another is started, when the learner goes
 * back to the menu or quits (q / Ctrl+C unmount the screen, and the effect below closes it).
 */
import { Box, Text } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { runExperiment, type RunOptions } from '../../lab/experiments.js';
import { openKernelReader, type KernelReader, type ReaderChoice } from '../../lab/kernelReader.js';
import { DEFAULT_CONNECTIONS, EXPERIMENTS, EXPERIMENT_TITLES, type Emit, type ExperimentName, type LabRecord } from '../../lab/records.js';
import { LabSession } from '../../lab/session.js';
import { Footer } from '../components/Footer.js';
import { HelpScreen } from '../components/HelpScreen.js';
import { useKeys } from '../keys/useKeys.js';
import { useSyncState } from '../keys/useSyncState.js';
import { GLYPHS, useTheme } from '../theme.js';
import { EMPTY_LAB_VIEW, experimentForKey, foldRecord, stepCount, type LabView } from './labView.js';
import { LabPanel } from './LabPanels.js';
import { useHelpOverList } from '../keys/useHelpOverList.js';

/** Short names for the row of experiments (the full titles are in help and the records). */
const TAB_TITLES: Record<ExperimentName, string> = { 'who-waits': 'Who waits', 'how-long': 'How long', reconnect: 'Reconnect now', many: 'Many', settings: 'Your settings' };

export type RunLab = (name: ExperimentName, session: LabSession, reader: KernelReader, emit: Emit, opts: RunOptions) => Promise<void>;

export interface LabScreenProps {
  columns: number;
  rows: number;
  onMenu: () => void;
  /** Tests give a recorded table and a scripted run; the program reads the real kernel. */
  reader?: ReaderChoice;
  run?: RunLab;
  /** Where sysctls are read from (tests give a recorded sample); default /proc. */
  procRoot?: string;
  /** The experiment highlighted (and run) first. */
  start?: ExperimentName;
}

export function LabScreen(props: LabScreenProps) {
  const theme = useTheme();
  const [choice] = useState<ReaderChoice>(() => props.reader ?? openKernelReader());
  const [view, setView] = useState<LabView>(EMPTY_LAB_VIEW);
  const [cursor, setCursor, cursorRef] = useSyncState(() => Math.max(0, EXPERIMENTS.indexOf(props.start ?? 'who-waits')));
  const [count, setCount, countRef] = useSyncState(DEFAULT_CONNECTIONS);
  const { help, helpRef, helpScroll, handle: helpOrList } = useHelpOverList(setCursor);
  const [message, setMessage] = useState<string | null>(null);
  const session = useRef<LabSession | null>(null);
  const running = useRef<ExperimentName | null>(null);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    if (props.start) start(props.start);
    return () => {
      // Leaving the lab (menu, q, Ctrl+C) closes every socket and server it opened.
      live.current = false;
      void session.current?.closeAll();
    };
    // Once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function start(name: ExperimentName) {
    setMessage(null);
    // One experiment at a time: a new one stops the one running (its sockets are closed at once).
    const old = session.current;
    if (old && !old.closed && running.current) {
      const was = running.current;
      void old.closeAll();
      setView((v) => foldRecord(v, { experiment: was, kind: 'error', message: `another experiment (${EXPERIMENT_TITLES[name]}) was started` }));
    }
    session.current = null;
    running.current = null;
    if (!choice.ok) {
      setView((v) => foldRecord(foldRecord(v, { experiment: name, kind: 'start', source: 'none', timers: false }), { experiment: name, kind: 'unavailable', reason: choice.reason }));
      return;
    }
    const s = new LabSession();
    session.current = s;
    running.current = name;
    // Records of a run that was stopped are dropped: only the current run draws.
    const emit: Emit = (r: LabRecord) => {
      if (live.current && session.current === s) setView((v) => foldRecord(v, r));
    };
    const run = props.run ?? runExperiment;
    const opts: RunOptions = { count: countRef.current, cancelled: () => !live.current || s.closed, ...(props.procRoot !== undefined && { proc: { procRoot: props.procRoot } }) };
    void run(name, s, choice.reader, emit, opts)
      .catch((e: unknown) => emit({ experiment: name, kind: 'error', message: String((e as Error).message ?? e) }))
      .finally(() => {
        if (session.current === s) running.current = null;
        void s.closeAll();
      });
  }

  useKeys(
    () => (helpRef.current ? ['help'] : ['lab']),
    (b, key) => {
      if (helpOrList(b.action, EXPERIMENTS.length)) return;
      switch (b.action) {
        case 'labRun': {
          const name = experimentForKey(key);
          if (!name) return;
          setCursor(EXPERIMENTS.indexOf(name));
          start(name);
          return;
        }
        case 'select':
          start(EXPERIMENTS[cursorRef.current]!);
          return;
        case 'labMore':
        case 'labFewer':
          setCount((n) => stepCount(n, b.action === 'labMore' ? 1 : -1));
          setCursor(EXPERIMENTS.indexOf('many'));
          return;
        case 'menu':
          props.onMenu();
          return;
      }
    },
  );

  const height = Math.max(6, props.rows - 1);
  if (help) {
    return (
      <Box flexDirection="column" height={height}>
        <HelpScreen contexts={['lab', 'global']} width={props.columns} height={height - 1} scroll={helpScroll} />
        <Footer contexts={['help', 'global']} width={props.columns} />
      </Box>
    );
  }
  const name = EXPERIMENTS[cursor]!;
  const source = choice.ok ? choice.reader.source : 'no socket table';
  return (
    <Box flexDirection="column" height={height} width={props.columns} overflow="hidden">
      <Text {...theme.heading} wrap="truncate">{`Your own kernel ${GLYPHS.focus} real TCP on 127.0.0.1, read from ${source}`}</Text>
      <Text wrap="truncate">
        {EXPERIMENTS.map((x, i) => (
          <Text key={x} {...(i === cursor ? theme.selected : {})}>
            {` ${i + 1} ${TAB_TITLES[x]}${x === 'many' ? ` (${count})` : ''}${view.running === x ? ' …' : ''} `}
          </Text>
        ))}
      </Text>
      {!choice.ok && (
        <Text {...theme.bad} wrap="wrap">
          {`${GLYPHS.alert} ${choice.reason}`}
        </Text>
      )}
      <Box flexDirection="column" flexGrow={1} overflow="hidden" marginTop={1}>
        <LabPanel name={name} records={view.runs[name]} width={props.columns} count={count} />
      </Box>
      <Footer contexts={['lab', 'global']} width={props.columns} message={message} />
    </Box>
  );
}
