import type { Cell, SheetGrid } from "../../src/core/types";
import { mulberry32 } from "../../scripts/prng";

/**
 * A realistic wide Chinese workbook as Office.js reads it (dates as serials, amounts as numbers):
 * a customer archive of 24 columns under a title row, with long needs, call-history and remark
 * texts; an orders sheet of 14 columns with product names, addresses and order remarks; follow-up
 * records with long contents and feedback; and a notes sheet. Deterministic for a given seed.
 */

export interface WideSizes {
  customers: number;
  orderLines: number;
  followups: number;
  seed?: number;
}

/** A large sales team's workbook: 20,000 customers × 24 columns, 200,000 order lines × 14, 30,000 follow-ups. */
export const WIDE_FULL: WideSizes = { customers: 20000, orderLines: 200000, followups: 30000 };

export const WIDE_AS_OF = 45657; // 2024-12-31

export const ARCHIVE_HEADERS = [
  "客户ID",
  "客户名称",
  "所属行业",
  "企业规模",
  "区域",
  "成立时间",
  "注册地址",
  "对接人姓名",
  "对接人职位",
  "联系方式",
  "电子邮箱",
  "客户来源",
  "首次合作时间",
  "最近交易日期",
  "累计交易金额",
  "交易次数",
  "信用等级",
  "推荐意愿评分",
  "主要产品服务需求",
  "历史沟通记录摘要",
  "备注",
  "销售负责人",
  "自定义标签",
  "最后更新时间",
];

export const ORDER_HEADERS = [
  "订单号",
  "客户ID",
  "交易日期",
  "产品名称",
  "规格型号",
  "数量",
  "单价",
  "金额(元)",
  "毛利",
  "订单状态",
  "付款方式",
  "收货地址",
  "发票抬头",
  "订单备注",
];

export const FOLLOWUP_HEADERS = [
  "客户ID",
  "跟进时间",
  "跟进方式",
  "跟进人",
  "跟进内容",
  "客户反馈",
  "下一步行动",
  "下次跟进日期",
  "完成状态",
  "成交阶段",
  "意向等级",
];

const PHRASES = [
  "客户对我们的交付周期比较关注，希望能够在旺季前完成备货",
  "采购负责人更换，新负责人需要重新介绍产品方案和价格体系",
  "上次拜访时客户提出希望增加售后培训，并询问年度框架协议的折扣",
  "已发送报价单和技术参数，客户内部正在走审批流程，预计下月答复",
  "竞争对手给出了更低的价格，客户希望我们在付款账期上给予更多支持",
  "客户反馈产品质量稳定，但包装在运输中有破损，需要物流部门跟进处理",
  "电话沟通顺利，对方对新品系列很感兴趣，约定下周安排样品测试",
  "财务提醒该客户有一笔尾款逾期，需要在下次拜访时当面确认回款计划",
  "客户计划在华东地区新开两个门店，可能带来新的批量采购需求",
  "参加了行业展会，客户总经理亲自到展位交流，对合作前景表示认可",
];
const INDUSTRIES = ["制造业", "零售", "餐饮", "医疗健康", "教育培训", "物流", "互联网", "建筑工程"];
const SIZES = ["1-20人", "20-99人", "100-499人", "500人以上"];
const REGIONS = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"];
const OWNERS = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏"];
const PRODUCTS = ["工业传感器", "智能货架", "冷链温控箱", "办公家具套装", "清洁耗材", "包装材料"];
const STATUSES = ["已完成", "已完成", "已完成", "已完成", "已发货", "退货"];
const METHODS = ["电话", "微信", "上门拜访", "视频会议", "邮件"];
const STAGES = ["潜在", "意向", "谈判", "成交", "流失"];
const INTENTS = ["A", "B", "C"];

export function makeWideWorkbook(sizes: WideSizes): SheetGrid[] {
  const random = mulberry32(sizes.seed ?? 11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  /** A note of about `chars` characters made of whole phrases, punctuated. */
  const note = (chars: number) => {
    let text = "";
    while (text.length < chars) text += pick(PHRASES) + "；";
    return text.slice(0, chars - 1) + "。";
  };
  const id = (i: number) => "KH" + String(i + 1).padStart(6, "0");
  const day = (from: number, to: number) => int(from, to);

  const archive: Cell[][] = [["客户档案（2024 年导出，含沟通记录）"], [...ARCHIVE_HEADERS]];
  for (let i = 0; i < sizes.customers; i++) {
    const first = day(43000, 45400);
    archive.push([
      id(i),
      `${pick(REGIONS)}${pick(["恒通", "瑞丰", "华信", "新辰", "博远", "佳禾"])}${pick(["科技", "贸易", "实业", "商贸"])}有限公司${i}`,
      pick(INDUSTRIES),
      pick(SIZES),
      pick(REGIONS),
      day(36000, 44000),
      `${pick(REGIONS)}某市某区某路${int(1, 999)}号${int(1, 30)}楼`,
      pick(["周", "吴", "郑", "孙", "钱"]) + pick(["经理", "总", "主管"]),
      pick(["采购经理", "总经理", "行政主管", "财务总监"]),
      random() < 0.05 ? "" : `1${int(30, 89)}${String(int(0, 99999999)).padStart(8, "0")}`,
      `contact${i}@example.cn`,
      pick(["展会", "老客户介绍", "官网", "电话营销"]),
      first,
      day(first, 45650),
      int(1000, 900000),
      int(1, 60),
      pick(["AAA", "AA", "A", "B"]),
      random() < 0.3 ? int(0, 10) : "",
      note(int(30, 80)),
      note(int(150, 400)),
      random() < 0.6 ? note(int(40, 160)) : "",
      pick(OWNERS),
      random() < 0.2 ? pick(["重点客户", "价格敏感", "需回访"]) : "",
      day(45000, 45650),
    ]);
  }

  const orders: Cell[][] = [[...ORDER_HEADERS]];
  let order = 0;
  while (orders.length <= sizes.orderLines) {
    order++;
    const customer = Math.floor(Math.pow(random(), 1.6) * sizes.customers);
    const date = day(44200, 45657);
    const lines = random() < 0.3 ? 2 : 1;
    for (let l = 0; l < lines && orders.length <= sizes.orderLines; l++) {
      const quantity = int(1, 50);
      const price = pick([88, 128, 399, 980, 2680, 15800]);
      const status = pick(STATUSES);
      orders.push([
        `SO${String(order).padStart(8, "0")}`,
        id(customer),
        date,
        pick(PRODUCTS),
        `型号-${int(100, 999)}${pick(["A", "B", "Pro", "Max"])}`,
        quantity,
        price,
        (status === "退货" ? -1 : 1) * quantity * price,
        Math.round(quantity * price * 0.23),
        status,
        pick(["对公转账", "支付宝", "微信支付", "承兑汇票"]),
        `${pick(REGIONS)}某市某区某路${int(1, 999)}号仓库`,
        `${pick(["恒通", "瑞丰", "华信"])}有限公司`,
        random() < 0.15 ? note(int(20, 60)) : "",
      ]);
    }
  }

  const followups: Cell[][] = [[...FOLLOWUP_HEADERS]];
  for (let i = 0; i < sizes.followups; i++) {
    const when = day(45000, 45650);
    followups.push([
      id(Math.floor(random() * sizes.customers)),
      when,
      pick(METHODS),
      pick(OWNERS),
      note(int(80, 300)),
      note(int(30, 120)),
      pick(["发送报价", "安排样品测试", "约见决策人", "催收尾款", "签订合同"]),
      random() < 0.7 ? when + int(3, 30) : "",
      pick(["已完成", "未完成"]),
      pick(STAGES),
      pick(INTENTS),
    ]);
  }

  const notes: Cell[][] = [
    ["说明"],
    ["本工作簿由销售部维护，客户档案每周更新一次。"],
    ["订单表来自 ERP 导出，跟进记录由各销售填写。"],
  ];
  return [
    { name: "客户档案", values: archive },
    { name: "销售订单", values: orders },
    { name: "跟进记录", values: followups },
    { name: "说明", values: notes },
  ];
}
