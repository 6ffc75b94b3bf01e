/** A figure measured several times: its median, with the spread. */
export type Measured = { median: number; min: number; max: number };

export function measured(values: number[]): Measured {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** One line of the results table. */
export type BenchRow = {
  benchmark: string;
  figure: string;
  kattoo: Measured;
  baseline?: Measured;
  /** kattoo / baseline, or baseline / kattoo for figures where lower is better. */
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
};

export async function repeat<T>(times: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < times; i++) results.push(await run(i));
  return results;
}
