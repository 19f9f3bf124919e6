// A month-by-month chart drawn on the server as inline SVG: lines (a 1–5 scale) or bars
// (from zero). No chart library and no script: it is plain markup, and the figures it draws
// are in a table beside it (the SVG is one image to assistive technologies, its title and
// description naming that table). A month without a value leaves a gap in a line.
import { useT } from "~/i18n/react";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** "primary": a solid line (or the bars); "secondary": a dashed line with square marks. */
  variant: "primary" | "secondary";
}

export interface ChartScale {
  min: number;
  max: number;
  ticks: number[];
}

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 16, right: 16, bottom: 40, left: 44 };
const PLOT_W = WIDTH - PAD.left - PAD.right;
const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** 1 to 5 stars, a line per whole star. */
export const STAR_SCALE: ChartScale = { min: 1, max: 5, ticks: [1, 2, 3, 4, 5] };

/** A scale from zero to a round number at or above every value (1, 2 or 5 × 10ⁿ steps). */
export function countScale(values: (number | null)[]): ChartScale {
  const top = Math.max(1, ...values.map((v) => v ?? 0));
  const rough = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const max = Math.ceil(top / step) * step;
  return { min: 0, max, ticks: Array.from({ length: max / step + 1 }, (_, i) => i * step) };
}

interface Geometry {
  x: (index: number) => number;
  y: (value: number) => number;
  slot: number;
}

function geometry(count: number, scale: ChartScale): Geometry {
  const slot = PLOT_W / Math.max(1, count);
  return {
    slot,
    x: (i) => PAD.left + (i + 0.5) * slot,
    y: (v) => PAD.top + ((scale.max - v) / (scale.max - scale.min)) * PLOT_H,
  };
}

/** The path of a line, a new segment after each month without a value. */
export function linePath(values: (number | null)[], g: Pick<Geometry, "x" | "y">): string {
  let pen = "M";
  const parts: string[] = [];
  values.forEach((v, i) => {
    if (v == null) {
      pen = "M";
      return;
    }
    parts.push(`${pen}${g.x(i).toFixed(1)} ${g.y(v).toFixed(1)}`);
    pen = "L";
  });
  return parts.join(" ");
}

export function MonthlyChart({
  id,
  title,
  description,
  labels,
  series,
  kind,
  scale,
}: {
  id: string;
  title: string;
  description: string;
  /** One short label per month, oldest first. */
  labels: string[];
  series: ChartSeries[];
  kind: "line" | "bar";
  scale: ChartScale;
}) {
  const g = geometry(labels.length, scale);
  return (
    <figure className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-chart={id}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <Axes labels={labels} scale={scale} g={g} />
        {kind === "bar"
          ? series.map((s) => <Bars key={s.label} series={s} scale={scale} g={g} />)
          : series.map((s) => <Line key={s.label} series={s} g={g} />)}
      </svg>
      <figcaption>
        <ul className="chart__legend">
          {series.map((s) => (
            <li key={s.label}>
              <span className={`chart__swatch chart__swatch--${kind}-${s.variant}`} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

function Axes({ labels, scale, g }: { labels: string[]; scale: ChartScale; g: Geometry }) {
  const { n } = useT();
  // At most about twelve month labels fit under the chart: every second one for 24 months.
  const every = Math.ceil(labels.length / 12);
  return (
    <g aria-hidden="true">
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={g.y(tick)} y2={g.y(tick)} />
          <text className="chart__label" x={PAD.left - 8} y={g.y(tick) + 4} textAnchor="end">
            {n(tick)}
          </text>
        </g>
      ))}
      {labels.map((label, i) =>
        i % every === (labels.length - 1) % every ? (
          <text key={i} className="chart__label" x={g.x(i)} y={HEIGHT - PAD.bottom + 20} textAnchor="middle">
            {label}
          </text>
        ) : null,
      )}
    </g>
  );
}

function Line({ series, g }: { series: ChartSeries; g: Geometry }) {
  const mark = series.variant === "primary" ? 4 : 3.5;
  return (
    <g className={`chart__series chart__series--${series.variant}`}>
      <path className="chart__line" d={linePath(series.values, g)} />
      {series.values.map((v, i) =>
        v == null ? null : series.variant === "primary" ? (
          <circle key={i} className="chart__mark" cx={g.x(i)} cy={g.y(v)} r={mark} />
        ) : (
          <rect key={i} className="chart__mark" x={g.x(i) - mark} y={g.y(v) - mark} width={mark * 2} height={mark * 2} />
        ),
      )}
    </g>
  );
}

function Bars({ series, scale, g }: { series: ChartSeries; scale: ChartScale; g: Geometry }) {
  const width = Math.min(32, g.slot * 0.6);
  return (
    <g className={`chart__series chart__series--${series.variant}`}>
      {series.values.map((v, i) =>
        v == null || v <= scale.min ? null : (
          <rect key={i} className="chart__bar" x={g.x(i) - width / 2} y={g.y(v)} width={width} height={g.y(scale.min) - g.y(v)} />
        ),
      )}
    </g>
  );
}
