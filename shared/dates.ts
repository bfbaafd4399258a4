/**
 * Calendar dates as the practice lives them: "today" is the local date of the core's clock, written
 * YYYY-MM-DD. The renderer never asks its own Date; it is told these by the core.
 */
export function localIsoDate(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
