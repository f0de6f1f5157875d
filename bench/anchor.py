"""The Python anchor for `npm run bench`: what an analyst would run on the same orders in pandas
and scipy. RFM per customer (the engine's rules: fixed5 tiers over a 365-day window), the
per-customer summary the lifetime models use (same-day purchases merged, returns left out, weeks),
then BG/NBD and Gamma-Gamma fitted by maximum likelihood with scipy.optimize.minimize (L-BFGS-B
on log-parameters, finite-difference gradients), log-likelihoods written as in the `lifetimes`
library. Reading the CSV is not timed (the add-in's grid is already in memory too).
Prints a JSON line {rows, customers, ms, rfm_ms, fit_ms, peak_mb, bgnbd, gammagamma}."""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import gammaln

path, as_of = sys.argv[1], int(sys.argv[2])
df = pd.read_csv(path, dtype={"order_no": str, "customer_id": str, "day": np.int64, "amount": np.float64})


def rfm(df):
    codes, uniques = pd.factorize(df["customer_id"])
    keys = pd.Index(uniques).str.strip().str.lower()
    d = df.assign(customer=np.asarray(keys)[codes])
    d = d[d["day"] <= as_of]
    is_return = d["amount"].to_numpy() < 0
    purchases = d[~is_return]
    orders = purchases.groupby("order_no", sort=False).agg(
        customer=("customer", "first"), day=("day", "min"), amount=("amount", "sum"))
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
    out["tier"] = np.select([total >= 12, total >= 8, total >= 4],
                            ["high_value", "potential", "general"], "churn_risk")
    return out, purchases


def summary(purchases):
    days = purchases.groupby(["customer", "day"], sort=True)["amount"].sum().reset_index()
    g = days.groupby("customer", sort=False)
    first = g["day"].transform("min")
    days = days.assign(repeat=days["day"] != first)
    per = g.agg(first=("day", "min"), last=("day", "max"), n=("day", "size"))
    rep = days[days["repeat"]].groupby("customer")["amount"].mean()
    x = (per["n"] - 1).to_numpy(dtype=float)
    tx = (per["last"] - per["first"]).to_numpy(dtype=float) / 7
    T = (as_of - per["first"]).to_numpy(dtype=float) / 7
    mean = rep.reindex(per.index, fill_value=0.0).to_numpy()
    return x, tx, T, mean


def bgnbd_nll(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.sum(a1 + a2 + np.logaddexp(a3, a4)) / len(x)


def gg_nll(log_params, x, m):
    p, q, v = np.exp(log_params)
    ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v)
          + (p * x - 1) * np.log(m) + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))
    return -np.sum(ll) / len(x)


BOUNDS = [(np.log(1e-6), np.log(1e6))] * 4


def fits(x, tx, T, mean):
    bg = minimize(bgnbd_nll, np.zeros(4), args=(x, tx, T), method="L-BFGS-B", bounds=BOUNDS)
    keep = (x > 0) & (mean > 0)
    gg = minimize(gg_nll, np.array([0.0, np.log(2), np.log(max(mean[keep].mean(), 1e-5))]),
                  args=(x[keep], mean[keep]), method="L-BFGS-B", bounds=BOUNDS[:3])
    return bg, gg


def job(df):
    t0 = time.perf_counter()
    out, purchases = rfm(df)
    t1 = time.perf_counter()
    bg, gg = fits(*summary(purchases))
    t2 = time.perf_counter()
    return out, bg, gg, (t1 - t0) * 1000, (t2 - t1) * 1000


job(df.head(20000))
best = None
runs = 2 if len(df) > 200000 else 3
for _ in range(runs):
    t0 = time.perf_counter()
    out, bg, gg, rfm_ms, fit_ms = job(df)
    ms = (time.perf_counter() - t0) * 1000
    if best is None or ms < best[0]:
        best = (ms, rfm_ms, fit_ms)


def show(res, names):
    return " ".join(f"{n} {v:.3g}" for n, v in zip(names, np.exp(res.x))) + f" ({res.nfev} ev)"


print(json.dumps({
    "rows": len(df), "customers": len(out), "ms": best[0], "rfm_ms": best[1], "fit_ms": best[2],
    "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    "bgnbd": show(bg, ["r", "alpha", "a", "b"]), "gammagamma": show(gg, ["p", "q", "gamma"]),
}))
