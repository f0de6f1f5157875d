import type { PaneStrings } from "../strings/pane";

export const pane: PaneStrings = {
  start: {
    heading: "从这里开始",
    intro: "这个工作簿里还没有客户数据。可以从模板开始录入，也可以先用示例数据看看效果。",
    createTemplates: "创建模板工作表",
    templatesHint:
      "新建客户档案、销售订单和客户跟进记录三张表（Excel 表格，日期和金额已设好格式，成交阶段、意向等级和完成状态可下拉选择），直接录入即可。",
    trySample: "用示例数据试试",
    sampleHint: "加入示例的客户档案、订单和跟进记录，一键看到完整效果。",
    adding: "正在添加工作表…",
    added: ({ sheets }) => `已添加：${sheets}。现有工作表均未改动。`,
  },
  stale: {
    text: ({ latest, asOf, days }) =>
      `最新一笔订单是 ${latest}，早于评分窗口（截至 ${asOf} 的 ${days} 天）。按这个日期评分，所有客户都会落入流失风险。如果这是一份旧的导出数据，请以最新订单日期为评分基准日。`,
    useLatest: ({ date }) => `以 ${date} 为评分基准日`,
  },
  overview: {
    heading: "本次评分一览",
    tiersCaption: "各层级客户数与收入占比",
    tierBar: ({ tier, customers, share }) => `${tier}：${customers} 位客户，收入占 ${share}`,
    customersAxis: "客户数",
    revenueAxis: "收入占比",
    movementHeading: "与上次评分相比",
    firstRun: "这是第一次评分，下次评分后可看到层级变化。",
    up: ({ count }) => `升级 ${count} 位`,
    down: ({ count }) => `降级 ${count} 位`,
    new: ({ count }) => `新客户 ${count} 位`,
    lapsed: ({ count }) => `转为流失 ${count} 位`,
    followupsHeading: "跟进情况",
    weakestStep: ({ from, to, rate }) => `转化最弱的一步：${from} → ${to}（${rate}）`,
    noFunnel: "跟进记录中没有成交阶段，无法计算转化。",
    overdue: ({ count }) => `逾期未跟进 ${count} 条`,
    noFollowups: "没有找到客户跟进记录表。",
    hygieneHeading: "数据整洁度",
    duplicates: ({ count }) => `疑似重复客户 ${count} 对`,
    blankCells: ({ count }) => `必填项空白 ${count} 处`,
    withoutOrders: ({ count }) => `无订单客户 ${count} 位`,
    stage: { potential: "潜在", intent: "意向", negotiation: "谈判", won: "成交" },
  },
  quality: {
    group: ({ kind, count }) => `${kind}（${count}）`,
    more: ({ count }) => `另有 ${count} 处，见概览表的数据质量清单。`,
  },
  elsewhere: {
    shown: ({ time }) => `工作簿已在 ${time} 通过功能区的“客户评分”重新评分，下面是那次的结果。`,
    changed: "工作簿已在别处重新评分，下面的数字可能已过时。",
    refresh: "刷新",
  },
};
