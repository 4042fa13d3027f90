/**
 * Turns Ink's (input, key) pair into one canonical name such as `space`, `right`, `shift+tab`,
 * `ctrl+c` or a printable character, so the binding table can be plain data.
 */
import type { Key } from 'ink';

export function keyName(input: string, key: Key): string {
  if (key.ctrl && (input === 'c' || input === '\u0003')) return 'ctrl+c';
  if (input === '\u0003') return 'ctrl+c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl) return `ctrl+${input}`;
  if (input === ' ') return 'space';
  return input;
}
