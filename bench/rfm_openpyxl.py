"""`npm run bench:cli`'s yardstick: the command line's job scripted in pandas + openpyxl.

Reads every sheet of the workbook, computes R/F/M and the fixed five-level scores and tiers (the
same rules as bench/rfm_pandas.py), and writes a new workbook with the input's sheets plus a tier
sheet. Prints one JSON line: seconds per step, peak memory (MB), customers.
Usage: rfm_openpyxl.py INPUT.xlsx OUTPUT.xlsx AS_OF_SERIAL
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

path, out, as_of = sys.argv[1], sys.argv[2], int(sys.argv[3])

t0 = time.perf_counter()
sheets = pd.read_excel(path, sheet_name=None, engine="openpyxl")
t_read = time.perf_counter()

orders = sheets["销售订单"].rename(
    columns={"订单号": "order_no", "客户ID": "customer_id", "交易日期": "day", "金额(元)": "amount"}
)
archive = sheets["客户档案"]
if not pd.api.types.is_numeric_dtype(orders["day"]):
    # Dates read as dates: Excel serial days, as in the generated workbooks.
    when = pd.to_datetime(orders["day"], errors="coerce")
    orders["day"] = (when - pd.Timestamp("1899-12-30")).dt.days
orders["amount"] = pd.to_numeric(orders["amount"], errors="coerce").fillna(0.0)


def score(df):
    codes, uniques = pd.factorize(df["customer_id"].astype(str))
    keys = pd.Index(uniques).str.strip().str.lower()
    d = df.assign(customer=np.asarray(keys)[codes])
    d = d[d["day"] <= as_of]
    is_return = d["amount"].to_numpy() < 0
    purchases = d[~is_return]
    orders_ = purchases.groupby("order_no", sort=False).agg(
        customer=("customer", "first"), day=("day", "min"), amount=("amount", "sum")
    )
    start = as_of - 365 + 1
    last = orders_.groupby("customer")["day"].max()
    win = orders_[orders_["day"] >= start]
    freq = win.groupby("customer").size()
    money = win.groupby("customer")["amount"].sum()
    returns = d[is_return]
    ret = returns[returns["day"] >= start].groupby("customer")["amount"].sum()
    result = pd.DataFrame({"last": last})
    result["F"] = freq.reindex(result.index, fill_value=0)
    result["M"] = money.reindex(result.index, fill_value=0.0) + ret.reindex(result.index, fill_value=0.0)
    result["R"] = as_of - result["last"].to_numpy()
    r_days = result["R"].to_numpy()
    r = np.select([r_days <= 30, r_days <= 60, r_days <= 90, r_days <= 180], [5, 4, 3, 2], 1)
    f_ = result["F"].to_numpy()
    f = np.select([f_ >= 12, f_ >= 8, f_ >= 4, f_ >= 2], [5, 4, 3, 2], 1)
    m_ = np.maximum(result["M"].to_numpy(), 0)
    m = np.select([m_ >= 10000, m_ >= 5000, m_ >= 3000, m_ >= 1000], [5, 4, 3, 2], 1)
    total = r + f + m
    result["R score"], result["F score"], result["M score"], result["Total"] = r, f, m, total
    result["Tier"] = np.select(
        [total >= 12, total >= 8, total >= 4], ["high_value", "potential", "general"], "churn_risk"
    )
    return result


scores = score(orders)
ids = archive["客户ID"].astype(str)
tiers = archive.assign(key=ids.str.strip().str.lower()).merge(
    scores, left_on="key", right_index=True, how="left"
).drop(columns=["key"])
tiers["Tier"] = tiers["Tier"].fillna("no_purchases")
t_score = time.perf_counter()

with pd.ExcelWriter(out, engine="openpyxl") as writer:
    for name, frame in sheets.items():
        frame.to_excel(writer, sheet_name=name, index=False)
    tiers.to_excel(writer, sheet_name="客户分层", index=False)
t_write = time.perf_counter()

print(
    json.dumps(
        {
            "read_s": t_read - t0,
            "score_s": t_score - t_read,
            "write_s": t_write - t_score,
            "total_s": t_write - t0,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "customers": int(len(tiers)),
            "order_lines": int(len(orders)),
        }
    )
)
