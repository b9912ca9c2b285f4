import type { BackupPoolView, PoolCodeStatus } from '../api/types.ts';
import { poolSignal } from '../data/pool-signals.ts';
import { h, svg } from '../dom.ts';
import { chip } from '../ui/chip.ts';

// R6.4: a lock's backup pool as one bar (available, issued, programming, failed) and its signals.

const SEGMENTS: [kind: string, label: string, statuses: PoolCodeStatus[]][] = [
  ['available', 'available', ['set']],
  ['issued', 'issued to guests', ['issued']],
  ['programming', 'being programmed', ['pending', 'requested']],
  ['failed', 'failed', ['failed']],
];

const BAR_WIDTH = 240;

export function poolBar(pool: BackupPoolView): HTMLElement {
  const counts = SEGMENTS.map(([kind, label, statuses]) => ({
    kind,
    label,
    count: pool.codes.filter((c) => statuses.includes(c.status as PoolCodeStatus)).length,
  }));
  const total = Math.max(pool.size, pool.codes.length, 1);
  let x = 0;
  const rects = counts.map(({ kind, count }) => {
    const width = (count / total) * BAR_WIDTH;
    const rect = svg('rect', { x, y: 0, width, height: 10, class: `pool-${kind}` });
    x += width;
    return rect;
  });
  const words = counts.filter((c) => c.count > 0).map((c) => `${c.count} ${c.label}`);
  const description = `${words.join(', ') || 'no code yet'} of ${pool.size}`;
  return h(
    'div',
    { class: 'pool' },
    svg(
      'svg',
      {
        viewBox: `0 0 ${BAR_WIDTH} 10`,
        class: 'pool-bar',
        role: 'img',
        'aria-label': `Backup pool: ${description}`,
      },
      svg('rect', { x: 0, y: 0, width: BAR_WIDTH, height: 10, class: 'pool-empty' }),
      rects,
    ),
    h('p', { class: 'pool-legend' }, description),
    pool.signals.length > 0
      ? h(
          'ul',
          { class: 'chips', 'aria-label': 'Backup pool signals' },
          pool.signals.map((s) => {
            const [tone, text] = poolSignal(s);
            return h('li', {}, chip(tone, text, s));
          }),
        )
      : h('p', { class: 'muted' }, 'Pool healthy'),
  );
}
