"""The example survey exports of the "Your own survey" notebook (``datasets/examples/``).

Both files are invented for the course and written the way the survey tools write their
exports, so that the notebook can show reading, mapping, scales and not-applicable codes on a
realistic file:

* ``wjx_hotel_kano.csv``: a 问卷星 (Wenjuanxin) export of a KANO survey of a fictional
  business hotel, one row per guest: 问卷星's respondent columns, two single-choice questions,
  two questions per feature (functional, dysfunctional) answered in the standard Chinese
  wording with the variants real respondents produce (traditional characters, stray spaces,
  a full stop, 问卷星's "(跳过)"), and an overall satisfaction question in words;
* ``qualtrics_airport_journey.csv``: a Qualtrics export ("numeric values") of a passenger
  survey at a fictional regional airport: the three header rows, a ticket-class question, a
  grid of touchpoint ratings 1-7 where 99 codes "Not applicable" (no checked bag, no ground
  transport taken), a grid of stated importance 1-7 and overall satisfaction 1-7.

What is planted is in :data:`KANO_FEATURES`, :data:`JOURNEY` and the data card
(``datasets/examples/README.md``). Each file draws from its own fixed seed.
"""
from __future__ import annotations

import csv
import io
import json

import numpy as np
import pandas as pd

from .kano import _PAIRS, CATS
from .model import stream, to_scale

KANO_SEED, JOURNEY_SEED = 5101, 5201
KANO_GUESTS = 90
#: feature -> planted mix of A, O, M, I, R (shares of guests).
KANO_FEATURES = {
    "免费WiFi": (0.06, 0.20, 0.62, 0.10, 0.02),
    "自助入住机": (0.52, 0.12, 0.05, 0.29, 0.02),
    "延迟退房": (0.30, 0.48, 0.07, 0.13, 0.02),
    "欢迎饮品": (0.25, 0.05, 0.03, 0.64, 0.03),
    "客房智能音箱": (0.14, 0.03, 0.02, 0.56, 0.25),
}
PURPOSES = {"商务": 0.62, "休闲": 0.28, "探亲": 0.10}
#: The standard wording (codes 1-5) and the variants respondents type or tools write.
WORDING = ("我喜欢", "它理应如此", "无所谓", "我能忍受", "我不喜欢")
VARIANTS = (("很喜欢", "我喜歡", "我 喜欢"), ("理所当然", "它理應如此", "理应如此。"),
            ("無所謂", "无所谓 ", "没感觉"), ("我能 忍受", "可以忍受", "能忍受"),
            ("我不喜歡", "我不喜欢。", "不喜欢"))
VARIANT_SHARE, SKIP_SHARE = 0.12, 0.03
SATISFACTION = ("非常不满意", "不满意", "一般", "满意", "非常满意")

JOURNEY_PASSENGERS = 160
#: touchpoint -> (mean latent rating, weight in overall satisfaction, mean stated importance,
#: share with no such moment: coded 99 "Not applicable").
JOURNEY = {
    "Check-in": (5.3, 0.10, 6.0, 0.00),
    "Security": (4.4, 0.38, 5.7, 0.00),
    "Boarding gate": (5.0, 0.07, 5.5, 0.00),
    "In-flight": (5.4, 0.08, 6.4, 0.00),
    "Baggage claim": (4.7, 0.22, 5.3, 0.30),
    "Ground transport": (4.5, 0.15, 4.9, 0.12),
}
BUSINESS_SHARE, NOT_APPLICABLE = 0.12, 99


def _kano_answers(rng, n):
    """(functional, dysfunctional) codes 1-5, one column per feature."""
    k = len(KANO_FEATURES)
    func, dysf = np.empty((n, k), dtype=np.int64), np.empty((n, k), dtype=np.int64)
    for j, mix in enumerate(KANO_FEATURES.values()):
        cat = rng.choice(len(CATS), size=n, p=np.asarray(mix) / sum(mix))
        for c, label in enumerate(CATS):
            where = np.flatnonzero(cat == c)
            pairs, probs = zip(*_PAIRS[label])
            chosen = rng.choice(len(pairs), size=len(where), p=np.asarray(probs) / sum(probs))
            func[where, j] = [pairs[i][0] + 1 for i in chosen]
            dysf[where, j] = [pairs[i][1] + 1 for i in chosen]
    return func, dysf


def _spell(rng, codes):
    words = np.array(WORDING, dtype=object)[codes - 1]
    variant = rng.random(codes.shape) < VARIANT_SHARE
    pick = rng.integers(0, 3, codes.shape)
    for idx in zip(*np.nonzero(variant)):
        words[idx] = VARIANTS[codes[idx] - 1][pick[idx]]
    words[rng.random(codes.shape) < SKIP_SHARE] = "(跳过)"
    return words


def wjx_kano() -> bytes:
    rng = stream(KANO_SEED)
    n = KANO_GUESTS
    start = pd.Timestamp("2025-03-03 08:00:00")
    seconds = np.sort(rng.integers(0, 12 * 86400, n))
    purpose = rng.choice(list(PURPOSES), size=n, p=list(PURPOSES.values()))
    func, dysf = _kano_answers(rng, n)
    f_words, d_words = _spell(rng, func), _spell(rng, dysf)
    overall = to_scale(3.7 + rng.normal(0, 0.9, n), 1, 5)
    header = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP", "1、您的性别",
              "2、您这次入住的主要目的"]
    for j, feature in enumerate(KANO_FEATURES):
        header += [f"{3 + 2 * j}、如果酒店提供{feature}，您的感受是？",
                   f"{4 + 2 * j}、如果酒店不提供{feature}，您的感受是？"]
    header.append(f"{3 + 2 * len(KANO_FEATURES)}、总体而言，您对本次入住满意吗？")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    cities = ("广东-广州", "上海-上海", "北京-北京", "浙江-杭州", "四川-成都")
    for i in range(n):
        when = start + pd.Timedelta(seconds=int(seconds[i]))
        row = [i + 1, f"{when.year}/{when.month}/{when.day} {when.hour}:{when.minute:02d}:{when.second:02d}",
               f"{int(rng.integers(60, 420))}秒", rng.choice(["手机提交", "微信", "链接"]),
               rng.choice(["直接访问", "N/A"]),
               f"192.0.2.{int(rng.integers(1, 255))}({rng.choice(cities)})",
               rng.choice(["男", "女"]), purpose[i]]
        for j in range(len(KANO_FEATURES)):
            row += [f_words[i, j], d_words[i, j]]
        row.append(SATISFACTION[overall[i] - 1])
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def qualtrics_journey() -> bytes:
    rng = stream(JOURNEY_SEED)
    n = JOURNEY_PASSENGERS
    names = list(JOURNEY)
    business = rng.random(n) < BUSINESS_SHARE
    mood = rng.normal(0, 0.7, n)
    latent = np.column_stack([spec[0] + mood + rng.normal(0, 1.0, n) for spec in JOURNEY.values()])
    latent[:, 0] += 0.8 * business                     # business class has its own check-in
    applies = np.column_stack([rng.random(n) >= spec[3] for spec in JOURNEY.values()])
    weights = np.array([spec[1] for spec in JOURNEY.values()])
    centred = latent - latent.mean(axis=0)
    overall_latent = 4.6 + (np.where(applies, centred, 0) * weights).sum(axis=1) * 1.6 \
        + rng.normal(0, 0.55, n)
    ratings = to_scale(latent, 1, 7).astype(object)
    ratings[~applies] = NOT_APPLICABLE
    stated = to_scale(np.column_stack([spec[2] + rng.normal(0, 0.8, n) for spec in JOURNEY.values()]), 1, 7)
    overall = to_scale(overall_latent, 1, 7)

    meta = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
            "Finished", "RecordedDate", "ResponseId", "DistributionChannel", "UserLanguage"]
    texts = ["Start Date", "End Date", "Response Type", "IP Address", "Progress",
             "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
             "Distribution Channel", "User Language"]
    ids = ["startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
           "recordedDate", "_recordId", "distributionChannel", "userLanguage"]
    header, text, imports = list(meta), list(texts), []
    for name in ids:
        entry = {"ImportId": name}
        if name.endswith("Date"):
            entry["timeZone"] = "Asia/Shanghai"
        imports.append(json.dumps(entry, separators=(",", ":")))
    header.append("Q1")
    text.append("Which ticket did you travel on?")
    imports.append('{"ImportId":"QID1"}')
    for q, stem in ((2, "How would you rate each part of your trip today?"),
                    (3, "How important is each part of a trip to you?")):
        for j, name in enumerate(names, start=1):
            header.append(f"Q{q}_{j}")
            text.append(f"{stem} - {name}")
            imports.append(json.dumps({"ImportId": f"QID{q}_{j}"}, separators=(",", ":")))
    header.append("Q4")
    text.append("Overall, how satisfied are you with your trip through the airport?")
    imports.append('{"ImportId":"QID4"}')

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([header, text, imports])
    start = pd.Timestamp("2025-04-07 06:30:00")
    seconds = np.sort(rng.integers(0, 9 * 86400, n))
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"))
    for i in range(n):
        began = start + pd.Timedelta(seconds=int(seconds[i]))
        took = int(rng.integers(90, 600))
        ended = began + pd.Timedelta(seconds=took)
        row = [f"{began:%Y-%m-%d %H:%M:%S}", f"{ended:%Y-%m-%d %H:%M:%S}", 0,
               f"198.51.100.{int(rng.integers(1, 255))}", 100, took, 1,
               f"{ended + pd.Timedelta(seconds=1):%Y-%m-%d %H:%M:%S}",
               "R_" + "".join(rng.choice(letters, 15)), "anonymous",
               rng.choice(["EN", "ZH-S"], p=[0.4, 0.6]), 2 if business[i] else 1]
        row += list(ratings[i]) + list(stated[i]) + [overall[i]]
        writer.writerow(row)
    return out.getvalue().encode("utf-8-sig")


def generate() -> dict[str, bytes]:
    """{path under datasets/: bytes} of every example export."""
    return {"examples/wjx_hotel_kano.csv": wjx_kano(),
            "examples/qualtrics_airport_journey.csv": qualtrics_journey()}
