/**
 * Property tests of periods: labels, quarter-end dates and Excel serials convert back and forth
 * without loss, for any fiscal year 1900-2198, quarter and start month. Runs under three time
 * zones (scripts/test-timezones.js).
 */
import fc from "fast-check";
import {
  dateOfJsDate,
  dateToQuarter,
  dateToSerial,
  formatDateISO,
  formatDateUK,
  formatQuarter,
  parsePeriod,
  quarterEnd,
  quarterStart,
  serialToDate,
  type Quarter,
  type QuarterNumber,
} from "./index";

const quarterArb: fc.Arbitrary<Quarter> = fc.record({
  fy: fc.integer({ min: 1900, max: 2198 }),
  q: fc.constantFrom<QuarterNumber>(1, 2, 3, 4),
});
const startMonthArb = fc.integer({ min: 1, max: 12 });

test("label → quarter → label is the identity", () => {
  fc.assert(
    fc.property(quarterArb, startMonthArb, (p, sm) => {
      const label = formatQuarter(p, sm);
      const back = parsePeriod(label, { startMonth: sm });
      expect(back).toEqual({ ok: true, value: p });
      if (back.ok) expect(formatQuarter(back.value, sm)).toBe(label);
    }),
  );
});

test("quarter → quarter-end date → quarter is the identity (as a date, day-first text, ISO text and serial)", () => {
  fc.assert(
    fc.property(quarterArb, startMonthArb, (p, sm) => {
      const end = quarterEnd(p, sm);
      expect(dateToQuarter(end, sm)).toEqual(p);
      expect(dateToQuarter(quarterStart(p, sm), sm)).toEqual(p);
      const options = { startMonth: sm, requireQuarterEnd: true };
      expect(parsePeriod(formatDateUK(end), options)).toEqual({ ok: true, value: p });
      expect(parsePeriod(formatDateISO(end), options)).toEqual({ ok: true, value: p });
      expect(parsePeriod(dateToSerial(end), options)).toEqual({ ok: true, value: p });
    }),
  );
});

test("a Date of the quarter end, built in local time or in UTC, reads as that quarter", () => {
  fc.assert(
    fc.property(quarterArb, startMonthArb, (p, sm) => {
      const end = quarterEnd(p, sm);
      const local = new Date(end.year, end.month - 1, end.day);
      const utc = new Date(Date.UTC(end.year, end.month - 1, end.day));
      const options = { startMonth: sm, requireQuarterEnd: true };
      expect(parsePeriod(local, options)).toEqual({ ok: true, value: p });
      expect(parsePeriod(utc, options)).toEqual({ ok: true, value: p });
    }),
  );
});

test("any local-midnight or UTC-midnight Date reads as the calendar date it was built from", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1900, max: 2199 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
      (year, month, day) => {
        expect(dateOfJsDate(new Date(year, month - 1, day))).toEqual({ year, month, day });
        expect(dateOfJsDate(new Date(Date.UTC(year, month - 1, day)))).toEqual({ year, month, day });
      },
    ),
  );
});

test("serial → date → serial is the identity (1900 date system, serial 60 excepted)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60),
      (serial) => {
        const d = serialToDate(serial);
        expect(d.ok).toBe(true);
        if (d.ok) expect(dateToSerial(d.value)).toBe(serial);
      },
    ),
  );
});

test("consecutive serials are consecutive calendar days", () => {
  fc.assert(
    fc.property(fc.integer({ min: 61, max: 2958464 }), (serial) => {
      const a = serialToDate(serial);
      const b = serialToDate(serial + 1);
      if (!a.ok || !b.ok) throw new Error("serial refused");
      const next = new Date(Date.UTC(a.value.year, a.value.month - 1, a.value.day + 1));
      expect(b.value).toEqual({
        year: next.getUTCFullYear(),
        month: next.getUTCMonth() + 1,
        day: next.getUTCDate(),
      });
    }),
  );
});

test("parsePeriod never throws and always answers a Result", () => {
  fc.assert(
    fc.property(
      fc.anything({ withBoxedValues: true, withMap: true, withSet: true }),
      startMonthArb,
      (x, sm) => {
        const r = parsePeriod(x, { startMonth: sm });
        expect(typeof r.ok).toBe("boolean");
        if (!r.ok) expect(r.error.message).not.toMatch(/NaN|undefined/);
      },
    ),
  );
  fc.assert(
    fc.property(fc.string(), (s) => {
      const r = parsePeriod(s);
      expect(typeof r.ok).toBe("boolean");
    }),
  );
});

test("parsePeriod survives values whose text conversion throws", () => {
  const noPrototype = Object.create(null) as object;
  const badToString = { toString: 1, valueOf: 2 };
  for (const x of [noPrototype, badToString, Symbol("q"), BigInt(42185)]) {
    const r = parsePeriod(x);
    expect(r.ok).toBe(false);
  }
});
