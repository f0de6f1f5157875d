import { contactWatch, DEFAULT_CONTACT_DAYS, type ContactInput } from "../../src/core/cadence";

const AS_OF = 45000;
const customer = (patch: Partial<ContactInput>): ContactInput => ({
  family: "maintain",
  lastPurchase: null,
  lastFollowup: null,
  ...patch,
});

describe("contactWatch: every scored customer has a contact cadence per tier", () => {
  it("defaults to seed 000's rhythm: high value monthly, potential quarterly, general half-yearly, win back within a week", () => {
    expect(DEFAULT_CONTACT_DAYS).toEqual({ maintain: 30, develop: 90, keep: 180, win_back: 7 });
  });

  it("lists a customer whose last contact is older than the tier allows, with days late and due date", () => {
    const items = contactWatch(
      [
        customer({ lastPurchase: AS_OF - 45 }),
        customer({ lastPurchase: AS_OF - 30 }), // exactly on the limit: not late
        customer({ family: "develop", lastPurchase: AS_OF - 45 }),
        customer({ family: "keep", lastPurchase: AS_OF - 200 }),
      ],
      AS_OF
    );
    expect(items).toEqual([
      { customer: 3, kind: "contact", daysLate: 20, row: -1, due: AS_OF - 20, person: "" },
      { customer: 0, kind: "contact", daysLate: 15, row: -1, due: AS_OF - 15, person: "" },
    ]);
  });

  it("counts the later of the latest follow-up and the latest purchase as the last contact", () => {
    const followed = customer({
      lastPurchase: AS_OF - 100,
      lastFollowup: { day: AS_OF - 10, row: 7, person: "张伟" },
    });
    expect(contactWatch([followed], AS_OF)).toEqual([]);
    const bought = customer({
      lastPurchase: AS_OF - 40,
      lastFollowup: { day: AS_OF - 100, row: 7, person: "张伟" },
    });
    expect(contactWatch([bought], AS_OF)).toEqual([
      { customer: 0, kind: "contact", daysLate: 10, row: 7, due: AS_OF - 10, person: "张伟" },
    ]);
  });

  it("uses the days from settings and skips customers without a tier", () => {
    const items = contactWatch(
      [
        customer({ lastPurchase: AS_OF - 10 }),
        customer({ family: null, lastPurchase: AS_OF - 999 }),
      ],
      AS_OF,
      { ...DEFAULT_CONTACT_DAYS, maintain: 7 }
    );
    expect(items.map((i) => [i.customer, i.daysLate])).toEqual([[0, 3]]);
  });

  it("ignores contacts after the as-of date", () => {
    const later = customer({
      lastPurchase: AS_OF - 60,
      lastFollowup: { day: AS_OF + 5, row: 2, person: "" },
    });
    expect(contactWatch([later], AS_OF).map((i) => i.daysLate)).toEqual([30]);
  });
});
