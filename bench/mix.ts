/**
 * Bench workbooks with a realistic spend mix, as sales teams' books look:
 * - 60% buyers whose spend is lognormal around their own level (levels lognormal across customers),
 *   buying at their own rhythm until they stop, 1–3 lines per order;
 * - 15% fixed-price subscribers (99 / 199 / 299 / 599 a month), one line per order, until they cancel;
 * - 25% one-time buyers.
 * 2% of lines are returns (negative amounts), a few lines fall after the as-of date.
 * `alike`: the same customers and dates, but every order is one line of 100 (no spread in spend).
 * `wide`: the mix with a 24-column archive and 14-column orders, long Chinese notes included.
 */
import type { Cell, SheetGrid } from "../src/core/types";
import { BENCH_AS_OF, prng } from "./data";

export type MixKind = "mix" | "alike" | "wide";

export interface MixWorkbook {
  archive: SheetGrid;
  orders: SheetGrid;
  customers: number;
}

const PLANS = [99, 199, 299, 599];
const NOTE =
  "客户反馈：上次到货包装有破损，已协调物流重新发货；下次拜访时带新品样册，确认年度框架协议续签意向与付款周期。";

export function makeMixWorkbook(orderRows: number, kind: MixKind = "mix", seed = 11): MixWorkbook {
  const random = prng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const wide = kind === "wide";
  const id = (i: number) => "C" + String(i).padStart(6, "0");
  const archiveHeader = ["客户ID", "客户名称"];
  const ordersHeader = ["订单号", "客户ID", "交易日期", "金额(元)"];
  if (wide) {
    archiveHeader.push(
      "所属行业",
      "区域",
      "企业规模",
      "对接人姓名",
      "联系方式",
      "邮箱",
      "地址",
      "开户行",
      "税号",
      "客户来源",
      "签约日期",
      "信用额度",
      "账期(天)",
      "客户经理",
      "上级单位",
      "备注",
      "历史沟通记录",
      "发票抬头",
      "传真",
      "网站",
      "微信",
      "企业性质"
    );
    ordersHeader.push(
      "产品名称",
      "规格",
      "数量",
      "单价",
      "销售员",
      "仓库",
      "发货方式",
      "付款方式",
      "订单备注",
      "审核人"
    );
  }
  const archive: Cell[][] = [archiveHeader];
  const orders: Cell[][] = [ordersHeader];
  let order = 0;
  let customers = 0;
  const addLine = (customer: string, day: number, amount: number) => {
    const line: Cell[] = [
      "SO" + String(order).padStart(8, "0"),
      customer,
      day,
      random() < 0.02 ? -amount : amount,
    ];
    if (wide) {
      const qty = 1 + Math.floor(random() * 20);
      line.push(
        "工业配件-" + (order % 300),
        "规格" + (order % 17),
        qty,
        Math.round((amount / qty) * 100) / 100,
        "销售" + (order % 40),
        "华东仓",
        "物流",
        "月结",
        random() < 0.3 ? NOTE : "",
        "审核" + (order % 5)
      );
    }
    orders.push(line);
  };
  while (orders.length <= orderRows) {
    const c = customers++;
    const cid = id(c);
    const row: Cell[] = [cid, "客户" + c];
    if (wide) {
      row.push(
        "制造业",
        "上海",
        "50-100人",
        "王经理",
        "138" + String(c).padStart(8, "0"),
        `c${c}@example.cn`,
        "上海市浦东新区张江路" + c + "号",
        "工商银行",
        "91310000" + c,
        "展会",
        44000 + (c % 900),
        50000,
        30,
        "经理" + (c % 30),
        "",
        c % 5 === 0 ? NOTE : "",
        c % 3 === 0 ? NOTE + NOTE : "",
        "客户" + c + "有限公司",
        "",
        "",
        "wx" + c,
        "民营"
      );
    }
    archive.push(row);
    const u = random();
    let day = BENCH_AS_OF - 730 + Math.floor(random() * 720);
    if (u < 0.25) {
      // One-time buyer.
      order++;
      addLine(cid, day, kind === "alike" ? 100 : Math.round(Math.exp(6.5 + normal()) * 100) / 100);
      continue;
    }
    if (u < 0.4) {
      // Fixed-price subscriber: the same price every month until they cancel.
      const price = kind === "alike" ? 100 : PLANS[Math.floor(random() * PLANS.length)];
      for (let k = 0; day <= BENCH_AS_OF + 5 && orders.length <= orderRows; k++) {
        order++;
        addLine(cid, day, price);
        if (k > 0 && random() < 0.04) break;
        day += 30;
      }
      continue;
    }
    // Lognormal buyer: own level, own rhythm, stops at random after a purchase.
    const level = Math.exp(6.7 + normal());
    const gap = Math.exp(Math.log(45) + 0.8 * normal());
    const stop = 0.03 + 0.3 * random();
    for (let k = 0; day <= BENCH_AS_OF + 5 && orders.length <= orderRows; k++) {
      order++;
      const lines = kind === "alike" || random() < 0.5 ? 1 : random() < 0.6 ? 2 : 3;
      for (let l = 0; l < lines && orders.length <= orderRows; l++) {
        const amount = kind === "alike" ? 100 : (level * Math.exp(0.5 * normal())) / lines;
        addLine(cid, day, Math.round(amount * 100) / 100);
      }
      if (k > 0 && random() < stop) break;
      day += 1 + Math.floor(-Math.log(1 - random()) * gap);
    }
  }
  return {
    archive: { name: "客户档案", values: archive },
    orders: { name: "销售订单", values: orders },
    customers,
  };
}
