/** Seed 003's CLV: 平均每次购买金额 × 年购买次数 × 客户留存年数 × 利润率. */
export function simpleClv(
  avgOrderValue: number,
  ordersPerYear: number,
  retentionYears: number,
  margin: number
): number {
  return avgOrderValue * ordersPerYear * retentionYears * margin;
}
