package org.ubcs.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Stoke-on-Trent's policy: the one profile that keeps the register of potentially dangerous persons and properties. */
public class StokeOnTrent implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ubcs.policy.active", "stoke-on-trent");
    }
}
