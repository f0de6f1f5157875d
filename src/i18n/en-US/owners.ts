import type { OwnerStrings } from "../strings/owners";

export const owners: OwnerStrings = {
  headers: {
    owner: "Sales owner",
    customers: "Customers",
    buyers: "Bought in the window",
    revenue: "Revenue in the window",
    target: "Revenue target",
    achieved: "% of target",
    newCustomers: "New customers",
    repurchaseRate: "Repurchase rate",
  },
  title: (p) => `Results per sales owner · as of ${p.asOf} · window ${p.start} to ${p.asOf}`,
  help: "Type the revenue target (e.g. 500000 or 50万); it is kept when you score again. % of target = revenue in the window ÷ target. Repurchase rate = customers with two or more orders in the window ÷ customers who bought; new customers = first purchase inside the window. The columns on the right are the tier mix.",
  unassigned: "(unassigned)",
};
