/**
 * `npm run sample`: writes assets/sample-customers.xlsx, a made-up but realistic workbook of a sales team
 * in East China (a customer archive under a title row, ~1,500 order lines in an Excel table, a note sheet).
 *
 * Deterministic: a seeded PRNG, fixed dates and fixed zip timestamps, so the file is byte-stable.
 * The orders carry a little deliberate mess (text dates and amounts, returns in both signs, odd IDs) and
 * ten lines the add-in must report rather than guess; their cell addresses are printed when run.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { serialFromYmd } from "../src/core/parse";
import { runScoreCommand } from "../src/cli/run";
import { mulberry32 } from "./prng";
import { FOLLOWUP_SHEET, writeFollowups } from "./sample-followups";

const OUTPUT =
  process.env.SAMPLE_OUT ?? resolve(__dirname, "..", "assets", "sample-customers.xlsx");
/** The sample's orders end in December 2024: it is scored as of the year's last day. */
const SCORED_AS_OF = serialFromYmd(2024, 12, 31);
const SEED = 20241231;
/** Workbook timestamps and zip entry times: fixed, so two runs write the same bytes. */
const FIXED_TIMESTAMP = new Date(Date.UTC(2024, 11, 31, 9, 0, 0));

const ARCHIVE_SHEET = "客户档案";
const ORDERS_SHEET = "销售订单";
const NOTE_SHEET = "说明";

// ---------------------------------------------------------------------------------------------
// Seeded randomness

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Log-uniform in [min, max]: small values common, large ones rarer, as with order amounts. */
  logUniform(min: number, max: number): number {
    return min * Math.pow(max / min, this.next());
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar days (days since 1970-01-01, UTC), so no time zone ever leaks in

const MS_PER_DAY = 86_400_000;

function day(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function toDate(dayNumber: number): Date {
  return new Date(dayNumber * MS_PER_DAY);
}

function ymd(dayNumber: number): { y: number; m: number; d: number } {
  const date = toDate(dayNumber);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function isoDate(dayNumber: number): string {
  const { y, m, d } = ymd(dayNumber);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Nobody delivers on Sunday: such orders are booked on the Saturday before. */
function workday(dayNumber: number): number {
  return toDate(dayNumber).getUTCDay() === 0 ? dayNumber - 1 : dayNumber;
}

const ORDERS_START = day(2023, 6, 1);
const ORDERS_END = day(2024, 12, 20);
/** The archive's totals were last brought up to date at the end of November. */
const ARCHIVE_UPDATED = day(2024, 11, 30);

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Domain lists

interface Product {
  name: string;
  /** Unit price range in yuan. */
  price: [number, number];
}

interface Industry {
  name: string;
  companyTypes: readonly string[];
  products: readonly Product[];
  needs: readonly string[];
  /** Job titles that fit the industry, as [name suffix, position]. */
  contacts: ReadonlyArray<[string, string]>;
}

const COMMON_CONTACTS: ReadonlyArray<[string, string]> = [
  ["经理", "采购经理"],
  ["总", "总经理"],
  ["主管", "采购主管"],
];

const INDUSTRIES: readonly Industry[] = [
  {
    name: "食品零售",
    companyTypes: ["超市", "便利店连锁有限公司", "食品商行", "副食品有限公司"],
    products: [
      { name: "粮油礼盒", price: [68, 198] },
      { name: "休闲零食组合", price: [25, 88] },
      { name: "饮料整箱", price: [36, 96] },
      { name: "速冻食品", price: [18, 65] },
      { name: "调味品套装", price: [12, 45] },
    ],
    needs: ["快消品补货周期优化", "节日礼盒定制", "临期商品退换支持", "门店陈列促销支持"],
    contacts: [...COMMON_CONTACTS, ["店长", "门店店长"]],
  },
  {
    name: "五金建材",
    companyTypes: ["五金有限公司", "建材商行", "五金机电经营部", "建材有限公司"],
    products: [
      { name: "不锈钢紧固件", price: [0.8, 6.5] },
      { name: "电动工具套装", price: [260, 880] },
      { name: "PPR管件", price: [3.5, 28] },
      { name: "防水涂料", price: [120, 380] },
      { name: "五金配件", price: [2, 35] },
    ],
    needs: ["紧固件批量采购", "工程项目配套供货", "现货库存保障", "送货到工地"],
    contacts: COMMON_CONTACTS,
  },
  {
    name: "餐饮",
    companyTypes: ["餐饮管理有限公司", "酒楼", "餐厅", "食府"],
    products: [
      { name: "冷链食材", price: [35, 160] },
      { name: "厨房耗材", price: [8, 60] },
      { name: "一次性餐具", price: [45, 120] },
      { name: "商用清洁剂", price: [28, 95] },
      { name: "调味品套装", price: [12, 45] },
    ],
    needs: ["食材每日配送", "厨房耗材集中采购", "食品安全溯源资料", "新店开业整体供货"],
    contacts: [...COMMON_CONTACTS, ["店长", "店长"], ["厨师长", "行政总厨"]],
  },
  {
    name: "电子元器件",
    companyTypes: ["电子科技有限公司", "电子元件商行", "微电子有限公司"],
    products: [
      { name: "贴片电容", price: [0.05, 0.6] },
      { name: "连接器", price: [0.8, 12] },
      { name: "PCB板", price: [6, 85] },
      { name: "电源模块", price: [25, 260] },
      { name: "传感器", price: [12, 150] },
    ],
    needs: ["小批量多品种打样", "替代料号推荐", "交期稳定性", "技术参数支持"],
    contacts: [...COMMON_CONTACTS, ["工", "技术负责人"]],
  },
  {
    name: "服装纺织",
    companyTypes: ["服饰有限公司", "纺织品有限公司", "制衣厂", "针织有限公司"],
    products: [
      { name: "棉纱", price: [18, 42] },
      { name: "针织面料", price: [22, 68] },
      { name: "辅料拉链", price: [0.3, 3.5] },
      { name: "包装吊牌", price: [0.1, 1.2] },
      { name: "涤纶长丝", price: [9, 26] },
    ],
    needs: ["面料色差控制", "旺季前备货", "小单快反", "环保认证资料"],
    contacts: [...COMMON_CONTACTS, ["厂长", "厂长"]],
  },
  {
    name: "医药流通",
    companyTypes: ["医药有限公司", "大药房", "医疗器械有限公司"],
    products: [
      { name: "医用耗材", price: [15, 120] },
      { name: "防护口罩", price: [0.4, 2.5] },
      { name: "保健品", price: [58, 268] },
      { name: "检测试剂", price: [30, 180] },
      { name: "药品包装", price: [0.2, 3] },
    ],
    needs: ["GSP合规资料", "冷链配送", "医用耗材集中采购", "资质证照及时更新"],
    contacts: [...COMMON_CONTACTS, ["店长", "药房店长"]],
  },
];

const CITIES = ["杭州", "苏州", "上海", "南京", "宁波", "无锡"] as const;

/** Auspicious words that make up most Chinese firm names. */
const NAME_WORDS = (
  "鑫源 恒达 华盛 永信 金桥 瑞丰 宏图 嘉禾 联创 天成 顺发 汇通 康宁 佳美 新亚 博远 德隆 广源 盛世 万福 " +
  "东升 利民 富春 明珠 九州 同心 长风 锦程 安泰 和润 隆兴 春晖 百川 君悦 祥和 启明 众诚 润丰 旭日 海纳"
).split(" ");

const SIZES: ReadonlyArray<[string, number]> = [
  ["10-50人", 0.4],
  ["50-100人", 0.3],
  ["100-500人", 0.22],
  ["500人以上", 0.08],
];

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗".split("");
const OWNERS = ["张伟", "李娜", "王强", "刘洋"] as const;
const TAGS = [
  "价格敏感型",
  "技术需求型",
  "决策链复杂",
  "对促销活动响应度高",
  "补货周期敏感",
  "账期要求高",
  "忠诚度高",
];
const NOTES = ["月结30天", "需开增值税专用发票", "仅工作日收货", "老板亲自拍板", "-", "季度对账"];
const CONTACT_CHANNELS = ["电话回访", "上门拜访", "微信沟通", "展会接触"];
const FEEDBACK = [
  "对近期价格调整有顾虑",
  "希望缩短交货周期",
  "对产品质量满意，计划追加订单",
  "要求提供样品测试",
  "关注账期和发票",
  "采购负责人变动，需重新对接",
  "暂无新需求，保持联系",
];

// ---------------------------------------------------------------------------------------------
// Customers

/** How a customer buys over the order window. */
type Profile = "heavy" | "regular" | "occasional" | "oneTime" | "churned" | "dormant" | "prospect";

const PROFILE_COUNTS: ReadonlyArray<[Profile, number]> = [
  ["heavy", 10],
  ["regular", 56],
  ["occasional", 22],
  ["oneTime", 12],
  ["churned", 12],
  ["dormant", 4], // bought before the order window only
  ["prospect", 4], // never bought
];

const CUSTOMER_COUNT = 120;

/** Customers with a deliberate spelling in the workbook. */
const FORMULA_NAME_ID = "C007";
const FORMULA_NAME = '=HYPERLINK("http://x","点我")';
const PLUS_NAME_ID = "C088";
const PLUS_NAME = "+86 贸易行";
const FULL_WIDTH_ID = "C042";
const FULL_WIDTH_ARCHIVE_SPELLING = "Ｃ０４２ ";
const LOWER_CASE_ORDERS_ID = "C015";
const SPACED_ORDERS_ID = "C016";

interface Customer {
  id: string;
  /** The ID as typed in the archive. */
  archiveId: string;
  /** The ID as typed on most order lines. */
  orderId: string;
  name: string;
  industry: Industry;
  size: string;
  region: string;
  founded: string;
  contactName: string;
  contactTitle: string;
  phone: string;
  owner: string;
  tags: string;
  notes: string;
  profile: Profile;
  /** Multiplies order amounts: some firms simply buy bigger. */
  scale: number;
}

function customerId(index: number): string {
  return "C" + String(index + 1).padStart(3, "0");
}

function assignProfiles(rng: Rng): Profile[] {
  const profiles = rng.shuffle(PROFILE_COUNTS.flatMap(([p, n]) => Array<Profile>(n).fill(p)));
  // The customers spelled oddly must buy, so that their spelling is actually exercised.
  const mustBuy: ReadonlyArray<[string, Profile]> = [
    [FORMULA_NAME_ID, "regular"],
    [PLUS_NAME_ID, "regular"],
    [FULL_WIDTH_ID, "regular"],
    [LOWER_CASE_ORDERS_ID, "heavy"],
    [SPACED_ORDERS_ID, "regular"],
  ];
  for (const [id, profile] of mustBuy) {
    const index = Number(id.slice(1)) - 1;
    if (profiles[index] === profile) continue;
    const other = profiles.findIndex(
      (p, i) => p === profile && !mustBuy.some(([m]) => customerId(i) === m)
    );
    [profiles[index], profiles[other]] = [profiles[other], profiles[index]];
  }
  return profiles;
}

function pickWeighted(rng: Rng, options: ReadonlyArray<[string, number]>): string {
  let x = rng.float();
  for (const [value, weight] of options) {
    if (x < weight) return value;
    x -= weight;
  }
  return options[options.length - 1][0];
}

function mobileNumber(rng: Rng): string {
  const prefix = rng.pick(["13", "15", "18"]) + String(rng.int(0, 9));
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

function customTags(rng: Rng): string {
  const count = pickWeighted(rng, [
    ["0", 0.35],
    ["1", 0.45],
    ["2", 0.2],
  ]);
  const tags = rng.shuffle([...TAGS]).slice(0, Number(count));
  return tags.join("，");
}

function makeCustomers(rng: Rng): Customer[] {
  const profiles = assignProfiles(rng);
  const usedNames = new Set<string>();
  const usedPhones = new Set<string>();
  const customers: Customer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const id = customerId(i);
    const industry = rng.pick(INDUSTRIES);
    const city = rng.pick(CITIES);
    let name: string;
    do name = city + rng.pick(NAME_WORDS) + rng.pick(industry.companyTypes);
    while (usedNames.has(name));
    usedNames.add(name);
    let phone: string;
    do phone = mobileNumber(rng);
    while (usedPhones.has(phone));
    usedPhones.add(phone);
    const [suffix, title] = rng.pick(industry.contacts);
    const profile = profiles[i];
    let size = pickWeighted(rng, SIZES);
    if (profile === "heavy" && size === "10-50人") size = "100-500人";
    customers.push({
      id,
      archiveId: id,
      orderId: id,
      name,
      industry,
      size,
      region: city,
      founded: `${rng.int(2003, 2021)}年`,
      contactName: rng.pick(SURNAMES) + suffix,
      contactTitle: title,
      phone,
      owner: rng.pick(OWNERS),
      tags: customTags(rng),
      notes: rng.chance(0.2) ? rng.pick(NOTES) : "",
      profile,
      scale: rng.logUniform(0.6, 1.6),
    });
  }
  applyDeliberateSpellings(customers);
  return customers;
}

function byId(customers: readonly Customer[], id: string): Customer {
  const found = customers.find((c) => c.id === id);
  if (!found) throw new Error(`no customer ${id}`);
  return found;
}

function applyDeliberateSpellings(customers: Customer[]): void {
  const formula = byId(customers, FORMULA_NAME_ID);
  formula.name = FORMULA_NAME;
  formula.region = "杭州";
  const plus = byId(customers, PLUS_NAME_ID);
  plus.name = PLUS_NAME;
  plus.region = "上海";
  plus.industry = INDUSTRIES[0];
  plus.contactName = "周经理";
  plus.contactTitle = "采购经理";
  byId(customers, FULL_WIDTH_ID).archiveId = FULL_WIDTH_ARCHIVE_SPELLING;
  byId(customers, FULL_WIDTH_ID).orderId = FULL_WIDTH_ID.toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Orders

interface OrderLine {
  product: string;
  quantity: number;
  amount: number;
  profit: number;
  /** The amount as the salesperson typed it, when typed as text. */
  amountText?: string;
}

type OrderKind = "sale" | "return";

/** A line the add-in must report with its address instead of guessing. */
type ProblemKind = "bad_date" | "bad_amount" | "unknown_customer" | "missing_id" | "after_as_of";

interface Order {
  customer: Customer | null;
  /** Customer ID cell as typed on this order's lines (null: left blank). */
  idCell: string | null;
  kind: OrderKind;
  /** Booking day; for an unreadable date, where the line sits among the others. */
  day: number;
  status: string;
  lines: OrderLine[];
  /** A text date instead of a real one (mixed formats, or unreadable). */
  dateText?: string;
  problem?: { kind: ProblemKind; description: string };
  /** Set once sorted. */
  number?: string;
}

const AMOUNT_RANGES: Record<Profile, [number, number]> = {
  heavy: [5000, 60000],
  regular: [800, 15000],
  churned: [2000, 20000],
  occasional: [500, 8000],
  oneTime: [300, 6000],
  dormant: [0, 0],
  prospect: [0, 0],
};

/** Booking days one after another, `gap` days apart (a random gap each time). */
function cadence(rng: Rng, start: number, end: number, gap: [number, number]): number[] {
  const days: number[] = [];
  for (let d = start; d <= end; d += rng.int(gap[0], gap[1])) days.push(workday(d));
  return days;
}

function randomDays(rng: Rng, count: number): number[] {
  const days = new Set<number>();
  while (days.size < count) days.add(workday(rng.int(ORDERS_START + 1, ORDERS_END)));
  return [...days].sort((a, b) => a - b);
}

function purchaseDays(rng: Rng, profile: Profile): number[] {
  switch (profile) {
    case "heavy":
      return cadence(rng, ORDERS_START + rng.int(1, 20), ORDERS_END, [7, 24]);
    case "regular":
      return cadence(rng, ORDERS_START + rng.int(1, 150), ORDERS_END, [24, 72]);
    case "churned":
      // Bought steadily, then stopped somewhere between January and April 2024.
      return cadence(
        rng,
        ORDERS_START + rng.int(1, 60),
        day(2024, 1, 10) + rng.int(0, 110),
        [16, 40]
      );
    case "occasional":
      return randomDays(rng, rng.int(2, 5));
    case "oneTime":
      return randomDays(rng, 1);
    case "dormant":
    case "prospect":
      return [];
  }
}

/** "1234567.5" -> "1,234,567.5" (no locale involved). */
function withThousands(digits: string): string {
  const [whole, fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Some salespeople type amounts as text: "¥1,200.50", "3,450", "1.2万", "1200元". */
function typedAmount(rng: Rng, amount: number): { amount: number; text?: string } {
  if (!rng.chance(0.03)) return { amount };
  const style = rng.int(0, 3);
  if (style === 2 && amount >= 10000) {
    const rounded = Math.round(amount / 1000) * 1000;
    return { amount: rounded, text: `${rounded / 10000}万` };
  }
  if (style === 0) return { amount, text: "¥" + withThousands(amount.toFixed(2)) };
  const whole = Math.round(amount);
  if (style === 1 && whole >= 1000) return { amount: whole, text: withThousands(String(whole)) };
  return { amount: whole, text: `${whole}元` };
}

function orderLine(rng: Rng, customer: Customer, product: Product): OrderLine {
  const [min, max] = AMOUNT_RANGES[customer.profile];
  const scale = customer.profile === "heavy" ? 1 : customer.scale;
  const target = Math.min(max, rng.logUniform(min, max) * scale);
  const unitPrice = round2(product.price[0] + rng.float() * (product.price[1] - product.price[0]));
  const quantity = Math.max(1, Math.round(target / unitPrice));
  const typed = typedAmount(rng, round2(quantity * unitPrice));
  const marginRate = 0.12 + rng.float() * 0.23;
  return {
    product: product.name,
    quantity,
    amount: typed.amount,
    profit: round2(typed.amount * marginRate),
    amountText: typed.text,
  };
}

function saleOrder(rng: Rng, customer: Customer, bookingDay: number): Order {
  const lineCount = Number(
    pickWeighted(rng, [
      ["1", 0.83],
      ["2", 0.12],
      ["3", 0.05],
    ])
  );
  const products = rng.shuffle([...customer.industry.products]).slice(0, lineCount);
  return {
    customer,
    idCell: customer.orderId,
    kind: "sale",
    day: bookingDay,
    status: "已完成",
    lines: products.map((p) => orderLine(rng, customer, p)),
  };
}

/** Part of one line sent back (退货) or refunded (退款); the sheet uses either sign for it. */
function returnOrder(rng: Rng, sale: Order): Order | null {
  const returnDay = workday(sale.day + rng.int(3, 20));
  if (returnDay > ORDERS_END || !sale.customer) return null;
  const line = rng.pick(sale.lines);
  const quantity = Math.max(1, Math.round(line.quantity * rng.float() * 0.5));
  const amount = round2((line.amount / line.quantity) * quantity);
  const profit = round2((line.profit / line.quantity) * quantity);
  const sign = rng.chance(0.5) ? -1 : 1;
  return {
    customer: sale.customer,
    idCell: sale.idCell,
    kind: "return",
    day: returnDay,
    status: rng.chance(0.7) ? "退货" : "退款",
    lines: [{ product: line.product, quantity, amount: sign * amount, profit: sign * profit }],
  };
}

/** Lines with one deliberate problem each; they go among the others by `day`. */
function problemOrders(rng: Rng, customers: readonly Customer[]): Order[] {
  const buyers = customers.filter(
    (c) =>
      (c.profile === "regular" || c.profile === "heavy") &&
      c.id === c.orderId &&
      c.id !== LOWER_CASE_ORDERS_ID
  );
  const someBuyer = (): Customer => rng.pick(buyers);
  const base = (customer: Customer, bookingDay: number): Order => ({
    ...saleOrder(rng, customer, bookingDay),
    lines: [{ ...orderLine(rng, customer, customer.industry.products[0]), amountText: undefined }],
  });
  const badDate = (text: string, at: number): Order => ({
    ...base(someBuyer(), at),
    dateText: text,
    problem: { kind: "bad_date", description: `unparseable date "${text}"` },
  });
  const badAmount = (text: string, at: number): Order => {
    const order = base(someBuyer(), at);
    order.lines[0].amountText = text;
    order.problem = { kind: "bad_amount", description: `unparseable amount "${text}"` };
    return order;
  };
  const otherCustomer = (idCell: string | null, at: number): Order => ({
    ...base(someBuyer(), at),
    customer: null,
    idCell,
    problem:
      idCell === null
        ? { kind: "missing_id", description: "blank customer ID" }
        : {
            kind: "unknown_customer",
            description: `customer ID "${idCell}" is not in the archive`,
          },
  });
  const afterAsOf = (at: number): Order => ({
    ...base(someBuyer(), at),
    status: "待发货",
    problem: {
      kind: "after_as_of",
      description: `dated ${isoDate(at)}, after the 2024-12-31 as-of date`,
    },
  });
  return [
    badDate("2024-02-30", day(2024, 2, 29)),
    badDate("上周", day(2024, 11, 18)),
    badDate("2024/13/01", day(2024, 12, 2)),
    badAmount("待定", day(2024, 5, 14)),
    badAmount("1,2", day(2024, 8, 21)),
    otherCustomer("C999", day(2024, 4, 9)),
    otherCustomer("X-001", day(2024, 9, 12)),
    otherCustomer(null, day(2024, 7, 3)),
    afterAsOf(day(2025, 1, 5)),
    afterAsOf(day(2025, 1, 8)),
  ];
}

/** Real dates mostly; about 5% typed as text in whatever format the salesperson likes. */
function typeSomeDatesAsText(rng: Rng, orders: Order[]): void {
  for (const order of orders) {
    if (order.problem || !rng.chance(0.05)) continue;
    const { y, m, d } = ymd(order.day);
    order.dateText = rng.pick([
      `${y}/${m}/${d}`,
      `${y}年${m}月${d}日`,
      `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    ]);
  }
}

/** A few orders of two customers carry their ID in another case or with spaces around it. */
function respellSomeIds(rng: Rng, orders: Order[]): void {
  const respell = (id: string, spelling: string, count: number): void => {
    const own = orders.filter((o) => o.customer?.id === id && o.kind === "sale" && !o.problem);
    for (const order of rng.shuffle(own).slice(0, count)) order.idCell = spelling;
  };
  respell(LOWER_CASE_ORDERS_ID, LOWER_CASE_ORDERS_ID.toLowerCase(), 3);
  respell(SPACED_ORDERS_ID, ` ${SPACED_ORDERS_ID} `, 2);
}

/** Order numbers by month in booking order: SO2403-0012 for sales, TH2403-0002 for returns. */
function numberOrders(orders: Order[]): void {
  const counters = new Map<string, number>();
  for (const order of orders) {
    const { y, m } = ymd(order.day);
    const prefix =
      (order.kind === "return" ? "TH" : "SO") + String(y % 100) + String(m).padStart(2, "0");
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    order.number = `${prefix}-${String(n).padStart(4, "0")}`;
  }
}

function makeOrders(rng: Rng, customers: readonly Customer[]): Order[] {
  const orders: Order[] = [];
  for (const customer of customers) {
    for (const d of purchaseDays(rng, customer.profile)) {
      const sale = saleOrder(rng, customer, d);
      orders.push(sale);
      const returned = rng.chance(0.045) ? returnOrder(rng, sale) : null;
      if (returned) orders.push(returned);
    }
  }
  typeSomeDatesAsText(rng, orders);
  respellSomeIds(rng, orders);
  orders.push(...problemOrders(rng, customers));
  // Stable sort: on one day, orders keep the order they were made in.
  orders.sort((a, b) => a.day - b.day);
  numberOrders(orders);
  return orders;
}

// ---------------------------------------------------------------------------------------------
// What the archive says about each customer (kept by hand, last updated at the end of November)

interface ArchiveTotals {
  firstDeal: number | null;
  lastPurchase: number | null;
  total: number | null;
  count: number | null;
  history: string;
}

function contactHistory(rng: Rng, lastContact: number): string {
  const { m } = ymd(lastContact);
  return `${m}月${rng.pick(CONTACT_CHANNELS)}，${rng.pick(FEEDBACK)}`;
}

function archiveTotals(rng: Rng, customer: Customer, orders: readonly Order[]): ArchiveTotals {
  if (customer.profile === "prospect") {
    return {
      firstDeal: null,
      lastPurchase: null,
      total: null,
      count: null,
      history: "初次接洽，已发送产品目录",
    };
  }
  if (customer.profile === "dormant") {
    const firstDeal = rng.int(day(2018, 1, 1), day(2021, 12, 31));
    const lastPurchase = rng.int(day(2022, 3, 1), day(2023, 4, 30));
    return {
      firstDeal: workday(firstDeal),
      lastPurchase: workday(lastPurchase),
      total: round2(rng.logUniform(3000, 80000)),
      count: rng.int(2, 8),
      history: contactHistory(rng, lastPurchase + rng.int(30, 200)),
    };
  }
  const own = orders.filter((o) => o.customer === customer && !o.problem);
  const known = own.filter((o) => o.day <= ARCHIVE_UPDATED);
  const sales = known.filter((o) => o.kind === "sale");
  const firstSale = own.length > 0 ? own[0].day : ORDERS_END;
  // Customers already buying when the orders sheet starts have a longer history in the archive.
  const firstDeal =
    firstSale < ORDERS_START + 90 ? workday(rng.int(day(2017, 1, 1), day(2023, 5, 31))) : firstSale;
  const lastContact = Math.min(
    ARCHIVE_UPDATED,
    (sales.length > 0 ? sales[sales.length - 1].day : firstSale) + 10
  );
  if (sales.length === 0) {
    return {
      firstDeal,
      lastPurchase: null,
      total: null,
      count: null,
      history: "12月新客户，档案待更新",
    };
  }
  const net = known.reduce(
    (sum, o) =>
      sum + o.lines.reduce((s, l) => s + (o.kind === "return" ? -Math.abs(l.amount) : l.amount), 0),
    0
  );
  return {
    firstDeal,
    lastPurchase: sales[sales.length - 1].day,
    total: round2(net),
    count: sales.length,
    history: contactHistory(rng, lastContact),
  };
}

// ---------------------------------------------------------------------------------------------
// Sheets

const ARCHIVE_HEADERS = [
  "客户ID",
  "客户名称",
  "所属行业",
  "企业规模",
  "区域",
  "成立时间",
  "对接人姓名",
  "对接人职位",
  "联系方式",
  "首次合作时间",
  "最近交易日期",
  "累计交易金额（元）",
  "交易次数",
  "主要产品/服务需求",
  "历史沟通记录摘要",
  "备注",
  "销售负责人",
  "自定义标签",
  "推荐意愿(0-10)",
  // Seed 004 第四步 更新周期 and 第一步 必填信息项 (信息来源, 需求与意向, 竞争信息, 注册地址, 是否允许沟通).
  "最后更新时间",
  "客户来源",
  "紧急程度",
  "预算范围",
  "预计合作时间",
  "竞争对手",
  "注册地址",
  "是否允许沟通",
  "创建时间",
] as const;
const ARCHIVE_WIDTHS = [
  9, 30, 11, 11, 7, 9, 11, 11, 14, 12, 12, 16, 9, 20, 34, 18, 10, 24, 12, 12, 10, 8, 10, 12, 14, 26,
  10, 12,
];
const SOURCES = ["展会", "官网留言", "转介绍", "电话陌拜", "平台筛选"];
const BUDGETS = ["5万以下", "5万-10万", "10万-20万", "20万以上", "待确认"];
const COMPETITORS = ["", "", "华通供应链", "万丰贸易", "本地经销商"];
const STREETS = ["工业园区科技路", "经济开发区创业大道", "高新区文一路", "商务区中山路"];
const ARCHIVE_TITLE = "华东区客户信息基础档案表（2024年度）";
const ARCHIVE_HEADER_ROW = 3;

const ORDER_HEADERS = [
  "订单号",
  "客户ID",
  "交易日期",
  "产品",
  "数量",
  "金额(元)",
  "毛利",
  "状态",
] as const;
const ORDER_WIDTHS = [14, 10, 14, 14, 8, 14, 12, 8];

const DATE_FORMAT = "yyyy-mm-dd";
const MONEY_FORMAT = "#,##0.00";
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFDDEBF7" },
};

function columnLetter(index: number): string {
  return index < 26
    ? String.fromCharCode(65 + index)
    : columnLetter(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26));
}

function optionalDate(d: number | null): Date | null {
  return d === null ? null : toDate(d);
}

function writeArchive(
  workbook: ExcelJS.Workbook,
  rng: Rng,
  customers: readonly Customer[],
  orders: readonly Order[]
): void {
  const ws = workbook.addWorksheet(ARCHIVE_SHEET, {
    views: [{ state: "frozen", ySplit: ARCHIVE_HEADER_ROW, xSplit: 2 }],
  });
  ARCHIVE_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const lastColumn = columnLetter(ARCHIVE_HEADERS.length - 1);
  ws.mergeCells(`A1:${lastColumn}1`);
  const title = ws.getCell("A1");
  title.value = ARCHIVE_TITLE;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 26;

  const header = ws.getRow(ARCHIVE_HEADER_ROW);
  header.values = [...ARCHIVE_HEADERS];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });

  // Survey answers come from a PRNG of their own, so the rest of the workbook stays as it was.
  const survey = mulberry32(SEED + 2);
  // So do the lead-intake columns.
  const intake = mulberry32(SEED + 3);
  const pickIntake = <T>(items: readonly T[]) => items[Math.floor(intake() * items.length)];
  customers.forEach((c, i) => {
    const t = archiveTotals(rng, c, orders);
    const row = ws.getRow(ARCHIVE_HEADER_ROW + 1 + i);
    row.values = [
      c.archiveId,
      c.name,
      c.industry.name,
      c.size,
      c.region,
      c.founded,
      c.contactName,
      c.contactTitle,
      c.phone,
      optionalDate(t.firstDeal),
      optionalDate(t.lastPurchase),
      t.total,
      t.count,
      rng.pick(c.industry.needs),
      t.history,
      c.profile === "prospect" ? "潜在客户，尚未成交" : c.notes,
      c.owner,
      c.tags,
      c.id === UNREADABLE_SCORE_ID ? "很满意" : recommendationScore(survey, c.profile),
      // Brought up to date at some point in the last five months: some are older than their cycle.
      toDate(day(2024, 12, 31) - Math.floor(intake() * 150)),
      intake() < 0.04 ? null : pickIntake(SOURCES),
      intake() < 0.04 ? null : pickIntake(["高", "中", "低"]),
      c.profile === "prospect" ? "待确认" : pickIntake(BUDGETS),
      toDate(day(2025, 1, 15) + Math.floor(intake() * 120)),
      pickIntake(COMPETITORS) || null,
      `${c.region}市${pickIntake(STREETS)}${1 + Math.floor(intake() * 300)}号`,
      intake() < 0.08 ? "否" : "是",
      null, // 创建时间: written once the follow-up log is known (see setCreated)
    ];
  });
  ws.getColumn(10).numFmt = DATE_FORMAT;
  ws.getColumn(11).numFmt = DATE_FORMAT;
  ws.getColumn(12).numFmt = MONEY_FORMAT;
  for (const header of ["最后更新时间", "预计合作时间", "创建时间"] as const)
    ws.getColumn(ARCHIVE_HEADERS.indexOf(header) + 1).numFmt = DATE_FORMAT;
}

/**
 * 创建时间 of each customer with a follow-up log: the day of the first follow-up or the day before,
 * except about one in six, entered days earlier (seed 004's 24-hour rule is then broken).
 */
function setCreated(
  workbook: ExcelJS.Workbook,
  customers: readonly Customer[],
  firstDay: Map<string, number>
): void {
  const ws = workbook.getWorksheet(ARCHIVE_SHEET)!;
  const random = mulberry32(SEED + 4);
  const column = ARCHIVE_HEADERS.indexOf("创建时间") + 1;
  customers.forEach((c, i) => {
    const first = firstDay.get(c.id);
    if (first === undefined) return;
    const late = random() < 0.17;
    const earlier = late ? 2 + Math.floor(random() * 5) : Math.floor(random() * 2);
    ws.getRow(ARCHIVE_HEADER_ROW + 1 + i).getCell(column).value = new Date(
      first - earlier * MS_PER_DAY
    );
  });
}

type OrderRowValues = [
  string,
  string | null,
  Date | string,
  string,
  number,
  number | string,
  number,
  string,
];

function orderRows(orders: readonly Order[]): OrderRowValues[] {
  return orders.flatMap((o) =>
    o.lines.map((l): OrderRowValues => [
      o.number ?? "",
      o.idCell,
      o.dateText ?? toDate(o.day),
      l.product,
      l.quantity,
      l.amountText ?? l.amount,
      l.profit,
      o.status,
    ])
  );
}

function writeOrders(workbook: ExcelJS.Workbook, orders: readonly Order[]): void {
  const ws = workbook.addWorksheet(ORDERS_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  ORDER_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const formats: Record<string, Partial<ExcelJS.Style>> = {
    交易日期: { numFmt: DATE_FORMAT },
    "金额(元)": { numFmt: MONEY_FORMAT },
    毛利: { numFmt: MONEY_FORMAT },
  };
  const rows = orderRows(orders);
  // Formats go on the cells, not on the table columns: ExcelJS writes a column's style as `dxfId`
  // on <tableColumn>, which the schema does not have and Excel answers with a repair prompt.
  ws.addTable({
    name: "订单明细",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: ORDER_HEADERS.map((name) => ({ name, filterButton: true })),
    rows,
  });
  ORDER_HEADERS.forEach((name, c) => {
    const numFmt = formats[name]?.numFmt;
    if (numFmt === undefined) return;
    for (let r = 0; r < rows.length; r++) ws.getCell(r + 2, c + 1).numFmt = numFmt;
  });
}

function writeNote(workbook: ExcelJS.Workbook, customerCount: number): void {
  const ws = workbook.addWorksheet(NOTE_SHEET);
  ws.getColumn(1).width = 90;
  ws.getColumn(2).width = 12;
  const lines = [
    "工作簿说明",
    "",
    "本工作簿为华东区销售团队的客户档案与销售订单示例数据，所有客户、联系人和电话均为虚构，仅用于演示。",
    "「客户档案」：客户信息基础档案表，累计交易金额、交易次数和最近交易日期由销售手工维护，更新至2024-11-30。",
    "「销售订单」：2023-06-01 至 2024-12-20 的订单明细；同一订单号的多行属于同一订单，退货/退款单号以 TH 开头。",
    "订单由各销售分别录入，日期和金额格式不完全统一，个别行待核实。",
    "本页为人工说明，请勿删除或修改。",
  ];
  lines.forEach((text, i) => (ws.getCell(`A${i + 1}`).value = text));
  ws.getCell("A1").font = { bold: true, size: 13 };
  const countRow = lines.length + 2;
  ws.getCell(`A${countRow}`).value = "档案客户数（公式，自动计算）：";
  ws.getCell(`B${countRow}`).value = {
    formula: `COUNTA('${ARCHIVE_SHEET}'!A:A)-2`,
    result: customerCount,
  };
}

// ---------------------------------------------------------------------------------------------
// Output

/** ExcelJS stamps each zip entry with the current time; rewrite them with a fixed one. */
async function withFixedZipDates(xlsx: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(xlsx);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async("uint8array"), {
      date: FIXED_TIMESTAMP,
      createFolders: false,
    });
  }
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

interface ProblemReport {
  address: string;
  kind: string;
  description: string;
}

function problemReport(orders: readonly Order[]): ProblemReport[] {
  const reports: ProblemReport[] = [];
  let row = 2; // data starts below the table header
  for (const o of orders) {
    for (let i = 0; i < o.lines.length; i++, row++) {
      if (o.problem) {
        const column = {
          bad_date: "C",
          bad_amount: "F",
          unknown_customer: "B",
          missing_id: "B",
          after_as_of: "C",
        }[o.problem.kind];
        reports.push({ address: `${ORDERS_SHEET}!${column}${row}`, ...o.problem });
      } else if (o.customer && o.idCell !== o.customer.id && o.customer.id !== FULL_WIDTH_ID) {
        reports.push({
          address: `${ORDERS_SHEET}!B${row}`,
          kind: "id_spelling (must match)",
          description: `"${o.idCell}" is ${o.customer.id}`,
        });
      }
    }
  }
  return reports;
}

/** Sheet rows of the order lines of the orders `pick` selects. */
function orderRowsOf(orders: readonly Order[], pick: (o: Order) => boolean): number[] {
  const rows: number[] = [];
  let row = 2;
  for (const o of orders) {
    for (let i = 0; i < o.lines.length; i++, row++) if (pick(o)) rows.push(row);
  }
  return rows;
}

function printSummary(customers: readonly Customer[], orders: readonly Order[]): void {
  const lines = orders.reduce((n, o) => n + o.lines.length, 0);
  const count = (p: (o: Order) => boolean): number =>
    orders.filter(p).reduce((n, o) => n + o.lines.length, 0);
  const profiles = PROFILE_COUNTS.map(
    ([p]) => `${p} ${customers.filter((c) => c.profile === p).length}`
  );
  const withOrders = new Set(
    orders.filter((o) => o.customer && !o.problem).map((o) => o.customer?.id)
  );
  console.log(`Wrote ${OUTPUT}`);
  console.log(`${ARCHIVE_SHEET}: ${customers.length} customers (${profiles.join(", ")})`);
  console.log(`  ${customers.length - withOrders.size} without any order line`);
  console.log(
    `  full-width ID: ${ARCHIVE_SHEET}!A${ARCHIVE_HEADER_ROW + 1 + Number(FULL_WIDTH_ID.slice(1)) - 1}`
  );
  for (const id of [FORMULA_NAME_ID, PLUS_NAME_ID]) {
    console.log(
      `  formula-like name: ${ARCHIVE_SHEET}!B${ARCHIVE_HEADER_ROW + Number(id.slice(1))} (${id})`
    );
  }
  console.log(
    `${ORDERS_SHEET}: ${lines} lines, ${new Set(orders.map((o) => o.number)).size} order numbers, ` +
      `${count((o) => o.lines.length > 1)} lines in multi-line orders, ${count((o) => o.kind === "return")} return lines, ` +
      `${count((o) => o.dateText !== undefined && !o.problem)} text dates, ` +
      `${orders.reduce((n, o) => n + o.lines.filter((l) => l.amountText !== undefined && !o.problem).length, 0)} text amounts`
  );
  const fullWidthRows = orderRowsOf(orders, (o) => o.customer?.id === FULL_WIDTH_ID);
  console.log(
    `  all ${fullWidthRows.length} lines of ${FULL_WIDTH_ID} say "${FULL_WIDTH_ID.toLowerCase()}": rows ${fullWidthRows.join(", ")}`
  );
  console.log("Deliberate problems and ID spellings:");
  for (const r of problemReport(orders))
    console.log(`  ${r.address.padEnd(12)} ${r.kind}: ${r.description}`);
}

/** The customer whose survey answer is a word, not a score: reported, left out of the NPS. */
const UNREADABLE_SCORE_ID = "C030";

/**
 * "How likely are you to recommend us, 0–10" (seed 003's NPS): about six customers in ten answered;
 * loyal buyers score high, lapsed ones low, prospects were never asked.
 */
function recommendationScore(random: () => number, profile: Profile): number | null {
  if (profile === "prospect" || random() < 0.4) return null;
  const [min, max] = {
    heavy: [9, 10],
    regular: [7, 10],
    occasional: [5, 9],
    oneTime: [3, 9],
    churned: [0, 6],
    dormant: [0, 6],
  }[profile];
  return min + Math.floor(random() * (max - min + 1));
}

/** Required information (seed 004 必填信息项) left blank, as happens: the hygiene check names the cells. */
function leaveGaps(customers: Customer[]): void {
  byId(customers, "C057").phone = "";
  byId(customers, "C064").region = "";
  byId(customers, "C090").contactName = "";
}

/**
 * Two pairs the data-hygiene check must find (and never merge): one phone number under two IDs, and
 * one firm entered twice with a space in its name.
 */
function addLikelyDuplicates(customers: Customer[]): void {
  byId(customers, "C101").phone = byId(customers, "C100").phone.replace(
    /^(\d{3})(\d{4})/,
    "$1 $2 "
  );
  const name = byId(customers, "C102").name;
  byId(customers, "C103").name = `${name.slice(0, 2)} ${name.slice(2)}`;
}

async function main(): Promise<void> {
  const rng = new Rng(SEED);
  const customers = makeCustomers(rng);
  const orders = makeOrders(rng, customers);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "华东区销售部";
  workbook.lastModifiedBy = "华东区销售部";
  workbook.created = FIXED_TIMESTAMP;
  workbook.modified = FIXED_TIMESTAMP;
  workbook.lastPrinted = FIXED_TIMESTAMP;
  addLikelyDuplicates(customers);
  leaveGaps(customers);
  writeArchive(workbook, rng, customers, orders);
  writeOrders(workbook, orders);
  writeNote(workbook, customers.length);
  const buyers = new Set(orders.filter((o) => o.customer && !o.problem).map((o) => o.customer?.id));
  const followups = writeFollowups(
    workbook,
    customers.map((c) => ({ id: c.id, owner: c.owner, buyer: buyers.has(c.id) })),
    SEED + 1
  );
  setCreated(workbook, customers, followups.firstDay);

  const xlsx = await workbook.xlsx.writeBuffer();
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, await withFixedZipDates(new Uint8Array(xlsx)));
  // Opened, the sample shows live tiers: it carries our sheets, scored by the command line's own
  // path as of its last day (saved in its settings sheet, so the next run keeps that date).
  const scored = await runScoreCommand(
    {
      input: OUTPUT,
      out: OUTPUT,
      asOf: SCORED_AS_OF,
      scheme: null,
      csv: null,
      lang: "zh-CN",
      modelJson: null,
    },
    SCORED_AS_OF
  );
  writeFileSync(OUTPUT, await withFixedZipDates(new Uint8Array(readFileSync(OUTPUT))));
  console.log(`Scored as of 2024-12-31: ${JSON.stringify(scored.report.tierCounts)}`);
  printSummary(customers, orders);
  console.log(
    `${FOLLOWUP_SHEET}: ${followups.lines} follow-up lines (C998 unknown, one unreadable date)`
  );
  console.log(
    `Hygiene: duplicates C100/C101 (phone), C102/C103 (name); blank required cells of C057 (phone), ` +
      `C064 (region), C090 (contact); ${UNREADABLE_SCORE_ID}'s recommendation score is a word`
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
