// Strict ISO 8601 calendar dates (YYYY-MM-DD): a real day of a real month, nothing before or after it.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for "2027-03-31", false for "2020-13-01", "0000-00-00", "2023-02-29" or "2020-01-01 or never". */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Year 0000 is not a year anyone signs a waiver in; ISO 8601 allows it only by mutual agreement.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one: Date.UTC rolls it over for us.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= lastDay;
}

/** The last millisecond of a calendar date (UTC), when a waiver stops applying. */
export function endOfDayUtc(date: string): Date {
  return new Date(`${date}T23:59:59.999Z`);
}
