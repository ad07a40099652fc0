"""Exercise 03's questions. Expected values from the data are computed here with numpy and scipy
when a check runs (not with the coursekit.servqual functions the exercise asks for)."""
import numpy as np

from ..answers import Choice, Label, Number, Together, YesNo
from . import Question
from .hotel import SPANS, alpha, answers, dimension_gap, table

DIMENSIONS = list(SPANS)
LETTERS = ["A", "B", "C", "D"]


def _weights(hotel):
    data = table("hotel_servqual")
    columns = [f"w_{d.lower()}" for d in DIMENSIONS]
    return data.loc[data["property"] == hotel, columns].to_numpy(dtype=float) / 100


def _gaps(hotel):
    return np.column_stack([dimension_gap(hotel, d) for d in DIMENSIONS])


def _weighted_score():
    return float((_gaps("Downtown") * _weights("Downtown")).sum(axis=1).mean())


def _first(weighted: bool):
    gaps = _gaps("Lakeside")
    values = (gaps * _weights("Lakeside")).mean(axis=0) if weighted else gaps.mean(axis=0)
    return DIMENSIONS[int(np.argmin(values))]


def _alpha_e():
    return alpha(answers("hotel_servqual", "Downtown", "E_", "Responsiveness"))


def _alpha_low():
    from scipy.stats import f

    values = answers("hotel_servqual", "Downtown", "E_", "Responsiveness")
    n, k = values.shape
    return 1 - (1 - _alpha_e()) * f.isf(0.025, n - 1, (n - 1) * (k - 1))


def _mss_tangibles():
    perceived = answers("hotel_zone", "Downtown", "P_", "Tangibles").mean(axis=1)
    desired = answers("hotel_zone", "Downtown", "D_", "Tangibles").mean(axis=1)
    return float((perceived - desired).mean())


def _assurance_interval():
    from scipy import stats

    result = stats.ttest_ind(dimension_gap("Downtown", "Assurance"),
                             dimension_gap("Lakeside", "Assurance"), equal_var=False)
    return result.confidence_interval(0.95)


QUESTIONS = {
    "q1": Question("lakeside_reliability_gap", Number(
        lambda: float(dimension_gap("Lakeside", "Reliability").mean()),
        right="Right: Lakeside's guests perceive reliability below what they expect of an "
              "excellent hotel, by a little less than a point.",
        hint="Take the Lakeside row for Reliability and the gap column (perception minus "
             "expectation), not the expectation or the perception alone.")),
    "q2": Question("downtown_weighted", Number(
        _weighted_score,
        right="Right: a little more negative than Downtown's unweighted score, because its largest "
              "gap, responsiveness, is on a dimension guests give many points.",
        hint="Pass only Downtown's guests (survey[hotel == \"Downtown\"]) to ck.servqual.score, "
             "with weights=True.")),
    "q3": Question(("first_unweighted", "first_weighted"), Together({
        "first_unweighted": Label(lambda: _first(False), DIMENSIONS, noun="dimension", hint=(
            "(a) is not right yet: which dimension has Lakeside's most negative plain gap?")),
        "first_weighted": Label(lambda: _first(True), DIMENSIONS, noun="dimension", hint=(
            "(b) is not right yet: which dimension has the most negative value in weighted_gaps?")),
    }, right="Right: weighting by the guests' points moves Lakeside's first priority from the "
             "building to keeping promises.")),
    "q4": Question(("alpha_responsiveness_E", "interval_above_07"), Together({
        "alpha_responsiveness_E": Number(_alpha_e, hint=(
            "Alpha is not right yet. Use the expectation table E (not P), Downtown's guests only, "
            "and the four responsiveness columns.")),
        "interval_above_07": YesNo(lambda: _alpha_low() > 0.7, hint=(
            "Compare alpha.ci[0], the lower end of the interval, with 0.7.")),
    }, right="Right: the expectation items of responsiveness move together as well as the "
             "perception items do.")),
    "q5": Question(("mss_tangibles", "above_zone"), Together({
        "mss_tangibles": Number(_mss_tangibles, hint=(
            "MSS is not right yet: it is perceived minus desired (not minus adequate), for "
            "Downtown's guests of the zone survey.")),
        "above_zone": YesNo(lambda: _mss_tangibles() > 0, hint=(
            "Not right yet: service is above the zone when it is higher than the desired level, "
            "that is when MSS is above 0.")),
    }, right="Right: after the refurbishment, Downtown gives its guests more tangibles than they "
             "desire.")),
    "q6": Question(("assurance_low", "assurance_real"), Together({
        "assurance_low": Number(lambda: float(_assurance_interval().low), hint=(
            "The lower end is not right yet: read ci_low in the Assurance row of the t interval "
            "(method=\"t\"), Downtown minus Lakeside.")),
        "assurance_real": YesNo(lambda: not (_assurance_interval().low <= 0 <= _assurance_interval().high),
                                hint="Does the interval include 0? If it does, the data cannot "
                                     "tell the hotels apart."),
    }, right="Right: the interval includes 0, so this survey cannot say which hotel does worse on "
             "assurance — which does not prove they are the same.")),
    "q7": Question("negative_gap_reading", Choice(
        "B", LETTERS,
        right="Right: a negative gap is not always bad. Guests compare with an excellent hotel; "
              "the zone of tolerance says whether they accept what they get.",
        hint="Think about what the expectation in SERVQUAL is about (an excellent hotel) and what "
             "MSS above 0 means.")),
    "q8": Question(("downtown_first", "lakeside_first"), Together({
        "downtown_first": Label("Responsiveness", DIMENSIONS, noun="dimension", hint=(
            "Downtown is not right yet: which dimension has its largest gap, its largest "
            "weighted gap and the lowest MSA?")),
        "lakeside_first": Label("Reliability", DIMENSIONS, noun="dimension", hint=(
            "Lakeside is not right yet: the largest plain gap sits inside the zone; which "
            "dimension is below the zone and first by weighted gap?")),
    }, right="Right: Downtown's responsiveness and Lakeside's reliability are below the zone "
             "and first by weighted gap. Now write the memos.")),
}
