"""The engine's computation in pandas, for the bench's ratio: same rules, data from a CSV
(reading it is not timed, as the engine's grid is already in memory too).
Prints a JSON line {rows, customers, ms}."""
import json
import sys
import time

import numpy as np
import pandas as pd

path, as_of = sys.argv[1], int(sys.argv[2])
df = pd.read_csv(path, dtype={"order_no": str, "customer_id": str, "day": np.int64, "amount": np.float64})


def score(df):
    # IDs match after trimming and case folding: normalise each distinct ID once.
    codes, uniques = pd.factorize(df["customer_id"])
    keys = pd.Index(uniques).str.strip().str.lower()
    customer = np.asarray(keys)[codes]
    d = df.assign(customer=customer)
    d = d[d["day"] <= as_of]
    is_return = d["amount"].to_numpy() < 0
    purchases = d[~is_return]
    orders = purchases.groupby("order_no", sort=False).agg(customer=("customer", "first"), day=("day", "min"), amount=("amount", "sum"))
    start = as_of - 365 + 1
    last = orders.groupby("customer")["day"].max()
    win = orders[orders["day"] >= start]
    freq = win.groupby("customer").size()
    money = win.groupby("customer")["amount"].sum()
    returns = d[is_return]
    ret = returns[returns["day"] >= start].groupby("customer")["amount"].sum()
    out = pd.DataFrame({"last": last})
    out["F"] = freq.reindex(out.index, fill_value=0)
    out["M"] = money.reindex(out.index, fill_value=0.0) + ret.reindex(out.index, fill_value=0.0)
    r_days = as_of - out["last"].to_numpy()
    r = np.select([r_days <= 30, r_days <= 60, r_days <= 90, r_days <= 180], [5, 4, 3, 2], 1)
    f_ = out["F"].to_numpy()
    f = np.select([f_ >= 12, f_ >= 8, f_ >= 4, f_ >= 2], [5, 4, 3, 2], 1)
    m_ = np.maximum(out["M"].to_numpy(), 0)
    m = np.select([m_ >= 10000, m_ >= 5000, m_ >= 3000, m_ >= 1000], [5, 4, 3, 2], 1)
    total = r + f + m
    out["tier"] = np.select([total >= 12, total >= 8, total >= 4], ["high_value", "potential", "general"], "churn_risk")
    return out


score(df.head(20000))
times = []
for _ in range(3):
    t0 = time.perf_counter()
    result = score(df)
    times.append((time.perf_counter() - t0) * 1000)
print(json.dumps({"rows": len(df), "customers": len(result), "ms": min(times)}))
