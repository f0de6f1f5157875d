import type { PlaybookStrings } from "../strings/playbooks";

export const playbooks: PlaybookStrings = {
  defaults: {
    maintain:
      "Maintain: a dedicated account manager, one visit a month, a custom service plan (e.g. inventory advice), priority supply, value-added services (e.g. free market data analysis).",
    develop:
      "Develop: new-product news once a quarter, staged discounts (e.g. rebates above a spend), joint promotions (e.g. new-product trial sales), a technical team to follow up specific needs.",
    keep: "Keep: standard after-sales service (answer within 24 hours), a product catalogue every six months, collect basic needs, put on the routine care list (e.g. holiday greetings).",
    win_back:
      "Win back: a supervisor-led visit within one week, find the reason (price, service, competitors), a targeted offer (e.g. a price discount, a service upgrade); if it fails, record the lessons.",
  },
  schemes: {
    fixed5: {
      maintain:
        "Maintain (high value): exclusive VIP service (e.g. birthday gifts, priority shipping), recommend premium products.",
      develop:
        "Develop (potential): personal recommendations (e.g. complementary products from the purchase history), upgraded member benefits.",
      keep: "Keep (general): reach them with promotions (e.g. spend-and-save offers), build their buying habit.",
      win_back:
        "Win back (churn risk): find out why they left (e.g. a questionnaire), a targeted offer to win them back (e.g. 20% off).",
    },
    abc: {
      maintain:
        "Grade A: the most resources and personal service, premium products and fast delivery, a dedicated marketing plan and referral incentives.",
      develop:
        "Grade B: moderate resources and standard service, good-value products and scheduled delivery, a regular marketing plan and referral incentives.",
      keep: "Grade C: basic resources and standard service, regular products and standard delivery, a basic marketing plan and referral incentives.",
    },
  },
  strategyTypes: {
    maintain: "Key account care",
    develop: "Needs development",
    keep: "Basic retention",
    win_back: "Win-back",
  },
};
