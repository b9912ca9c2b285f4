import type { AccessView } from '../api/types.ts';
import { timeTicks } from '../data/time-ticks.ts';
import { type DescribedEvent, LANE_LABELS, type Lane } from '../data/timeline-events.ts';
import { h, svg } from '../dom.ts';
import { formatTick, formatWhen } from '../format.ts';

// R13.3: the reservation drawn on a time axis: the stay and the code's window as bars, and every
// programming step, attempt, message and removal as a mark in its lane. The list beneath the
// picture says the same in words, for screen readers and for exact times.

const WIDTH = 760;
const LEFT = 112;
const RIGHT = WIDTH - 24;
const TOP = 14;
const LANE_HEIGHT = 32;
const LANES = Object.keys(LANE_LABELS) as Lane[];
const AXIS_Y = TOP + LANES.length * LANE_HEIGHT + 6;
const HEIGHT = AXIS_Y + 30;
/** Marks closer than this share a lane's row only if stacked above or below each other. */
const MIN_GAP = 11;
const STACK = [0, -8, 8];

const laneY = (lane: Lane) => TOP + LANES.indexOf(lane) * LANE_HEIGHT + LANE_HEIGHT / 2;

export function timelinePicture(
  view: AccessView,
  events: readonly DescribedEvent[],
  zone: string,
  now: number,
): SVGSVGElement {
  const instants = [view.checkIn, view.checkOut, view.code.activeFrom, view.code.activeUntil].map((t) =>
    Date.parse(t ?? ''),
  );
  const [checkIn = now, checkOut = now, activeFrom = now, activeUntil = now] = instants;
  const all = [...instants, ...events.map((e) => e.at), now].filter((t) => !Number.isNaN(t));
  const span = Math.max(...all) - Math.min(...all) || 3_600_000;
  const start = Math.min(...all) - span * 0.03;
  const end = Math.max(...all) + span * 0.03;
  const x = (t: number) => LEFT + ((t - start) / (end - start)) * (RIGHT - LEFT);
  const bar = (from: number, to: number, y: number, height: number, kind: string, label: string) =>
    svg(
      'rect',
      {
        x: x(from),
        y: y - height / 2,
        width: Math.max(2, x(to) - x(from)),
        height,
        rx: height / 2,
        class: `tl-${kind}`,
      },
      svg('title', {}, label),
    );

  const lanes = LANES.map((lane) => [
    svg('line', { x1: LEFT, x2: RIGHT, y1: laneY(lane), y2: laneY(lane), class: 'tl-lane' }),
    svg('text', { x: 0, y: laneY(lane) + 4, class: 'tl-lane-label' }, LANE_LABELS[lane]),
  ]);
  const stayY = laneY('stay');
  const bars = [
    bar(
      activeFrom,
      activeUntil,
      stayY,
      16,
      'window',
      `Code works ${formatWhen(activeFrom, zone)} to ${formatWhen(activeUntil, zone)}`,
    ),
    bar(
      checkIn,
      checkOut,
      stayY,
      8,
      'stay',
      `Stay ${formatWhen(checkIn, zone)} to ${formatWhen(checkOut, zone)}`,
    ),
  ];
  const lastX = new Map<string, number>();
  const marks = events.map((e) => {
    const cx = x(e.at);
    const offset = STACK.find((dy) => cx - (lastX.get(`${e.lane}${dy}`) ?? -Infinity) >= MIN_GAP) ?? 0;
    lastX.set(`${e.lane}${offset}`, cx);
    return svg(
      'circle',
      { cx, cy: laneY(e.lane) + offset, r: 5, class: `tl-mark tl-${e.tone}` },
      svg('title', {}, `${formatWhen(e.at, zone)}: ${e.label}`),
    );
  });
  const { at: tickTimes, daily } = timeTicks(start, end, zone);
  const ticks = tickTimes.map((t) => [
    svg('line', { x1: x(t), x2: x(t), y1: TOP - 4, y2: AXIS_Y + 4, class: 'tl-grid' }),
    svg(
      'text',
      { x: x(t), y: AXIS_Y + 18, class: 'tl-tick', 'text-anchor': 'middle' },
      formatTick(t, zone, daily),
    ),
  ]);
  const nowLine = [
    svg('line', { x1: x(now), x2: x(now), y1: TOP - 6, y2: AXIS_Y, class: 'tl-now' }),
    svg('text', { x: x(now) + 4, y: TOP - 2, class: 'tl-now-label' }, 'now'),
  ];
  return svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      class: 'timeline-picture',
      role: 'img',
      'aria-label': `Timeline: stay ${formatWhen(checkIn, zone)} to ${formatWhen(checkOut, zone)}, ${events.length} events, listed below`,
    },
    lanes,
    svg('line', { x1: LEFT, x2: RIGHT, y1: AXIS_Y, y2: AXIS_Y, class: 'tl-axis' }),
    ticks,
    bars,
    nowLine,
    marks,
  );
}

const LEGEND: [kind: string, text: string][] = [
  ['stay', 'Stay'],
  ['window', 'Code works'],
  ['ok', 'Done'],
  ['info', 'Step'],
  ['problem', 'Problem'],
  ['offline-code', 'Offline code issued'],
  ['planned', 'Due'],
];

/** What the picture's bars and marks mean. */
export const timelineLegend = () =>
  h(
    'ul',
    { class: 'legend', 'aria-label': 'Picture key' },
    LEGEND.map(([kind, text]) =>
      h('li', {}, h('span', { class: `key key-${kind}`, 'aria-hidden': 'true' }), text),
    ),
  );
