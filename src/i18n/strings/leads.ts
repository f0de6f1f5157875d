/** Seed 004's lead-intake fields and the channel sheet (conversion and CAC per channel). */
export interface LeadsStrings {
  /** Field names as the missing-fields list shows them. */
  fields: {
    created: string;
    source: string;
    urgency: string;
    budget: string;
    expectedStart: string;
    competitor: string;
    regAddress: string;
    consent: string;
  };
  title: (p: { asOf: string; start: string }) => string;
  help: string;
  headers: {
    channel: string;
    customers: string;
    converted: string;
    conversion: string;
    newCustomers: string;
    revenue: string;
    spend: string;
    cac: string;
  };
  blankChannel: string;
}
