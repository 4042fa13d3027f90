/**
 * A binary min-heap of scheduled events ordered by (time, seq). `seq` is a counter assigned at
 * scheduling, so two events due at the same microsecond always run in the order they were
 * scheduled: the stable tie-break that makes every run reproducible.
 *
 * The heap is a plain array of entries that are never edited once pushed, so a checkpoint
 * copies the array and shares the entries.
 */
export interface HeapEntry<T> {
  time: number;
  seq: number;
  item: T;
}

const before = <T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean =>
  a.time < b.time || (a.time === b.time && a.seq < b.seq);

export function heapPush<T>(heap: HeapEntry<T>[], entry: HeapEntry<T>): void {
  // Sift up by moving parents down into the hole, then drop the entry in once.
  let i = heap.length;
  heap.push(entry);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent]!;
    if (!before(entry, p)) break;
    heap[i] = p;
    i = parent;
  }
  heap[i] = entry;
}

export function heapPop<T>(heap: HeapEntry<T>[]): HeapEntry<T> | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  // Sift the last entry down from the root through the hole, writing it once at the end.
  const n = heap.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
    if (!before(heap[child]!, last)) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = last;
  return top;
}

export function heapPeek<T>(heap: readonly HeapEntry<T>[]): HeapEntry<T> | undefined {
  return heap[0];
}
