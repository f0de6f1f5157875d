import type { WatchKind } from "../core/cadence";
import type { DuplicateReason } from "../core/hygiene";
import type { SegmentField } from "../core/distribution";
import { strings } from "./index";
import type { Stage } from "../core/followups";
import type { Lang } from "../core/types";

/**
 * Words of the follow-up, funnel and data-hygiene parts (seed 004, seed 003 §2.3): stage names,
 * watchlist reasons, archive field names, duplicate reasons. Both languages side by side.
 */

type Text = Record<Lang, string>;

/** Seed 004's stage names: 潜在客户 → 意向客户 → 谈判客户 → 成交客户, 流失客户. */
export const STAGE_LABELS: Record<Stage | "unstaged", Text> = {
  potential: { "zh-CN": "潜在", "en-US": "Potential" },
  intent: { "zh-CN": "意向", "en-US": "Intent" },
  negotiation: { "zh-CN": "谈判", "en-US": "Negotiation" },
  won: { "zh-CN": "成交", "en-US": "Won" },
  lost: { "zh-CN": "流失", "en-US": "Lost" },
  unstaged: { "zh-CN": "未填阶段", "en-US": "No stage given" },
};

export function stageLabel(stage: Stage | "unstaged" | null, lang: Lang): string {
  return stage === null ? "" : STAGE_LABELS[stage][lang];
}

export const WATCH_KIND_LABELS: Record<WatchKind, Text> = {
  overdue: { "zh-CN": "逾期未跟进", "en-US": "Next step overdue" },
  cadence: { "zh-CN": "跟进间隔超期", "en-US": "Cadence broken" },
  contact: { "zh-CN": "联系间隔超期", "en-US": "Contact overdue" },
};

/** Archive fields named in the distribution and the missing-fields list. */
export const FIELD_LABELS: Record<SegmentField | "name" | "contactName" | "phone", Text> = {
  industry: { "zh-CN": "所属行业", "en-US": "Industry" },
  region: { "zh-CN": "区域", "en-US": "Region" },
  size: { "zh-CN": "企业规模", "en-US": "Company size" },
  name: { "zh-CN": "客户名称", "en-US": "Customer name" },
  contactName: { "zh-CN": "对接人姓名", "en-US": "Contact name" },
  phone: { "zh-CN": "联系方式", "en-US": "Phone" },
};

export function fieldLabel(field: string, lang: Lang): string {
  const label = (FIELD_LABELS as Record<string, Text | undefined>)[field];
  const lead = (strings(lang).leads.fields as Record<string, string | undefined>)[field];
  return label ? label[lang] : (lead ?? field);
}

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, Text> = {
  phone: { "zh-CN": "联系电话相同", "en-US": "same phone" },
  name: { "zh-CN": "客户名称相同", "en-US": "same name" },
};
