/** Words of the results-per-salesperson sheet (plan/owners.ts). */
export interface OwnerStrings {
  headers: {
    owner: string;
    customers: string;
    buyers: string;
    revenue: string;
    target: string;
    achieved: string;
    newCustomers: string;
    repurchaseRate: string;
  };
  title: (p: { asOf: string | number; start: string | number }) => string;
  help: string;
  unassigned: string;
}
