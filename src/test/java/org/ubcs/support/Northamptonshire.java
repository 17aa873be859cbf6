package org.ubcs.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Northamptonshire's policy: decided by the Chief Executive and Monitoring Officer, challenged to the Chief Executive. */
public class Northamptonshire implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ubcs.policy.active", "northamptonshire");
    }
}
