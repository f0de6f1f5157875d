import type { WinBackStrings } from "../strings/winBack";

export const winBack: WinBackStrings = {
  headers: {
    churnReason: "流失原因",
    opened: "开启日期",
  },
  reasons: {
    price: "价格",
    service: "服务",
    competitor: "竞品",
    delivery: "物流/交付",
    business_change: "客户经营变化",
    other: "其他",
  },
  warningContent:
    "流失预警挽回：1周内电话或上门回访，了解流失原因（价格、服务、竞品、物流）；按原因针对性挽回（价格问题提供折扣，服务问题道歉并赠送礼品）；把原因反馈给产品或服务团队，挽回失败则记录经验教训。",
  warningCleared: "流失预警已解除",
  caption: "流失挽回（挽回率）",
  reasonsCaption: "流失原因统计（策略跟踪表中填写的）",
  figure: "指标",
  value: "数值",
  rate: "挽回率",
  customers: "挽回行客户数（执行组）",
  wonBack: "其中已再次购买",
  controlRate: "对照组挽回率",
  reason: "流失原因",
  lines: "行数",
  howCounted:
    "挽回率 = 有“流失挽回”行（流失预警或流失风险客户）的客户中，在计划开始（未填则开启日期）之后再次购买的比例；对照组单独统计。",
};
