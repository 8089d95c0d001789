import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../load/parse-config';
import type { TimeIntervalSpec } from '../time-interval.types';
import { timeIntervalsContain } from './time-intervals-contain';
import { goDaysInMonth } from './zoned-clock';

/** Parses `time_intervals: [<spec yaml>]` through the real loader. */
function specs(...specYaml: string[]): TimeIntervalSpec[] {
  const yaml =
    'route:\n  receiver: x\nreceivers:\n- name: x\ntime_intervals:\n- name: t\n  time_intervals:\n' +
    specYaml.map((s) => `  - ${s}\n`).join('');
  return parseConfig(yaml, '/').timeIntervals.get('t')!.timeIntervals;
}

const at = (iso: string) => new Date(iso);
const contains = (s: TimeIntervalSpec[], iso: string) => timeIntervalsContain(s, at(iso));

describe('timeIntervalsContain', () => {
  test('an empty spec matches any time; no specs match nothing', () => {
    assert.equal(contains(specs('{}'), '2024-06-01T12:00:00Z'), true);
    assert.equal(timeIntervalsContain([], at('2024-06-01T12:00:00Z')), false);
  });

  test('times are [start, end) in minutes; 24:00 closes the day', () => {
    const s = specs('{times: [{start_time: "17:00", end_time: "24:00"}]}');
    assert.equal(contains(s, '2024-06-01T16:59:59Z'), false);
    assert.equal(contains(s, '2024-06-01T17:00:00Z'), true);
    assert.equal(contains(s, '2024-06-01T23:59:59Z'), true);
    assert.equal(contains(s, '2024-06-02T00:00:00Z'), false);
  });

  test('several time ranges: any of them', () => {
    const s = specs('{times: [{start_time: "00:00", end_time: "01:00"}, {start_time: "12:30", end_time: "13:00"}]}');
    assert.equal(contains(s, '2024-06-01T00:30:00Z'), true);
    assert.equal(contains(s, '2024-06-01T12:45:00Z'), true);
    assert.equal(contains(s, '2024-06-01T13:00:00Z'), false);
  });

  test('weekdays: inclusive ranges and single names, case-insensitive', () => {
    const s = specs('{weekdays: ["Monday:friday"]}');
    assert.equal(contains(s, '2024-03-01T12:00:00Z'), true); // Friday
    assert.equal(contains(s, '2024-03-02T12:00:00Z'), false); // Saturday
    assert.equal(contains(s, '2024-03-04T00:00:00Z'), true); // Monday
    const sunday = specs('{weekdays: [sunday]}');
    assert.equal(contains(sunday, '2024-03-03T23:59:00Z'), true);
    assert.equal(contains(sunday, '2024-03-04T00:00:00Z'), false);
  });

  test('days of month: positive ranges', () => {
    const s = specs('{days_of_month: ["1:5"]}');
    assert.equal(contains(s, '2024-04-05T23:00:00Z'), true);
    assert.equal(contains(s, '2024-04-06T00:00:00Z'), false);
  });

  test('days of month: negative days count from the month end (leap years included)', () => {
    const last = specs('{days_of_month: ["-1"]}');
    assert.equal(contains(last, '2024-02-29T10:00:00Z'), true);
    assert.equal(contains(last, '2024-02-28T10:00:00Z'), false);
    assert.equal(contains(last, '2023-02-28T10:00:00Z'), true);
    assert.equal(contains(last, '2024-04-30T10:00:00Z'), true);
    assert.equal(contains(last, '2024-05-30T10:00:00Z'), false);
    const lastThree = specs('{days_of_month: ["-3:-1"]}');
    assert.equal(contains(lastThree, '2024-04-27T10:00:00Z'), false);
    assert.equal(contains(lastThree, '2024-04-28T10:00:00Z'), true);
  });

  test('days of month: ranges past the month end are clamped, a start past it matches nothing', () => {
    const tail = specs('{days_of_month: ["25:31"]}');
    assert.equal(contains(tail, '2023-02-28T10:00:00Z'), true);
    assert.equal(contains(tail, '2023-03-01T10:00:00Z'), false);
    const thirtieth = specs('{days_of_month: ["30:31"]}');
    assert.equal(contains(thirtieth, '2023-02-28T10:00:00Z'), false);
    assert.equal(contains(thirtieth, '2023-03-30T10:00:00Z'), true);
    const firstThree = specs('{days_of_month: ["-31:-29"]}');
    assert.equal(contains(firstThree, '2023-03-03T10:00:00Z'), true); // 31-day month: days 1..3
    assert.equal(contains(firstThree, '2023-03-04T10:00:00Z'), false);
    assert.equal(contains(firstThree, '2023-02-01T10:00:00Z'), false); // 28 days: -31 and -29 fall before day 1
  });

  test('months by name, number and range', () => {
    const s = specs('{months: ["may:august", "december", "1:2"]}');
    assert.equal(contains(s, '2024-05-01T00:00:00Z'), true);
    assert.equal(contains(s, '2024-08-31T23:59:00Z'), true);
    assert.equal(contains(s, '2024-09-01T00:00:00Z'), false);
    assert.equal(contains(s, '2024-12-15T00:00:00Z'), true);
    assert.equal(contains(s, '2024-02-15T00:00:00Z'), true);
    assert.equal(contains(s, '2024-03-15T00:00:00Z'), false);
  });

  test('years: ranges and single years', () => {
    const s = specs('{years: ["2020:2022", "2030"]}');
    assert.equal(contains(s, '2019-12-31T23:59:00Z'), false);
    assert.equal(contains(s, '2020-01-01T00:00:00Z'), true);
    assert.equal(contains(s, '2022-12-31T23:59:00Z'), true);
    assert.equal(contains(s, '2023-06-01T00:00:00Z'), false);
    assert.equal(contains(s, '2030-06-01T00:00:00Z'), true);
  });

  test('every present field must match', () => {
    const s = specs('{weekdays: [saturday], times: [{start_time: "10:00", end_time: "11:00"}], months: [march]}');
    assert.equal(contains(s, '2024-03-02T10:30:00Z'), true);
    assert.equal(contains(s, '2024-03-02T11:30:00Z'), false);
    assert.equal(contains(s, '2024-03-03T10:30:00Z'), false);
    assert.equal(contains(s, '2024-04-06T10:30:00Z'), false);
  });

  test('a named interval matches if any of its specs does', () => {
    const s = specs('{weekdays: [saturday]}', '{weekdays: [sunday]}');
    assert.equal(contains(s, '2024-03-02T10:00:00Z'), true);
    assert.equal(contains(s, '2024-03-03T10:00:00Z'), true);
    assert.equal(contains(s, '2024-03-04T10:00:00Z'), false);
  });

  test('location: fields are evaluated in the zone (default UTC)', () => {
    const berlin = specs('{times: [{start_time: "17:00", end_time: "18:00"}], location: Europe/Berlin}');
    assert.equal(contains(berlin, '2024-01-15T16:30:00Z'), true); // 17:30 CET
    assert.equal(contains(berlin, '2024-07-15T16:30:00Z'), false); // 18:30 CEST
    assert.equal(contains(berlin, '2024-07-15T15:30:00Z'), true); // 17:30 CEST
    const ny = specs('{weekdays: [friday], location: America/New_York}');
    assert.equal(contains(ny, '2024-03-02T03:00:00Z'), true); // still Friday 22:00 in New York
    const utc = specs('{weekdays: [friday]}');
    assert.equal(contains(utc, '2024-03-02T03:00:00Z'), false);
  });

  test('DST: the skipped hour never matches, the repeated hour matches twice', () => {
    const skipped = specs('{times: [{start_time: "02:00", end_time: "03:00"}], location: Europe/Berlin}');
    // 2024-03-31: 02:00 CET jumps to 03:00 CEST.
    assert.equal(contains(skipped, '2024-03-31T00:59:00Z'), false); // 01:59 CET
    assert.equal(contains(skipped, '2024-03-31T01:00:00Z'), false); // 03:00 CEST
    assert.equal(contains(skipped, '2024-03-30T01:30:00Z'), true); // 02:30 CET the day before
    // 2024-10-27: 03:00 CEST falls back to 02:00 CET; 02:30 happens twice.
    assert.equal(contains(skipped, '2024-10-27T00:30:00Z'), true);
    assert.equal(contains(skipped, '2024-10-27T01:30:00Z'), true);
  });

  test("DST: a month that loses an hour counts one day less, as Alertmanager's daysInMonth does", () => {
    // Alertmanager divides the hours between local month starts by 24 and truncates: March 2024 in
    // Berlin has 743 hours, so it counts 30 days and "-1" is the 30th there; in UTC it is the 31st.
    assert.equal(goDaysInMonth(2024, 3, 'Europe/Berlin'), 30);
    assert.equal(goDaysInMonth(2024, 10, 'Europe/Berlin'), 31);
    assert.equal(goDaysInMonth(2024, 3, 'UTC'), 31);
    assert.equal(goDaysInMonth(2024, 2, 'UTC'), 29);
    const berlinLast = specs('{days_of_month: ["-1"], location: Europe/Berlin}');
    assert.equal(contains(berlinLast, '2024-03-30T12:00:00Z'), true);
    assert.equal(contains(berlinLast, '2024-03-31T12:00:00Z'), false);
    const utcLast = specs('{days_of_month: ["-1"]}');
    assert.equal(contains(utcLast, '2024-03-31T12:00:00Z'), true);
  });

  test('Local and UTC are accepted locations', () => {
    const local = specs('{location: Local}');
    assert.equal(contains(local, '2024-03-31T12:00:00Z'), true);
    const utc = specs('{location: UTC, years: ["2024"]}');
    assert.equal(contains(utc, '2024-01-01T00:00:00Z'), true);
    assert.equal(contains(utc, '2023-12-31T23:59:59Z'), false);
  });

  test('an empty list never matches (the field is present)', () => {
    const s = specs('{weekdays: []}');
    assert.equal(contains(s, '2024-03-02T10:00:00Z'), false);
  });
});
