/**
 * The rationale's possessive, as a performance officer would write it: "England's 60.0%", but
 * "Statistical neighbours' 58.0%" (a plural in s takes the apostrophe alone).
 */
import { closeGap, possessive, type MethodContext } from "./targetMethods";

const RATE: MethodContext = { measureType: "Rate", polarity: "Higher", year: 2015 };

test("a plural comparator's possessive is neighbours', not neighbours's", () => {
  const r = closeGap(0.554, 0.5, { name: "Statistical neighbours", value: 0.58 }, RATE);
  expect(r.ok && r.value.rationale).toBe(
    "Closes half the gap to Statistical neighbours' 58.0% in one year, from 55.4%",
  );
});

test("a singular name keeps 's, even one ending in s", () => {
  expect(possessive("England")).toBe("England's");
  expect(possessive("Leeds")).toBe("Leeds's");
  expect(possessive("Statistical neighbours average")).toBe("Statistical neighbours average's");
  expect(possessive("Similar authorities")).toBe("Similar authorities'");
});
