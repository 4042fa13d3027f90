/**
 * The perturb menu overlay: the entries of the current tab (src/ui/perturbMenu.ts) in a list,
 * and below it either the highlighted entry in full (a long label is cut at the list's width)
 * or, once an entry that needs a number is chosen, the prompt with its range, what has been
 * typed so far, and why the last Enter refused it.
 */
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { UiState } from '../keys/uiState.js';
import { perturbEntries, PERTURB_TABS, promptLine } from '../perturbMenu.js';
import { useTheme } from '../theme.js';
import { useSimSelector } from '../useSimulation.js';
import { ListPicker } from './ListPicker.js';

/** Rows under the list: the prompt (or the full label), the typed text, the error. */
const DETAIL_ROWS = 3;

export function PerturbMenu({ ui, width, height }: { ui: UiState; width: number; height: number }) {
  const theme = useTheme();
  const snapshot = useSimSelector((s) => s.snapshot);
  const entries = perturbEntries(snapshot, ui.tab);
  const tabs = PERTURB_TABS.map((t, i) => (i === ui.tab ? `[${t}]` : ` ${t} `)).join(' ');
  const current = entries[ui.cursor];
  const detailRows = Math.min(DETAIL_ROWS, Math.max(0, height - 4));
  let detail: ReactNode = null;
  if (ui.input && current) {
    detail = (
      <>
        <Text wrap="truncate" {...theme.heading}>
          {promptLine(current)}
        </Text>
        <Text wrap="truncate">{`> ${ui.input.text}▌`}</Text>
        {ui.input.error && (
          <Text wrap="truncate" {...theme.bad}>
            {ui.input.error}
          </Text>
        )}
      </>
    );
  } else if (current && current.label.length + 2 > width) {
    detail = (
      <Text wrap="wrap" {...theme.muted}>
        {current.label.replace(/\s+/g, ' ')}
      </Text>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ListPicker
        title={ui.input ? 'Perturb the run (type a number, enter applies, esc goes back)' : 'Perturb the run (↑/↓ choose, enter applies, tab switches, esc cancels)'}
        subtitle={`${tabs}   ${ui.tab === 0 ? 'a segment in flight, or the next one sent' : 'rules, timers and hosts'}`}
        items={entries.map((e) => e.label)}
        cursor={ui.cursor}
        width={width}
        height={height - detailRows}
      />
      <Box flexDirection="column" height={detailRows} overflowY="hidden">
        {detail}
      </Box>
    </Box>
  );
}
