/**
 * The live view shared by the lesson player and the sandbox: header, ladder, endpoint panels,
 * state diagram, narrative, event log, footer; overlays (help, perturb, inspect, a picker) take
 * the body's place. In screen-reader mode it is replaced by a plain narration.
 */
import { Box, Text, useIsScreenReaderEnabled } from 'ink';
import type { ReactNode } from 'react';
import type { KeyContext } from '../keys/bindings.js';
import type { UiState } from '../keys/uiState.js';
import { runLayout, type Rect } from '../layout.js';
import { useSimSelector } from '../useSimulation.js';
import { EndpointPanel } from './EndpointPanel.js';
import { EventLog } from './EventLog.js';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { HelpScreen } from './HelpScreen.js';
import { Inspect } from './Inspect.js';
import { Ladder } from './Ladder.js';
import { ListPicker } from './ListPicker.js';
import { PerturbMenu } from './PerturbMenu.js';
import { Narration } from './Narration.js';
import { StateDiagram } from './StateDiagram.js';

export interface RunViewProps {
  title: string;
  columns: number;
  rows: number;
  ui: UiState;
  contexts: readonly KeyContext[];
  helpContexts: readonly KeyContext[];
  /** The lesson pane; absent in the sandbox. */
  narrative?: ((r: Rect, scroll: number, focused: boolean) => ReactNode) | undefined;
  /** Plain text of the narrative for screen-reader mode. */
  narrativeText?: string | undefined;
  picker?: { title: string; items: readonly string[] } | undefined;
  /** The step asks something: give the narrative more room. */
  tallNarrative?: boolean | undefined;
  /**
   * The narrative has news (feedback, a hint, a result): while the run is paused it borrows
   * rows from the ladder to show all of it (see runLayout's `news`).
   */
  narrativeNews?: boolean | undefined;
  /** How many lines the narrative holds at a width, so it borrows no more rows than it needs. */
  narrativeLines?: ((width: number) => number) | undefined;
  /** Nothing to simulate yet: the narrative takes the whole body. */
  narrativeOnly?: boolean | undefined;
}

export function RunView(props: RunViewProps) {
  const { ui, columns, rows } = props;
  const reader = useIsScreenReaderEnabled();
  // While the run plays, the ladder is what the learner watches: it keeps its rows.
  const playing = useSimSelector((s) => s.playing);
  const L = runLayout(columns, rows, {
    narrative: !!props.narrative,
    diagram: ui.diagram && !props.narrativeOnly,
    tallNarrative: !!props.tallNarrative,
    narrativeOnly: !!props.narrativeOnly && !!props.narrative,
    news: !!props.narrativeNews && !playing,
    ...(props.narrativeLines ? { narrativeLines: props.narrativeLines } : {}),
  });
  let body: ReactNode = null;
  if (ui.overlay === 'help') {
    body = <HelpScreen contexts={props.helpContexts} width={L.body.width} height={L.body.height} scroll={ui.cursor} />;
  } else if (ui.overlay === 'perturb') {
    body = <PerturbMenu ui={ui} width={L.body.width} height={L.body.height} />;
  } else if (ui.overlay === 'inspect') {
    body = <Inspect cursor={ui.cursor} typed={ui.typed} width={L.body.width} height={L.body.height} />;
  } else if (ui.overlay === 'scenarios' && props.picker) {
    body = <ListPicker title={props.picker.title} items={props.picker.items} cursor={ui.cursor} width={L.body.width} height={L.body.height} />;
  }
  // Screen-reader mode: sentences instead of the drawing. An open menu (perturb, inspect, help,
  // scenarios) is read as it is, since the learner must be able to use it.
  if (reader) {
    return body ? (
      <Box flexDirection="column">
        {body}
        <Footer contexts={props.contexts} width={L.width} message={ui.message} />
      </Box>
    ) : (
      <Narration title={props.title} narrative={props.narrativeText} contexts={props.contexts} message={ui.message ?? undefined} />
    );
  }
  if (!body) {
    const half = Math.floor(L.endpoints.width / 2);
    const endpoints = L.endpoints.height === 0 ? null : (
      <Box height={L.endpoints.height} width={L.endpoints.width}>
        <EndpointPanel host="client" width={half - 1} height={L.endpoints.height} />
        <Box width={1} />
        <EndpointPanel host="server" width={L.endpoints.width - half} height={L.endpoints.height} />
      </Box>
    );
    const narrative = props.narrative && L.narrative.height > 0 ? props.narrative(L.narrative, ui.scroll.narrative, ui.focus === 'narrative') : null;
    const log = L.log.height > 0 ? <EventLog width={L.log.width} height={L.log.height} scroll={ui.scroll.log} focused={ui.focus === 'log'} highlight={ui.search?.match ?? null} /> : null;
    const diagram = L.diagram.height > 0 ? <StateDiagram width={L.diagram.width} height={L.diagram.height} /> : null;
    const ladder = L.ladder.height > 0 ? <Ladder width={L.ladder.width} height={L.ladder.height} scroll={ui.scroll.ladder} network={ui.network} conn={ui.conn} highlight={ui.search?.match ?? null} /> : null;
    body = L.wide ? (
      <Box height={L.body.height}>
        <Box flexDirection="column" width={L.ladder.width}>
          {ladder}
          {endpoints}
        </Box>
        <Box width={1} />
        <Box flexDirection="column" width={L.narrative.width || L.log.width}>
          {diagram}
          {narrative}
          {log}
        </Box>
      </Box>
    ) : (
      <Box flexDirection="column" height={L.body.height}>
        {ladder}
        {diagram}
        {endpoints}
        {narrative}
        {log}
      </Box>
    );
  }
  // Panes clip vertically only: every line is already truncated to its pane's width, and a
  // horizontal clip makes Ink slice every line of the frame again on every frame.
  return (
    <Box flexDirection="column" width={L.width} height={L.height} overflowY="hidden">
      <Header title={props.title} width={L.width} />
      <Box height={L.body.height} overflowY="hidden">
        {body}
      </Box>
      <Box height={1}>
        <Footer contexts={props.contexts} width={L.width} message={ui.message} />
      </Box>
    </Box>
  );
}
