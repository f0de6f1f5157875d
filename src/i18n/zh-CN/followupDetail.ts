import type { FollowupDetailStrings } from "../strings/followupDetail";

export const followupDetail: FollowupDetailStrings = {
  figuresCaption: "跟进细节（延期、异议、下一步负责人、24小时首次响应）",
  figure: "指标",
  value: "数值",
  postponed: "已延期的跟进",
  postponedWithReason: "其中注明了延期原因",
  objections: "记录了客户异议的跟进",
  handedOver: "下一步由他人负责的跟进",
  leadsChecked: "统计窗口内新建线索（有创建时间）",
  lateFirstResponse: "其中未在24小时内首次跟进",
  stagesCaption: "各阶段跟进效率（每阶段的跟进次数与停留天数）",
  stageHeaders: {
    stage: "成交阶段",
    customers: "经历该阶段的客户数",
    followups: "该阶段跟进次数",
    avgFollowups: "平均跟进次数",
    movedOn: "已进入下一阶段的客户数",
    avgDays: "平均停留天数",
  },
  stages: {
    potential: "潜在",
    intent: "意向",
    negotiation: "谈判",
    won: "成交",
    lost: "流失",
  },
  findingsCaption: "跟进问题清单（点单元格地址可定位）",
  findingHeaders: {
    kind: "问题",
    id: "客户ID",
    name: "客户名称",
    address: "单元格",
    daysLate: "超出天数",
  },
  kinds: {
    postponed_no_reason: "已延期未注明原因",
    first_response_late: "新线索超过24小时才首次跟进",
    no_first_response: "新线索尚未首次跟进",
  },
  noFindings: "没有发现问题",
};
