package org.ubcs.statistics.mapping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.ubcs.api.model.Classification;
import org.ubcs.api.model.ContactVerdict;
import org.ubcs.api.model.ReviewRecommendation;
import org.ubcs.api.model.Statistics;
import org.ubcs.api.model.StatisticsAppeals;
import org.ubcs.api.model.StatisticsByClassification;
import org.ubcs.api.model.StatisticsByRestrictionType;
import org.ubcs.api.model.StatisticsCases;
import org.ubcs.api.model.StatisticsClassificationCount;
import org.ubcs.api.model.StatisticsContactChecks;
import org.ubcs.api.model.StatisticsCount;
import org.ubcs.api.model.StatisticsDays;
import org.ubcs.api.model.StatisticsDurations;
import org.ubcs.api.model.StatisticsEmergencyRestrictions;
import org.ubcs.api.model.StatisticsReadAndFile;
import org.ubcs.api.model.StatisticsRegister;
import org.ubcs.api.model.StatisticsRestrictionTypeCount;
import org.ubcs.api.model.StatisticsRestrictions;
import org.ubcs.api.model.StatisticsReviewOutcomeCount;
import org.ubcs.api.model.StatisticsReviews;
import org.ubcs.api.model.StatisticsRiskLevelCount;
import org.ubcs.api.model.StatisticsVerdictCount;
import org.ubcs.statistics.domain.StatisticsFigures;
import org.ubcs.statistics.domain.Suppression;
import org.ubcs.statistics.domain.Tally;

/** From the counted figures to the contract's model, applying the small-numbers rule to every count and percentile. */
public final class StatisticsMapper {

    private StatisticsMapper() {
    }

    public static Statistics toApi(StatisticsFigures f, Suppression rule) {
        StatisticsFigures.Cases cases = f.cases();
        StatisticsFigures.Restrictions r = f.restrictions();
        StatisticsFigures.Reviews reviews = f.reviews();
        StatisticsFigures.Appeals a = f.appeals();
        StatisticsFigures.ReadAndFile rf = f.readAndFile();
        StatisticsFigures.Durations d = f.daysFromReferralToDecision();
        Statistics api = new Statistics(f.period().from(), f.period().to(), rule.below(),
                new StatisticsCases(byClassification(cases.referred(), rule),
                        byClassification(cases.policyApplied(), rule),
                        byClassification(cases.policyNotApplied(), rule), byClassification(cases.closed(), rule)),
                new StatisticsDurations(count(d.decisions(), rule), days(d.median(), d.decisions(), rule),
                        days(d.percentile90(), d.decisions(), rule)),
                new StatisticsRestrictions(byType(r.imposed(), rule), byType(r.lifted(), rule),
                        byType(r.inForceAtEnd(), rule)),
                new StatisticsEmergencyRestrictions(count(r.emergencyImposed(), rule),
                        count(r.emergencyAssessmentsOverdue(), rule)),
                new StatisticsReviews(count(reviews.held().total(), rule),
                        entries(reviews.held()).map(e -> new StatisticsReviewOutcomeCount(
                                ReviewRecommendation.fromValue(e.getKey()), count(e.getValue(), rule))).toList(),
                        count(reviews.overdue(), rule), count(reviews.lapsed(), rule),
                        count(reviews.escalated(), rule)),
                new StatisticsAppeals(count(a.lodged(), rule), count(a.late(), rule), count(a.lateAccepted(), rule),
                        count(a.lateRefused(), rule), count(a.upheld(), rule), count(a.varied(), rule),
                        count(a.dismissed(), rule), count(a.decidedOnTime(), rule)),
                new StatisticsReadAndFile(count(rf.received(), rule), count(rf.screenedOnTime(), rule),
                        count(rf.screenedLate(), rule), count(rf.unscreenedPastDue(), rule)),
                new StatisticsContactChecks(count(f.contactChecks().total(), rule),
                        entries(f.contactChecks()).map(e -> new StatisticsVerdictCount(
                                ContactVerdict.fromValue(e.getKey()), count(e.getValue(), rule))).toList()));
        api.setDepartment(f.period().department());
        if (f.register() != null) {
            api.setRegister(new StatisticsRegister(count(f.register().entriesApproved().total(), rule),
                    entries(f.register().entriesApproved())
                            .map(e -> new StatisticsRiskLevelCount(e.getKey(), count(e.getValue(), rule))).toList(),
                    count(f.register().annualReviewsOverdue(), rule)));
        }
        return api;
    }

    static StatisticsCount count(long n, Suppression rule) {
        StatisticsCount count = new StatisticsCount(rule.hides(n), rule.display(n));
        if (!rule.hides(n)) {
            count.setValue(n);
        }
        return count;
    }

    /** A median or percentile of {@code values} values: hidden when there are too few, "none" without any. */
    static StatisticsDays days(Double days, long values, Suppression rule) {
        if (days == null || values == 0) {
            return new StatisticsDays(false, "none");
        }
        if (rule.hidesFigureFrom(values)) {
            return new StatisticsDays(true, "<" + rule.below());
        }
        StatisticsDays figure = new StatisticsDays(false, BigDecimal.valueOf(days).stripTrailingZeros()
                .toPlainString());
        figure.setValue(days);
        return figure;
    }

    private static StatisticsByClassification byClassification(Tally tally, Suppression rule) {
        List<StatisticsClassificationCount> by = entries(tally).map(e -> new StatisticsClassificationCount(
                Classification.fromValue(e.getKey()), count(e.getValue(), rule))).toList();
        return new StatisticsByClassification(count(tally.total(), rule), by);
    }

    private static StatisticsByRestrictionType byType(Tally tally, Suppression rule) {
        return new StatisticsByRestrictionType(count(tally.total(), rule), entries(tally)
                .map(e -> new StatisticsRestrictionTypeCount(e.getKey(), count(e.getValue(), rule))).toList());
    }

    private static java.util.stream.Stream<Map.Entry<String, Long>> entries(Tally tally) {
        return tally.byKey().entrySet().stream();
    }
}
