package org.ubcs.cases.profiles;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(CaseLifecycleUnderMonmouthshireProfileTest.Profile.class)
class CaseLifecycleUnderMonmouthshireProfileTest extends CaseLifecycleScenario {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ubcs.policy.active", "monmouthshire");
        }
    }

    @Override
    String profileId() {
        return "monmouthshire";
    }
}
