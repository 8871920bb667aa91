// The bureau's calendar. Dates are read from the local fields of the clock (the office PCs run on
// Beijing time), never from toISOString(), which is UTC: between 00:00 and 08:00 it still says yesterday,
// so a deadline would look a day further away and a file would carry yesterday's date.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local date as YYYY-MM-DD: today by default, or the day of a given moment. */
export const localDate = (at = new Date()): string => `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;

/** The local date and time as YYYY-MM-DD HH:mm:ss, as the screen shows a stored UTC timestamp. */
export const localDateTime = (at = new Date()): string => `${localDate(at)} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
