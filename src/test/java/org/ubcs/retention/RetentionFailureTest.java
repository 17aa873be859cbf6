package org.ubcs.retention;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ubcs.support.Api;
import org.ubcs.support.Fixtures;
import org.ubcs.support.Fixtures.Case;
import org.ubcs.support.TestServices;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The retention job removes a batch of cases set-based; when that fails, it goes through the batch case by case,
 * leaves out the one that fails, and removes the rest, with nothing of the failing case half-removed.
 */
@QuarkusTest
class RetentionFailureTest {

    @Test
    void aCaseThatCannotBeRemovedIsLeftOutAndTheRestOfItsBatchIsRemoved() {
        List<Case> cases = List.of(RetentionTest.closedCase(), RetentionTest.closedCase(), RetentionTest.closedCase());
        Case bad = cases.get(1);
        String badName = RetentionTest.nameOf(bad);
        cases.forEach(kase -> RetentionTest.closedDaysAgo(kase, 400));
        // Real PostgreSQL refuses to change this one case's decision, as a corrupt row or a broken constraint would.
        TestServices.sql("create function ubcs_test_refuse() returns trigger language plpgsql as "
                + "$$ begin raise exception 'refused by the test'; end $$; "
                + "create trigger ubcs_test_poison before update on decision for each row when (old.case_id = '"
                + bad.id() + "') execute function ubcs_test_refuse()");
        try {
            Api.as("POLICY_OWNER").post("/jobs/" + RetentionTest.JOB + "/runs").then().statusCode(200)
                    .body("failedItems", contains(bad.id()));
        } finally {
            TestServices.sql("drop trigger ubcs_test_poison on decision; drop function ubcs_test_refuse()");
        }
        assertTrue(RetentionTest.removed(cases.get(0)));
        assertTrue(RetentionTest.removed(cases.get(2)));
        // Nothing of the failing case is half-removed: its case row, evidence and customer are as they were.
        assertFalse(RetentionTest.removed(bad));
        Api.as(Fixtures.OFFICER).get("/cases/" + bad.id()).then().statusCode(200)
                .body("matter", not(equalTo(RetentionTest.MARKER)));
        assertEquals(badName, RetentionTest.nameOf(bad));
        assertEquals(0, TestServices.count("select count(*) from evidence_entry where case_id = ? and summary = ?",
                UUID.fromString(bad.id()), RetentionTest.MARKER));
        assertEquals(0, TestServices.count("select count(*) from audit_event where action = 'PERSONAL_DATA_REMOVED' "
                + "and case_id = ?", UUID.fromString(bad.id())));

        // Once the fault is mended, the next run removes it.
        Fixtures.runJob(RetentionTest.JOB);
        assertTrue(RetentionTest.removed(bad));
        assertEquals(RetentionTest.MARKER, RetentionTest.nameOf(bad));
    }
}
