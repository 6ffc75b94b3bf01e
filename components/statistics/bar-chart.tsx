"use client";

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string };

// Colours that keep 3:1 contrast against white and apart from each other.
const COLOURS = ["#0f766e", "#b45309", "#6d28d9", "#be123c"];

/**
 * A bar chart drawn by Recharts. It is a picture for the eye: the figures
 * are in the table that goes with it, which screen readers read instead.
 */
export function StatisticsBarChart({
  label,
  rows,
  series,
  max,
}: {
  label: string;
  /** A value of null draws no bar: there is nothing to count. */
  rows: ({ name: string } & Record<string, number | string | null>)[];
  series: ChartSeries[];
  /** The end of the scale (100 for percentages); the largest value when not given. */
  max?: number;
}) {
  // Bars run across, so that long names of sectors and regions stay readable on a phone.
  const height = Math.max(160, rows.length * (series.length * 14 + 18) + 70);
  return (
    <div role="img" aria-label={label} className="w-full" style={{ height }}>
      <BarChart
        responsive
        layout="vertical"
        data={rows}
        accessibilityLayer={false}
        margin={{ left: 8, right: 16 }}
        style={{ width: "100%", height: "100%" }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} domain={[0, max ?? "auto"]} />
        <YAxis type="category" dataKey="name" width={130} interval={0} tick={{ fontSize: 12 }} />
        <Legend itemSorter={null} />
        {series.map((item, index) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            name={item.label}
            fill={COLOURS[index % COLOURS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
