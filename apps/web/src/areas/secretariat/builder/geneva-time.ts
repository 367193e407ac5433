import { GENEVA_TIME_ZONE } from '../../../shared/format';

/**
 * The builder's dates are typed as Geneva wall-clock time (the secretariat sets deadlines there),
 * in the `YYYY-MM-DDTHH:mm` form of a datetime-local field, whatever the browser's own zone.
 */

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2027-03-12T18:00" for an instant, as a clock in Geneva shows it. */
export function toGenevaWallTime(iso: string): string {
  const parts = wallClock(new Date(iso).getTime());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parts.year}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}`;
}

/** The instant at which Geneva's clocks show `wallTime`; null when it is not a complete date and time. */
export function fromGenevaWallTime(wallTime: string): string | null {
  const match = WALL_TIME.exec(wallTime);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(asIfUtc)) return null;
  // Geneva's offset at a first guess, then at the instant found (they differ around a DST change).
  let instant = asIfUtc - offsetAt(asIfUtc);
  instant = asIfUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** How far Geneva's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number): number {
  const p = wallClock(instant);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(instant / 60_000) * 60_000;
}

function wallClock(instant: number) {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone: GENEVA_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(formatter.formatToParts(instant).find((part) => part.type === type)?.value);
  return {
    year: value('year'),
    month: value('month'),
    day: value('day'),
    hour: value('hour'),
    minute: value('minute'),
  };
}
