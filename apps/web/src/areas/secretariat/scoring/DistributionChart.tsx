import { useDirection } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatScore } from '../../../shared/format';
import type { EvaluatorMarking } from '../types';

/**
 * Drawing units of the chart (its viewBox), left to right: names on the left, totals 0–100 on the
 * right. In Arabic the chart is drawn mirrored: names on the right, totals growing leftwards.
 */
const WIDTH = 800;
const PLOT_LEFT = 230;
const PLOT_RIGHT = 780;
const ROW = 34;
const TOP = 12;
const AXIS = 36;
const TICKS = [0, 25, 50, 75, 100];
const LONGEST_NAME = 28;

const fromLeft = (total: number) => PLOT_LEFT + ((PLOT_RIGHT - PLOT_LEFT) * Math.min(100, Math.max(0, total))) / 100;

/**
 * Each evaluator's totals as a line from the lowest to the highest with a dot at the mean, against
 * a dashed line at the call's mean: a harsh or lenient marker stands out at a glance. The figures
 * are in the table beside it; the chart says what it shows in its title.
 */
export function DistributionChart({ items, callMean }: { items: EvaluatorMarking[]; callMean: number }) {
  const { t, i18n } = useTranslation('secretariat');
  const titleId = useId();
  const { dir } = useDirection();
  // A horizontal position in the reading direction's drawing (mirrored for right to left).
  const at = (fromTheLeft: number) => (dir === 'rtl' ? WIDTH - fromTheLeft : fromTheLeft);
  const x = (total: number) => at(fromLeft(total));
  const height = TOP + items.length * ROW + AXIS;
  const bottom = TOP + items.length * ROW;
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      <title id={titleId}>{t('scoring.distribution.chart', { mean: formatScore(callMean, i18n.language) })}</title>
      {TICKS.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={TOP} y2={bottom} style={{ stroke: 'var(--mantine-color-gray-3)' }} />
          <text
            x={x(tick)}
            y={bottom + 22}
            textAnchor="middle"
            fontSize={14}
            style={{ fill: 'var(--mantine-color-gray-8)' }}
          >
            {formatNumber(tick, i18n.language)}
          </text>
        </g>
      ))}
      {items.map((item, index) => {
        const y = TOP + index * ROW + ROW / 2;
        const name =
          item.displayName.length > LONGEST_NAME ? `${item.displayName.slice(0, LONGEST_NAME - 1)}…` : item.displayName;
        return (
          <g key={item.evaluatorId}>
            <text
              x={at(PLOT_LEFT - 12)}
              y={y + 5}
              textAnchor="end"
              fontSize={14}
              style={{ fill: 'var(--mantine-color-gray-9)' }}
            >
              {name}
            </text>
            <line
              x1={x(item.min)}
              x2={at(Math.max(fromLeft(item.max), fromLeft(item.min) + 2))}
              y1={y}
              y2={y}
              strokeWidth={8}
              strokeLinecap="round"
              style={{ stroke: 'var(--mantine-color-blue-3)' }}
            />
            <circle cx={x(item.mean)} cy={y} r={7} style={{ fill: 'var(--mantine-color-blue-9)' }} />
          </g>
        );
      })}
      <line
        x1={x(callMean)}
        x2={x(callMean)}
        y1={TOP - 6}
        y2={bottom}
        strokeWidth={2}
        strokeDasharray="6 4"
        style={{ stroke: 'var(--mantine-color-orange-9)' }}
      />
    </svg>
  );
}
