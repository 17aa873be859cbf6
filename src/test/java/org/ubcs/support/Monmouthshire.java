package org.ubcs.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Monmouthshire's policy: a bilingual council, whose letters and subject access pages are in Welsh, then English. */
public class Monmouthshire implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ubcs.policy.active", "monmouthshire");
    }
}
