import type { Cell, SheetGrid } from "../src/core/types";
import { mulberry32 } from "../scripts/prng";

export const prng = mulberry32;

export const BENCH_AS_OF = 45657; // 2024-12-31

export interface BenchWorkbook {
  archive: SheetGrid;
  orders: SheetGrid;
  customers: number;
}

/**
 * An archive and an orders sheet as Office.js delivers them: serial dates and numeric amounts,
 * IDs as text, ~1.3 lines per order, 2% returns, a few lines after the as-of date.
 */
export function makeBenchWorkbook(
  orderRows: number,
  seed = 42,
  customers = Math.max(100, Math.round(orderRows / 10.5))
): BenchWorkbook {
  const random = prng(seed);
  const id = (i: number) => "C" + String(i).padStart(6, "0");
  const archive: Cell[][] = [["客户ID", "客户名称"]];
  for (let i = 0; i < customers; i++) archive.push([id(i), "客户" + i]);
  const orders: Cell[][] = [["订单号", "客户ID", "交易日期", "金额(元)"]];
  let order = 0;
  while (orders.length <= orderRows) {
    order++;
    // Skewed activity: low customer numbers buy more often, as in real books.
    const customer = id(Math.floor(customers * random() ** 1.6));
    const day = BENCH_AS_OF - Math.floor(random() * 730) + (random() < 0.002 ? 10 : 0);
    const lines = random() < 0.25 ? 2 : 1;
    for (let l = 0; l < lines && orders.length <= orderRows; l++) {
      const amount = Math.round(random() * 500000) / 100;
      orders.push([
        "SO" + String(order).padStart(8, "0"),
        customer,
        day,
        random() < 0.02 ? -amount : amount,
      ]);
    }
  }
  return {
    archive: { name: "客户档案", values: archive },
    orders: { name: "销售订单", values: orders },
    customers,
  };
}
