import { describe, expect, it } from 'vitest';
import { lazyPort } from '#adapters/common/lazy-port.ts';

// Cold starts (issue 17): an adapter behind lazyPort is built by the first call that needs it.

interface Greeter {
  readonly name: string;
  greet(who: string): Promise<string>;
}

const greeter = (): Greeter => ({ name: 'real', greet: async (who) => `hello ${who}` });

describe('lazyPort', () => {
  it('builds nothing until a method is called, then builds once', async () => {
    let builds = 0;
    const port = lazyPort<Greeter>(async () => {
      builds++;
      return greeter();
    });
    expect(builds).toBe(0);
    expect(await Promise.all([port.greet('a'), port.greet('b')])).toEqual(['hello a', 'hello b']);
    expect(await port.greet('c')).toBe('hello c');
    expect(builds).toBe(1);
  });

  it('answers known plain members without building', () => {
    let builds = 0;
    const port = lazyPort<Greeter>(
      async () => {
        builds++;
        return greeter();
      },
      { name: 'seam' },
    );
    expect(port.name).toBe('seam');
    expect(builds).toBe(0);
  });

  it('is not mistaken for a promise when awaited', async () => {
    const port = lazyPort<Greeter>(async () => greeter());
    expect(await port).toBe(port);
  });

  it('passes a failed build to the caller and builds again on the next call', async () => {
    let builds = 0;
    const port = lazyPort<Greeter>(async () => {
      builds++;
      if (builds === 1) throw new Error('secret lockstep/seam has no usable "apiKey"');
      return greeter();
    });
    await expect(port.greet('a')).rejects.toThrow('no usable "apiKey"');
    expect(await port.greet('b')).toBe('hello b');
    expect(builds).toBe(2);
  });
});
