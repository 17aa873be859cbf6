package org.ubcs.statistics.service;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ubcs.api.model.Classification;
import org.ubcs.api.model.ContactVerdict;
import org.ubcs.api.model.ReviewRecommendation;
import org.ubcs.policy.ActivePolicy;
import org.ubcs.problem.FieldError;
import org.ubcs.problem.ProblemException;
import org.ubcs.restriction.domain.Terms;
import org.ubcs.statistics.domain.StatisticsFigures;
import org.ubcs.statistics.domain.StatisticsPeriod;
import org.ubcs.statistics.domain.Suppression;
import org.ubcs.statistics.repository.StatisticsRepository;
import org.ubcs.time.DateOrder;
import org.ubcs.time.LondonClock;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;

import io.smallrye.mutiny.Uni;

/**
 * Statistics for senior management: checks the period, then counts each group of figures with one query. Read only,
 * so no transaction and no audit record; the figures hold no personal data.
 */
@ApplicationScoped
public class StatisticsService {

    /** The longest period one request may cover. */
    public static final Period LONGEST_PERIOD = Period.ofYears(5);

    public static final String PERIOD_TOO_LONG = "STATISTICS_PERIOD_TOO_LONG";

    /** The restriction types, as stored and as the terms' {@code type} names them. */
    private static final List<String> RESTRICTION_TYPES = Arrays.stream(Terms.class
            .getAnnotation(JsonSubTypes.class).value()).map(t -> t.value().getAnnotation(JsonTypeName.class).value())
            .toList();

    private static final List<String> CLASSIFICATIONS = Arrays.stream(Classification.values()).map(Enum::name)
            .toList();

    private static final List<String> REVIEW_OUTCOMES = Arrays.stream(ReviewRecommendation.values())
            .map(Enum::name).toList();

    private static final List<String> VERDICTS = Arrays.stream(ContactVerdict.values()).map(Enum::name).toList();

    @Inject
    StatisticsRepository repository;

    @Inject
    ActivePolicy policy;

    @Inject
    LondonClock clock;

    @ConfigProperty(name = "ubcs.statistics.suppress-below", defaultValue = "5")
    int suppressBelow;

    /** The small-numbers rule as configured. */
    public Suppression suppression() {
        return new Suppression(suppressBelow);
    }

    public Uni<StatisticsFigures> figures(StatisticsPeriod period) {
        check(period);
        LocalDate today = clock.today();
        boolean register = policy.profile().registerUsed();
        List<String> riskLevels = register ? policy.profile().register().orElseThrow().riskLevels() : List.of();
        // One query at a time: the figures are not urgent, and the pool serves the procedure first.
        return repository.cases(period, today, CLASSIFICATIONS)
                .flatMap(cases -> repository.durations(period, today)
                .flatMap(durations -> repository.restrictions(period, today, RESTRICTION_TYPES)
                .flatMap(restrictions -> repository.reviews(period, today, REVIEW_OUTCOMES)
                .flatMap(reviews -> repository.appeals(period, today)
                .flatMap(appeals -> (register ? repository.register(period, today, riskLevels)
                        : Uni.createFrom().<StatisticsFigures.Register>nullItem())
                .flatMap(entries -> repository.readAndFile(period, today)
                .flatMap(readAndFile -> repository.contactChecks(period, today, VERDICTS)
                .map(contacts -> new StatisticsFigures(period, cases, durations, restrictions, reviews, appeals,
                        entries, readAndFile, contacts)))))))));
    }

    /** {@code to} not before {@code from} (422 DATES_OUT_OF_ORDER), and at most five years after it. */
    static void check(StatisticsPeriod period) {
        if (period.to().isBefore(period.from())) {
            throw ProblemException.policyRule(DateOrder.OUT_OF_ORDER, "to " + period.to() + " is before from on "
                    + period.from() + ", which it follows.",
                    List.of(FieldError.parameter("to", "must not be before from (" + period.from() + ")")));
        }
        if (period.to().isAfter(period.from().plus(LONGEST_PERIOD).minusDays(1))) {
            throw ProblemException.policyRule(PERIOD_TOO_LONG, "The period from " + period.from() + " to "
                    + period.to() + " is longer than " + LONGEST_PERIOD.getYears()
                    + " years; ask for shorter periods.",
                    List.of(FieldError.parameter("to", "must be at most " + LONGEST_PERIOD.getYears()
                            + " years after from")));
        }
    }
}
