/** A one-line progress bar for long runs; only drawn on a terminal. */
export function progressBar(stream: NodeJS.WriteStream): {
  update: (fraction: number) => void;
  done: () => void;
} {
  let last = -1;
  return {
    update: (fraction) => {
      const percent = Math.floor(fraction * 100);
      if (percent === last) return;
      last = percent;
      const width = 30;
      const filled = Math.round((percent / 100) * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}% of the scenario's span`,
      );
    },
    done: () => stream.write('\n'),
  };
}
