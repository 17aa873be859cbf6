package org.ubcs.policy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

/** The policy profile this service runs, checked at start-up so a misconfigured service never starts. */
@Startup
@ApplicationScoped
public class ActivePolicy {

    private final String id;
    private final PolicyConfig.Profile profile;

    @Inject
    public ActivePolicy(PolicyConfig config) {
        this.id = config.active();
        this.profile = config.profiles().get(id);
        if (profile == null) {
            throw new IllegalStateException("ubcs.policy.active is '" + id + "', but the profiles are "
                    + config.profiles().keySet());
        }
        if (profile.minimumDuration().toTotalMonths() > profile.maxReviewHorizon().toTotalMonths()) {
            throw new IllegalStateException("Policy profile '" + id + "': the minimum duration is longer than the "
                    + "longest review horizon, so no review date could be valid.");
        }
        profile.register().filter(PolicyConfig.Register::used).ifPresent(register -> {
            if (register.riskLevels().isEmpty() || register.precautions().isEmpty()) {
                throw new IllegalStateException("Policy profile '" + id + "': the register needs a risk scale and a "
                        + "list of precautions.");
            }
            if (!register.riskLevels().containsAll(register.removedContentKept().keySet())
                    || !register.removedContentKept().keySet().containsAll(register.riskLevels())) {
                throw new IllegalStateException("Policy profile '" + id + "': register.removed-content-kept must give "
                        + "a period for each risk level " + register.riskLevels() + ".");
            }
        });
    }

    public String id() {
        return id;
    }

    public PolicyConfig.Profile profile() {
        return profile;
    }
}
