/**
 * Conversion and CAC per lead channel (seed 004 第一步 信息来源 "需注明信息获取渠道"; seed 003 6.1
 * CAC = 营销总费用 ÷ 新增客户数, here per channel when the manager enters each channel's spend).
 * Pure: figures per channel, no words.
 */
import { cac, countNewCustomers } from "./metrics";
import { cellText, foldWidth, isBlank } from "./parse";
import { memoByText } from "./textMemo";
import type { Cell, Serial } from "./types";

export interface ChannelInput {
  /** 客户来源/渠道 cell as written. */
  source: Cell;
  /** Bought at least once, or reached 成交 in the follow-up records (as the distribution counts). */
  converted: boolean;
  firstPurchase: Serial | null;
  /** Net revenue in the window. */
  revenue: number;
}

export interface ChannelResult {
  /** Matching key of the channel: width-folded, without spaces, lower case; "" for a blank cell. */
  key: string;
  /** The channel as first written (trimmed); "" for customers with a blank cell. */
  channel: string;
  customers: number;
  converted: number;
  /** converted ÷ customers. */
  conversion: number;
  /** Customers whose first purchase falls in the window: the denominator of the channel's CAC. */
  newCustomers: number;
  revenue: number;
}

/** The matching key of a channel name ("官网 " and "官网" are one channel). */
export function channelKey(text: string): string {
  return foldWidth(text).replace(/\s+/g, "").toLowerCase();
}

/** Per channel, most customers first (then first seen); the blank channel last. */
export function channelResults(
  customers: readonly ChannelInput[],
  windowStart: Serial,
  asOf: Serial
): ChannelResult[] {
  const groups = new Map<string, { channel: string; members: ChannelInput[] }>();
  const groupOf = memoByText((source: Cell) => {
    const text = isBlank(source) ? "" : cellText(source).trim();
    const key = channelKey(text);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { channel: text, members: [] }));
    return g;
  });
  for (const c of customers) groupOf(c.source).members.push(c);
  const out = [...groups].map(([key, g], first) => {
    const converted = g.members.filter((m) => m.converted).length;
    return {
      first,
      result: {
        key,
        channel: g.channel,
        customers: g.members.length,
        converted,
        conversion: converted / g.members.length,
        newCustomers: countNewCustomers(
          g.members.map((m) => m.firstPurchase),
          windowStart,
          asOf
        ),
        revenue: Math.round(g.members.reduce((s, m) => s + m.revenue, 0) * 100) / 100,
      },
    };
  });
  return out
    .sort(
      (a, b) =>
        Number(a.result.key === "") - Number(b.result.key === "") ||
        b.result.customers - a.result.customers ||
        a.first - b.first
    )
    .map((e) => e.result);
}

/** A channel's CAC: its spend ÷ its new customers; null without a spend or a new customer. */
export function channelCac(spend: number | null, result: ChannelResult): number | null {
  return cac(spend, result.newCustomers);
}
