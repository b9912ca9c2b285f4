import { type Arrival, arrivalsAnswer, loadArrivals } from '../data/arrivals.ts';
import { type HostData, loadHostData } from '../data/host-data.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import { formatTime, nextDays } from '../format.ts';
import type { ScreenContext } from '../router.ts';
import { describeError } from '../ui/action.ts';
import { screenHeading } from '../ui/panels.ts';
import { arrivalCard } from './arrival-card.ts';
import { weekLegend, weekPicture } from './week-picture.ts';

// R13.2, the first screen: will every arriving guest of the next 7 days get in? It refreshes itself
// every few seconds while open, since codes get confirmed by the locks in the background.

const REFRESH_MS = 4_000;
const DAYS = 7;

interface Board {
  host: HostData;
  arrivals: Arrival[];
}

async function loadBoard(now: Date): Promise<Board> {
  const host = await loadHostData();
  const days = nextDays(now, DAYS).map((d) => d.key);
  return { host, arrivals: await loadArrivals(host, now, days) };
}

function answerBanner(arrivals: readonly Arrival[]): HTMLElement {
  const { text, tone } = arrivalsAnswer(arrivals);
  const programming = arrivals.filter((a) => a.verdict === 'in-progress').length;
  return h(
    'section',
    { class: `answer answer-${tone}`, 'aria-label': 'Will every arriving guest get in?' },
    h('p', { class: 'answer-text' }, text),
    programming > 0
      ? h(
          'p',
          { class: 'answer-sub' },
          `${programming === 1 ? 'One guest’s code is' : `${programming} guests’ codes are`} not on every lock yet: Lockstep programs codes ahead of check-in`,
        )
      : null,
  );
}

function boardContent(board: Board, now: Date): Node[] {
  const days = nextDays(now, DAYS);
  return [
    answerBanner(board.arrivals),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'week-heading' },
      h('h2', { id: 'week-heading' }, 'The week by door'),
      h('div', { class: 'scroll-x' }, weekPicture(board.host, board.arrivals, days)),
      weekLegend(),
    ),
    h(
      'section',
      { 'aria-labelledby': 'list-heading' },
      h('h2', { id: 'list-heading' }, 'Arriving guests'),
      board.arrivals.length === 0
        ? h('p', { class: 'muted' }, 'Nobody checks in during the next 7 days.')
        : h(
            'ol',
            { class: 'arrivals' },
            board.arrivals.map((a) => arrivalCard(a, now.getTime())),
          ),
    ),
  ];
}

/** What decides whether the board must be drawn again: the data, not the clock. */
const fingerprint = (board: Board) =>
  JSON.stringify([
    board.arrivals.map((a) => [a.view, a.doors]),
    board.host.properties,
    board.host.locks,
    [...board.host.live],
  ]);

export async function renderArrivals({ main, signal }: ScreenContext): Promise<void> {
  let board = await loadBoard(new Date());
  if (signal.aborted) return;
  const updated = h('p', { class: 'muted updated' });
  const refreshNotice = h('p', { class: 'outcome outcome-error', role: 'status' });
  const content = h('div', { class: 'board' });
  const stamp = () => {
    updated.textContent = `Next ${DAYS} days · updated ${formatTime(new Date())}`;
  };
  const draw = () => {
    replaceKeepingFocus(content, ...boardContent(board, new Date()));
    stamp();
  };
  let refreshing = false;
  const refresh = async () => {
    if (refreshing) return; // a slow answer is not asked for twice
    refreshing = true;
    try {
      const next = await loadBoard(new Date());
      if (signal.aborted) return;
      refreshNotice.textContent = '';
      const changed = fingerprint(next) !== fingerprint(board);
      board = next;
      if (changed) draw();
      else stamp();
    } catch (error) {
      if (!signal.aborted) refreshNotice.textContent = `Could not refresh: ${describeError(error)}`;
    } finally {
      refreshing = false;
    }
  };
  const button = h('button', { type: 'button', class: 'button', 'data-key': 'refresh' }, 'Refresh');
  button.addEventListener('click', () => void refresh());
  main.replaceChildren(screenHeading('Arrivals', updated, button), refreshNotice, content);
  draw();
  performance.mark('lockstep:arrivals-rendered');
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}
