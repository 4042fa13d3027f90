/**
 * A binary min-heap of scheduled events ordered by (time, seq). `seq` is a counter assigned at
 * scheduling, so two events due at the same microsecond always run in the order they were
 * scheduled: the stable tie-break that makes every run reproducible.
 *
 * The heap is a plain array of plain objects so that a checkpoint can structuredClone it.
 */
export interface HeapEntry<T> {
  time: number;
  seq: number;
  item: T;
}

const before = <T>(a: HeapEntry<T>, b: HeapEntry<T>): boolean =>
  a.time < b.time || (a.time === b.time && a.seq < b.seq);

export function heapPush<T>(heap: HeapEntry<T>[], entry: HeapEntry<T>): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!before(heap[i]!, heap[parent]!)) break;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

export function heapPop<T>(heap: HeapEntry<T>[]): HeapEntry<T> | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length === 0 || last === undefined) return top;
  heap[0] = last;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let min = i;
    if (l < heap.length && before(heap[l]!, heap[min]!)) min = l;
    if (r < heap.length && before(heap[r]!, heap[min]!)) min = r;
    if (min === i) break;
    [heap[i], heap[min]] = [heap[min]!, heap[i]!];
    i = min;
  }
  return top;
}

export function heapPeek<T>(heap: readonly HeapEntry<T>[]): HeapEntry<T> | undefined {
  return heap[0];
}
