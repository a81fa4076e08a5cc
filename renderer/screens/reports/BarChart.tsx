// A small horizontal bar chart in SVG (no chart library: a few bars with labels and amounts are
// all a report needs, and it prints crisply). Values are fen; negative values draw from zero left.
import { formatMoney } from '@src/common/money';

export interface Bar {
  label: string;
  value: number;
  /** Optional second figure shown after the amount (e.g. a count). */
  note?: string;
}

const ROW = 26;
const LABEL_W = 120;
const VALUE_W = 150;

export function BarChart({ bars, width = 560, title, testId }: { bars: readonly Bar[]; width?: number; title: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => Math.abs(b.value)));
  const plot = width - LABEL_W - VALUE_W;
  const height = Math.max(ROW, bars.length * ROW);
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg width={width} height={height} role="img" aria-label={title}>
        {bars.map((b, i) => {
          const w = Math.round((Math.abs(b.value) / max) * plot);
          const y = i * ROW;
          return (
            <g key={b.label + i}>
              <text x={LABEL_W - 8} y={y + ROW * 0.65} textAnchor="end" fontSize="14">
                {b.label}
              </text>
              <rect x={LABEL_W} y={y + 4} width={Math.max(w, 1)} height={ROW - 8} fill={b.value < 0 ? '#c0392b' : '#2e86de'} rx="2" />
              <text x={LABEL_W + Math.max(w, 1) + 6} y={y + ROW * 0.65} fontSize="13">
                {formatMoney(b.value)}
                {b.note ? ` · ${b.note}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Share of a whole as a ring, for fund / account / cash. */
export function ShareRing({ parts, title }: { parts: readonly { label: string; value: number; color: string }[]; title: string }) {
  const total = parts.reduce((s, p) => s + Math.max(0, p.value), 0);
  const r = 48;
  const c = 2 * Math.PI * r;
  let offset = 0;
  return (
    <figure className="share-ring">
      <figcaption>{title}</figcaption>
      <svg width="300" height="120" role="img" aria-label={title}>
        <g transform="translate(60,60) rotate(-90)">
          <circle r={r} fill="none" stroke="#eee" strokeWidth="18" />
          {total > 0 &&
            parts.map((p) => {
              const len = (Math.max(0, p.value) / total) * c;
              const el = <circle key={p.label} r={r} fill="none" stroke={p.color} strokeWidth="18" strokeDasharray={`${len} ${c - len}`} strokeDashoffset={-offset} />;
              offset += len;
              return el;
            })}
        </g>
        {parts.map((p, i) => (
          <g key={p.label} transform={`translate(130,${24 + i * 30})`}>
            <rect width="12" height="12" y="-10" fill={p.color} />
            <text x="18" fontSize="13">
              {p.label} {formatMoney(p.value)}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
