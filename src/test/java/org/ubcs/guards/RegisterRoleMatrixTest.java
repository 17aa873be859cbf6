package org.ubcs.guards;

import java.util.List;

import org.ubcs.support.StokeOnTrent;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The role matrix again for the register's operations, under a profile that keeps the register: there, the roles
 * allowed reach the register itself rather than its 404 {@code register-not-used}, and need to know still holds.
 */
@QuarkusTest
@TestProfile(StokeOnTrent.class)
class RegisterRoleMatrixTest extends RoleMatrixTest {

    @Override
    List<Contract.Operation> operationsToCall() {
        return Contract.operations().stream().filter(op -> op.path().startsWith("/register-")).toList();
    }
}
