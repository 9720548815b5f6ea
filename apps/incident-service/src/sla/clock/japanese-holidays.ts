/**
 * Japanese public holidays per the Act on National Holidays (国民の祝日に関する法律), computed rather than
 * tabulated so the business calendar works for any year without a yearly data update.
 * Covers 2000–2099: the equinox formula below is only valid up to 2099, and the rules before 2000
 * (fixed-date 成人の日 and 体育の日) are not needed by a help desk.
 */

export interface JapaneseHoliday {
  /** Local date in Japan, `YYYY-MM-DD`. */
  readonly date: string;
  readonly nameJa: string;
  readonly nameEn: string;
}

export const JAPANESE_HOLIDAYS_FIRST_YEAR = 2000;
export const JAPANESE_HOLIDAYS_LAST_YEAR = 2099;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const SUBSTITUTE = { nameJa: '振替休日', nameEn: 'Substitute Holiday' } as const;
const CITIZENS = { nameJa: '国民の休日', nameEn: "Citizens' Holiday" } as const;

// Computed once per year: the calendar asks for every day it lays out.
const listCache = new Map<number, readonly JapaneseHoliday[]>();
const setCache = new Map<number, ReadonlySet<string>>();

/** All public holidays of `year` (national holidays, substitute holidays and citizens' holidays), sorted by date. */
export function japaneseHolidays(year: number): readonly JapaneseHoliday[] {
  let list = listCache.get(year);
  if (!list) {
    list = computeYear(year);
    listCache.set(year, list);
  }
  return list;
}

/** Whether `date` (`YYYY-MM-DD`, a date in Japan) is a public holiday; weekends are not holidays as such. */
export function isJapanesePublicHoliday(date: string): boolean {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: "${date}"`);
  const year = Number(match[1]);
  let set = setCache.get(year);
  if (!set) {
    set = new Set(japaneseHolidays(year).map((h) => h.date));
    setCache.set(year, set);
  }
  return set.has(date);
}

function computeYear(year: number): readonly JapaneseHoliday[] {
  if (!Number.isInteger(year) || year < JAPANESE_HOLIDAYS_FIRST_YEAR || year > JAPANESE_HOLIDAYS_LAST_YEAR) {
    throw new RangeError(
      `Japanese holidays are computed for ${JAPANESE_HOLIDAYS_FIRST_YEAR}–${JAPANESE_HOLIDAYS_LAST_YEAR} only, not ${year}`,
    );
  }
  // Days are handled as UTC day numbers (days since 1970-01-01): weekday and ±1 day arithmetic stay trivial.
  const national = new Map<number, { nameJa: string; nameEn: string }>();
  const add = (month: number, day: number, nameJa: string, nameEn: string) =>
    national.set(dayNumber(year, month, day), { nameJa, nameEn });

  add(1, 1, '元日', "New Year's Day");
  add(1, nthMonday(year, 1, 2), '成人の日', 'Coming of Age Day');
  add(2, 11, '建国記念の日', 'National Foundation Day');
  // Emperor's Birthday followed the throne: Akihito 12/23 until 2018, none in 2019, Naruhito 2/23 from 2020.
  if (year >= 2020) add(2, 23, '天皇誕生日', "Emperor's Birthday");
  add(3, vernalEquinoxDay(year), '春分の日', 'Vernal Equinox Day');
  // 2007 reform: 4/29 became 昭和の日 and みどりの日 moved to 5/4 (until then a citizens' holiday).
  if (year >= 2007) {
    add(4, 29, '昭和の日', 'Showa Day');
    add(5, 4, 'みどりの日', 'Greenery Day');
  } else {
    add(4, 29, 'みどりの日', 'Greenery Day');
  }
  add(5, 3, '憲法記念日', 'Constitution Memorial Day');
  add(5, 5, 'こどもの日', "Children's Day");
  // Olympic special measures moved three holidays in 2020 and 2021.
  const marineDay = year === 2020 ? 23 : year === 2021 ? 22 : year <= 2002 ? 20 : nthMonday(year, 7, 3);
  add(7, marineDay, '海の日', 'Marine Day');
  if (year >= 2016) add(8, year === 2020 ? 10 : year === 2021 ? 8 : 11, '山の日', 'Mountain Day');
  add(9, year <= 2002 ? 15 : nthMonday(year, 9, 3), '敬老の日', 'Respect for the Aged Day');
  add(9, autumnalEquinoxDay(year), '秋分の日', 'Autumnal Equinox Day');
  if (year <= 2019) add(10, nthMonday(year, 10, 2), '体育の日', 'Health and Sports Day');
  else if (year === 2020) add(7, 24, 'スポーツの日', 'Sports Day');
  else if (year === 2021) add(7, 23, 'スポーツの日', 'Sports Day');
  else add(10, nthMonday(year, 10, 2), 'スポーツの日', 'Sports Day');
  add(11, 3, '文化の日', 'Culture Day');
  add(11, 23, '勤労感謝の日', 'Labour Thanksgiving Day');
  if (year <= 2018) add(12, 23, '天皇誕生日', "Emperor's Birthday");
  if (year === 2019) {
    // Enthronement of Naruhito, holidays by a special act that treats them as national holidays;
    // 4/30 and 5/2 then follow from the citizens' holiday rule below.
    add(5, 1, '天皇の即位の日', 'Enthronement Day');
    add(10, 22, '即位礼正殿の儀の行われる日', 'Enthronement Ceremony Day');
  }

  const days = new Map(national);
  // 振替休日 (art. 3-2). Since 2007: the nearest following day that is not a national holiday;
  // before: the next day only, and only if it is not itself a national holiday.
  for (const day of [...national.keys()].sort((a, b) => a - b)) {
    if (weekday(day) !== 0) continue;
    let next = day + 1;
    if (year >= 2007) while (national.has(next)) next++;
    else if (national.has(next)) continue;
    if (!days.has(next)) days.set(next, SUBSTITUTE);
  }
  // 国民の休日 (art. 3-3): a day between two national holidays (substitute days do not count as either side).
  // Before 2007 a Sunday or a substitute day did not qualify.
  for (const day of national.keys()) {
    const between = day + 1;
    if (!national.has(between + 1) || days.has(between)) continue;
    if (year < 2007 && weekday(between) === 0) continue;
    days.set(between, CITIZENS);
  }

  return Object.freeze(
    [...days.entries()]
      .sort(([a], [b]) => a - b)
      .map(([day, name]) => Object.freeze({ date: isoDate(day), nameJa: name.nameJa, nameEn: name.nameEn })),
  );
}

/**
 * Day of March of the vernal equinox by the standard approximation (海上保安庁/国立天文台 formula),
 * valid 1980–2099. The official date is only gazetted a year ahead; the formula has matched it so far.
 */
export function vernalEquinoxDay(year: number): number {
  return Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

/** Day of September of the autumnal equinox, same approximation and validity as {@link vernalEquinoxDay}. */
export function autumnalEquinoxDay(year: number): number {
  return Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** 0 = Sunday; day 0 (1970-01-01) was a Thursday. */
function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Day of the month of the `n`th Monday (Happy Monday system). */
function nthMonday(year: number, month: number, n: number): number {
  const first = weekday(dayNumber(year, month, 1));
  return 1 + ((8 - first) % 7) + (n - 1) * 7;
}

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
