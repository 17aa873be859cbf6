package org.ubcs.restriction.service;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ubcs.api.model.JobName;
import org.ubcs.jobs.service.Batch;
import org.ubcs.jobs.service.ScheduledJob;
import org.ubcs.notification.service.NotificationService;
import org.ubcs.notification.service.NotificationService.OverdueNotice;
import org.ubcs.restriction.repository.RestrictionRepository;
import org.ubcs.security.Actor;
import org.ubcs.time.LondonClock;

import io.smallrye.mutiny.Uni;

/** Tells the policy owner, once each, of emergency restrictions still waiting for their follow-up assessment. */
@ApplicationScoped
public class FlagOverdueEmergencyAssessmentsJob implements ScheduledJob {

    @Inject
    RestrictionRepository restrictions;

    @Inject
    NotificationService notifications;

    @Inject
    LondonClock clock;

    @Override
    public JobName name() {
        return JobName.FLAG_OVERDUE_EMERGENCY_ASSESSMENTS;
    }

    @Override
    public Uni<Integer> runBatch(Actor actor, Batch batch) {
        var today = clock.today();
        return restrictions.find("emergency and followUp is null and not lifted and assessmentDueOn < ?1 "
                + "and overdueFlaggedOn is null and id not in ?2 order by assessmentDueOn, id", today, batch.skip())
                .page(0, batch.limit()).list()
                .flatMap(overdue -> batch.each(overdue, r -> r.id, r -> {
                    r.overdueFlaggedOn = today; // flagged once: the query above skips it from now on
                    return notifications.tellPolicyOwnerOfOverdue(new OverdueNotice("EMERGENCY_ASSESSMENT_OVERDUE",
                            r.id, r.caseId, "An emergency restriction has no follow-up assessment",
                            "Emergency restriction " + r.id + " needed a follow-up assessment by "
                                    + r.assessmentDueOn + ". Record it, or lift the restriction."))
                            .call(restrictions::flush);
                }));
    }
}
